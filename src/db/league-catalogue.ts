import type { Kysely } from 'kysely';
import type { DiscoveredLeague } from '../domain/league-catalogue.js';
import type { TsdbLeague } from '../sources/thesportsdb-schema.js';
import type { DB } from './types.js';

// TheSportsDB's league list as last fetched, and the leagues found through it or the ESPN list.

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

/** Adds a found league; a league already stored under its key (configured or found before) is kept. */
export async function insertDiscoveredLeague(
  db: Kysely<DB>,
  league: DiscoveredLeague,
  at: Date,
): Promise<void> {
  await db
    .insertInto('leagues')
    .values({
      key: league.key,
      name: league.name,
      sport: league.sport,
      espn_slug: league.espn,
      thesportsdb_id: league.thesportsdb?.id ?? null,
      thesportsdb_name: league.thesportsdb?.name ?? null,
      duration_minutes: league.durationMinutes,
      us_style: league.usStyle,
      aliases: league.aliases,
      discovered_at: at,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function listDiscoveredLeagues(db: Kysely<DB>): Promise<DiscoveredLeague[]> {
  const rows = await db
    .selectFrom('leagues')
    .selectAll()
    .where('discovered_at', 'is not', null)
    .orderBy('discovered_at')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    sport: r.sport,
    espn: r.espn_slug,
    thesportsdb:
      r.thesportsdb_id !== null ? { id: r.thesportsdb_id, name: r.thesportsdb_name ?? r.name } : null,
    durationMinutes: r.duration_minutes,
    usStyle: r.us_style,
    aliases: r.aliases,
  }));
}
