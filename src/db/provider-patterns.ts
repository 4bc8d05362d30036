import type { Kysely, Selectable } from 'kysely';
import type { ChannelFamily } from '../domain/types.js';
import type { DB, ProviderPatterns } from './types.js';

export type ProviderPatternRow = Selectable<ProviderPatterns>;

export function listProviderPatterns(db: Kysely<DB>, providerId: number): Promise<ProviderPatternRow[]> {
  return db
    .selectFrom('provider_patterns')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('deleted_at', 'is', null)
    .orderBy('priority', 'desc')
    .orderBy('id')
    .execute();
}

/** The enabled patterns of a provider, as channel families for the name parser. */
export async function providerFamilies(db: Kysely<DB>, providerId: number): Promise<ChannelFamily[]> {
  const rows = await listProviderPatterns(db, providerId);
  return rows
    .filter((r) => r.enabled)
    .map((r) => ({ family: r.family, pattern: r.pattern, priority: r.priority }));
}

export function insertProviderPattern(
  db: Kysely<DB>,
  values: { providerId: number; family: string; pattern: string; priority: number; enabled: boolean },
): Promise<ProviderPatternRow> {
  return db
    .insertInto('provider_patterns')
    .values({
      provider_id: values.providerId,
      family: values.family,
      pattern: values.pattern,
      priority: values.priority,
      enabled: values.enabled,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function softDeleteProviderPattern(
  db: Kysely<DB>,
  providerId: number,
  id: number,
): Promise<boolean> {
  const res = await db
    .updateTable('provider_patterns')
    .set({ deleted_at: new Date() })
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
