// What a family carries, learned from its own slots: when the confident matches of a family's channels agree
// on a league (or two or three, for an ESPN+-style mixed family), that is its league for this generation.

export interface FamilyMatch {
  /** Comparison key of the channel's family. */
  family: string;
  /** League of the event the channel matched confidently, else null. */
  league: string | null;
}

export interface LearnOptions {
  /** Confident matches a league needs in its family (default 2). */
  minMatches?: number;
  /** Share of the family's matches a league needs (default 0.2). */
  minShare?: number;
  /** Leagues kept per family, most matched first (default 3). */
  maxLeagues?: number;
}

/**
 * The leagues each family's matches agree on, most matched first; families whose matches agree on nothing are
 * left out. One match is never enough: a stray game must not teach a family its league.
 */
export function learnFamilyLeagues(
  matches: Iterable<FamilyMatch>,
  opts: LearnOptions = {},
): Map<string, string[]> {
  const minMatches = opts.minMatches ?? 2;
  const minShare = opts.minShare ?? 0.2;
  const maxLeagues = opts.maxLeagues ?? 3;
  const counts = new Map<string, Map<string, number>>();
  for (const m of matches) {
    if (m.league === null) continue;
    const byLeague = counts.get(m.family) ?? new Map<string, number>();
    byLeague.set(m.league, (byLeague.get(m.league) ?? 0) + 1);
    counts.set(m.family, byLeague);
  }
  const learned = new Map<string, string[]>();
  for (const [family, byLeague] of counts) {
    const total = [...byLeague.values()].reduce((a, b) => a + b, 0);
    const need = Math.max(minMatches, Math.ceil(minShare * total));
    const leagues = [...byLeague]
      .filter(([, n]) => n >= need)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, maxLeagues)
      .map(([league]) => league);
    if (leagues.length > 0) learned.set(family, leagues);
  }
  return learned;
}
