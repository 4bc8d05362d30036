// Which leagues a channel family carries, and looking leagues up by key. Families and league keys come from
// checked-in config, provider rows and what a lineup teaches; these rules are the same for all of them.

export interface FamilyLeagueMapping {
  family: string;
  /** League keys, most likely first; empty means any league. */
  leagues: string[];
}

/** Family labels compare without case or spacing: `Espn+`, `ESPN +` and `ESPN+` are one family. */
export function familyKey(family: string): string {
  return family.toLowerCase().replace(/\s+/g, '');
}

/** The leagues a family's channels carry: null when the family is not mapped, [] when it may carry any. */
export function leaguesForFamily(mappings: readonly FamilyLeagueMapping[], family: string): string[] | null {
  const key = familyKey(family);
  return mappings.find((m) => familyKey(m.family) === key)?.leagues ?? null;
}

/** A league by its key, whatever the case it is written in. */
export function findLeague<L extends { key: string }>(leagues: readonly L[], key: string): L | undefined {
  const upper = key.toUpperCase();
  return leagues.find((l) => l.key === upper);
}
