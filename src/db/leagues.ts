import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, FamilyLeagueMappings, Leagues } from './types.js';

// Leagues, and the family -> league mappings that point at them (a mapping means nothing without them).

export type LeagueRow = Selectable<Leagues>;
export type FamilyLeagueMappingRow = Selectable<FamilyLeagueMappings>;

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
