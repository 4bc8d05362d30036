import type { Kysely } from 'kysely';
import type { DB } from './types.js';

export interface StoredLogo {
  /** null: the logo could not be fetched at `fetchedAt`. */
  image: Buffer | null;
  contentType: string | null;
  fetchedAt: Date;
}

export async function getTeamLogo(db: Kysely<DB>, url: string): Promise<StoredLogo | undefined> {
  const row = await db
    .selectFrom('team_logos')
    .select(['image', 'content_type', 'fetched_at'])
    .where('url', '=', url)
    .executeTakeFirst();
  return (
    row && {
      image: row.image === null ? null : Buffer.from(row.image),
      contentType: row.content_type,
      fetchedAt: row.fetched_at,
    }
  );
}

/** Keeps a fetched logo, or that it could not be fetched (image null), replacing what was kept. */
export async function saveTeamLogo(
  db: Kysely<DB>,
  url: string,
  logo: { image: Buffer | null; contentType: string | null; fetchedAt: Date },
): Promise<void> {
  await db
    .insertInto('team_logos')
    .values({ url, image: logo.image, content_type: logo.contentType, fetched_at: logo.fetchedAt })
    .onConflict((oc) =>
      oc.column('url').doUpdateSet((eb) => ({
        image: eb.ref('excluded.image'),
        content_type: eb.ref('excluded.content_type'),
        fetched_at: eb.ref('excluded.fetched_at'),
      })),
    )
    .execute();
}
