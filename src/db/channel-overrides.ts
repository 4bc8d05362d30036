import type { Kysely, Selectable } from 'kysely';
import type { ChannelOverrides, DB } from './types.js';

export type ChannelOverrideRow = Selectable<ChannelOverrides>;

/** A provider's live overrides, by channel id. */
export function listOverrides(db: Kysely<DB>, providerId: number): Promise<ChannelOverrideRow[]> {
  return db
    .selectFrom('channel_overrides')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('deleted_at', 'is', null)
    .orderBy('channel_id')
    .execute();
}

/** Replaces a channel's override (the earlier one is soft-deleted). */
export async function setOverride(
  db: Kysely<DB>,
  o: { providerId: number; channelId: string; eventId: number | null },
): Promise<ChannelOverrideRow> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('channel_overrides')
      .set({ deleted_at: new Date() })
      .where('provider_id', '=', o.providerId)
      .where('channel_id', '=', o.channelId)
      .where('deleted_at', 'is', null)
      .execute();
    return trx
      .insertInto('channel_overrides')
      .values({
        provider_id: o.providerId,
        channel_id: o.channelId,
        event_id: o.eventId,
        not_event: o.eventId === null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Soft-deletes a channel's override; false when it has none. */
export async function deleteOverride(
  db: Kysely<DB>,
  providerId: number,
  channelId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('channel_overrides')
    .set({ deleted_at: new Date() })
    .where('provider_id', '=', providerId)
    .where('channel_id', '=', channelId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
