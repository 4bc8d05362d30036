// Which leagues a channel family carries, and looking leagues up by key. Families and league keys come from
// checked-in config, provider rows and what a lineup teaches; these rules are the same for all of them.

/**
 * Where a family's leagues come from: checked-in config, the provider's own mapping (an admin's), learned from
 * the games its slots matched, or hinted by the family's own name or group title.
 */
export type LeagueSource = 'config' | 'provider' | 'learned' | 'hint';

export interface FamilyLeagueMapping {
  family: string;
  /** League keys, most likely first; empty means any league. */
  leagues: string[];
  /** Absent: checked-in config. */
  source?: LeagueSource;
}

/** The leagues a family carries and how sure that is. */
export interface FamilyLeagues {
  /** League keys, most likely first; empty means any league. */
  leagues: string[];
  source: LeagueSource;
}

/**
 * Config and an admin's mapping say what a family carries and restrict the search to it; what was learned or
 * hinted only says which leagues are known well enough to trust a team named by city or code.
 */
export function restricts(source: LeagueSource): boolean {
  return source === 'config' || source === 'provider';
}

/** Family labels compare without case or spacing: `Espn+`, `ESPN +` and `ESPN+` are one family. */
export function familyKey(family: string): string {
  return family.toLowerCase().replace(/\s+/g, '');
}

/** The leagues a family's channels carry: null when the family is not mapped, [] when it may carry any. */
export function leaguesForFamily(mappings: readonly FamilyLeagueMapping[], family: string): string[] | null {
  return familyLeaguesLookup(mappings)(family)?.leagues ?? null;
}

/**
 * A family's mapped leagues with their source (null when the family is not mapped), over one set of mappings:
 * the mappings are keyed once and each family label is looked up once, for a whole lineup.
 */
export function familyLeaguesLookup(
  mappings: readonly FamilyLeagueMapping[],
): (family: string) => FamilyLeagues | null {
  const byKey = new Map<string, FamilyLeagueMapping>();
  for (const m of mappings) {
    const key = familyKey(m.family);
    if (!byKey.has(key)) byKey.set(key, m);
  }
  const byLabel = new Map<string, FamilyLeagues | null>();
  return (family) => {
    let found = byLabel.get(family);
    if (found === undefined) {
      const m = byKey.get(familyKey(family));
      found = m ? { leagues: m.leagues, source: m.source ?? 'config' } : null;
      byLabel.set(family, found);
    }
    return found;
  };
}

/** A league by its key, whatever the case it is written in. */
export function findLeague<L extends { key: string }>(leagues: readonly L[], key: string): L | undefined {
  const upper = key.toUpperCase();
  return leagues.find((l) => l.key === upper);
}
