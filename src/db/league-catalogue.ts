import type { Kysely } from 'kysely';
import type { TsdbLeague } from '../sources/thesportsdb-schema.js';
import type { DB } from './types.js';

// TheSportsDB's league list as last fetched (the leagues found through it are in leagues.ts).

export async function listSourceLeagues(
  db: Kysely<DB>,
  source: string,
): Promise<{ rows: TsdbLeague[]; fetchedAt: Date | null }> {
  const rows = await db.selectFrom('source_leagues').selectAll().where('source', '=', source).execute();
  const fetchedAt = rows.reduce<Date | null>((a, r) => (a && a > r.fetched_at ? a : r.fetched_at), null);
  return {
    rows: rows.map((r) => ({
      idLeague: r.id,
      strLeague: r.name,
      strSport: r.sport,
      strLeagueAlternate: r.alternate,
    })),
    fetchedAt,
  };
}

/** Replaces one source's league list in one transaction. */
export async function replaceSourceLeagues(
  db: Kysely<DB>,
  source: string,
  rows: readonly TsdbLeague[],
  fetchedAt: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('source_leagues').where('source', '=', source).execute();
    const values = [...new Map(rows.map((r) => [r.idLeague, r])).values()].map((r) => ({
      source,
      id: r.idLeague,
      name: r.strLeague,
      sport: r.strSport,
      alternate: r.strLeagueAlternate,
      fetched_at: fetchedAt,
    }));
    // Postgres takes at most 65535 parameters a statement: a few hundred rows at a time.
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('source_leagues')
        .values(values.slice(i, i + 500))
        .execute();
  });
}
