import type { Insertable, Kysely, Selectable } from 'kysely';
import { familyKey, type FamilyLeagueMapping } from '../domain/family-leagues.js';
import type { DiscoveredLeague } from '../domain/league-catalogue.js';
import type { DB, FamilyLeagueMappings, Leagues } from './types.js';

// Leagues, and the family -> league mappings that point at them (a mapping means nothing without them).

export type LeagueRow = Selectable<Leagues>;
export type FamilyLeagueMappingRow = Selectable<FamilyLeagueMappings>;

/** What a league, configured or found, writes to its row. */
export function leagueValues(
  league: Omit<DiscoveredLeague, 'aliases'>,
): Omit<Insertable<Leagues>, 'aliases' | 'discovered_at'> {
  return {
    key: league.key,
    name: league.name,
    sport: league.sport,
    espn_slug: league.espn,
    thesportsdb_id: league.thesportsdb?.id ?? null,
    thesportsdb_name: league.thesportsdb?.name ?? null,
    duration_minutes: league.durationMinutes,
    us_style: league.usStyle,
  };
}

export function listLeagueRows(db: Kysely<DB>): Promise<LeagueRow[]> {
  return db.selectFrom('leagues').selectAll().orderBy('key').execute();
}

/** Inserts or rewrites each league by key; leagues absent from `rows` are kept (events reference them). */
export async function upsertLeagues(db: Kysely<DB>, rows: Insertable<Leagues>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await db
    .insertInto('leagues')
    .values(rows)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        sport: eb.ref('excluded.sport'),
        espn_slug: eb.ref('excluded.espn_slug'),
        thesportsdb_id: eb.ref('excluded.thesportsdb_id'),
        thesportsdb_name: eb.ref('excluded.thesportsdb_name'),
        duration_minutes: eb.ref('excluded.duration_minutes'),
        us_style: eb.ref('excluded.us_style'),
        updated_at: new Date(),
      })),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/** Universal mappings (no provider), soft-deleted ones included so seeding can respect an admin's delete. */
export function listUniversalMappings(db: Kysely<DB>): Promise<FamilyLeagueMappingRow[]> {
  return db.selectFrom('family_league_mappings').selectAll().where('provider_id', 'is', null).execute();
}

/** Live mappings of one provider (its own rows only). */
export function listProviderMappings(db: Kysely<DB>, providerId: number): Promise<FamilyLeagueMappingRow[]> {
  return db
    .selectFrom('family_league_mappings')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('deleted_at', 'is', null)
    .orderBy('family')
    .execute();
}

export async function insertFamilyMapping(
  db: Kysely<DB>,
  values: Insertable<FamilyLeagueMappings>,
): Promise<FamilyLeagueMappingRow> {
  return db.insertInto('family_league_mappings').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function setFamilyMappingLeagues(
  db: Kysely<DB>,
  id: number,
  leagueKeys: string[],
): Promise<void> {
  await db
    .updateTable('family_league_mappings')
    .set({ league_keys: leagueKeys })
    .where('id', '=', id)
    .execute();
}

/**
 * The family mappings a provider's names are read with: its own live rows (an admin's or learned) over the
 * universal live ones (a provider row for a family replaces the universal row of that family).
 */
export async function familyMappingsFor(db: Kysely<DB>, providerId: number): Promise<FamilyLeagueMapping[]> {
  const rows = await db
    .selectFrom('family_league_mappings')
    .select(['family', 'league_keys', 'provider_id', 'source'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('provider_id', 'is', null), eb('provider_id', '=', providerId)]))
    .execute();
  const byFamily = new Map<string, FamilyLeagueMapping>();
  for (const r of rows.sort((a, b) => (a.provider_id === null ? 0 : 1) - (b.provider_id === null ? 0 : 1))) {
    const source = r.provider_id === null ? 'config' : r.source === 'learned' ? 'learned' : 'provider';
    byFamily.set(familyKey(r.family), { family: r.family, leagues: r.league_keys, source });
  }
  return [...byFamily.values()];
}

/**
 * Records what a provider's families were learned to carry. A family an admin mapped keeps the admin's mapping;
 * a learned row is replaced (the old one soft-deleted) only when the lesson changed.
 */
export async function saveLearnedMappings(
  db: Kysely<DB>,
  providerId: number,
  learned: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  if (learned.size === 0) return;
  const live = await listProviderMappings(db, providerId);
  const byKey = new Map(live.map((r) => [familyKey(r.family), r]));
  for (const [family, leagues] of learned) {
    const row = byKey.get(familyKey(family));
    if (row && (row.source !== 'learned' || sameLeagues(row.league_keys, leagues))) continue;
    await replaceLearned(db, providerId, row?.id ?? null, family, leagues);
  }
}

async function replaceLearned(
  db: Kysely<DB>,
  providerId: number,
  previousId: number | null,
  family: string,
  leagues: readonly string[],
): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      if (previousId !== null) {
        await trx
          .updateTable('family_league_mappings')
          .set({ deleted_at: new Date() })
          .where('id', '=', previousId)
          .execute();
      }
      await trx
        .insertInto('family_league_mappings')
        .values({ provider_id: providerId, family, league_keys: [...leagues], source: 'learned' })
        .execute();
    });
  } catch (err) {
    // Another instance wrote the same family's row first: its lesson stands until the next generation.
    if ((err as { code?: unknown }).code !== '23505') throw err;
  }
}

function sameLeagues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Sets a provider's own mapping of a family (insert or replace). */
export async function upsertProviderMapping(
  db: Kysely<DB>,
  providerId: number,
  family: string,
  leagueKeys: string[],
): Promise<FamilyLeagueMappingRow> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('family_league_mappings')
      .set({ deleted_at: new Date() })
      .where('provider_id', '=', providerId)
      .where((eb) => eb(eb.fn('lower', ['family']), '=', family.toLowerCase()))
      .where('deleted_at', 'is', null)
      .execute();
    return trx
      .insertInto('family_league_mappings')
      .values({ provider_id: providerId, family, league_keys: leagueKeys, source: 'admin' })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function softDeleteProviderMapping(
  db: Kysely<DB>,
  providerId: number,
  family: string,
): Promise<boolean> {
  const res = await db
    .updateTable('family_league_mappings')
    .set({ deleted_at: new Date() })
    .where('provider_id', '=', providerId)
    .where((eb) => eb(eb.fn('lower', ['family']), '=', family.toLowerCase()))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Adds a found league; a league already stored under its key (configured or found before) is kept. */
export async function insertDiscoveredLeague(
  db: Kysely<DB>,
  league: DiscoveredLeague,
  at: Date,
): Promise<void> {
  await db
    .insertInto('leagues')
    .values({ ...leagueValues(league), aliases: league.aliases, discovered_at: at })
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
