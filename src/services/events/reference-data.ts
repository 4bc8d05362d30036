import type { Kysely } from 'kysely';
import type { LeagueConfig } from '../../config/leagues.js';
import { familyKey, type FamilyLeagueMapping } from '../../domain/family-leagues.js';
import {
  insertFamilyMapping,
  leagueValues,
  listUniversalMappings,
  setFamilyMappingLeagues,
  upsertLeagues,
} from '../../db/leagues.js';
import type { DB } from '../../db/types.js';

export interface SeedResult {
  leagues: number;
  mappingsInserted: number;
  mappingsUpdated: number;
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Writes the checked-in leagues and universal family mappings at start; safe to run on every start and from
 * several instances at once (one transaction). A mapping an admin changed (source other than `config`) or
 * soft-deleted is left alone, so config never undoes an admin's decision.
 */
export async function seedReferenceData(
  db: Kysely<DB>,
  leagues: readonly LeagueConfig[],
  mappings: readonly FamilyLeagueMapping[],
): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const leagueCount = await upsertLeagues(trx, leagues.map(leagueValues));
    const existing = new Map<string, { id: number; keys: string[]; source: string; live: boolean }>();
    for (const row of await listUniversalMappings(trx)) {
      const key = familyKey(row.family);
      const live = row.deleted_at === null;
      // A live row wins over a deleted one of the same family; a deleted one still blocks re-seeding.
      if (existing.get(key)?.live) continue;
      existing.set(key, { id: row.id, keys: row.league_keys, source: row.source, live });
    }
    let inserted = 0;
    let updated = 0;
    for (const m of mappings) {
      const row = existing.get(familyKey(m.family));
      if (!row) {
        await insertFamilyMapping(trx, { family: m.family, league_keys: m.leagues, source: 'config' });
        inserted += 1;
      } else if (row.live && row.source === 'config' && !sameKeys(row.keys, m.leagues)) {
        await setFamilyMappingLeagues(trx, row.id, m.leagues);
        updated += 1;
      }
    }
    return { leagues: leagueCount, mappingsInserted: inserted, mappingsUpdated: updated };
  });
}
