// How well a team name written in a channel name fits a team of a candidate event.
import { normalizeTeamName } from './team-names.js';
import {
  tokensOf,
  withoutParticles,
  type AliasKind,
  type CandidateIndex,
  type IndexedAlias,
  type IndexedTeam,
} from './candidate-index.js';

/**
 * How a written name reached a team: an alias kind when it equals that alias; `compound` when its words are
 * all explained by the team's aliases and one alias is wholly present (`SAS Spurs`, `LA Lakers`); `shared`
 * when it equals an alias that another team of the candidate set also has; `partial` for word overlap.
 */
export type HitKind = AliasKind | 'compound' | 'shared' | 'partial' | 'none';

export interface TeamHit {
  score: number;
  kind: HitKind;
  /** The alias that decided, when one did. */
  alias: string | null;
  /** True when the hit alone identifies the team (not a city, a code, a mascot, a shared or partial name). */
  strong: boolean;
}

export interface WrittenTeam {
  raw: string;
  norm: string;
  tokens: string[];
}

export const NO_HIT: TeamHit = { score: 0, kind: 'none', alias: null, strong: false };

// Scores per kind. A place or a code is right nearly always within one league, but it names several clubs
// across leagues; a college mascot names dozens of schools.
const PRO_SCORES: Record<AliasKind, number> = {
  full: 1,
  nickname: 1,
  alternate: 0.95,
  place: 0.85,
  abbreviation: 0.85,
};
const COLLEGE_SCORES: Record<AliasKind, number> = {
  full: 1,
  place: 0.97,
  alternate: 0.95,
  abbreviation: 0.85,
  nickname: 0.6,
};
// Found, but too weak to carry a pair unless the other team is sure.
const SHARED_SCORE = 0.5;
const COMPOUND_FACTOR = 0.92;
const PARTIAL_FACTOR = 0.85;
const STRONG_PARTIAL = 0.8;
const WORD_SYNONYMS: Record<string, string> = { utd: 'united', univ: 'university', intl: 'international' };

export function writtenTeam(raw: string): WrittenTeam {
  const norm = normalizeTeamName(raw);
  const tokens = withoutParticles(tokensOf(norm).map((t) => WORD_SYNONYMS[t] ?? t));
  return { raw, norm: tokens.join(' '), tokens };
}

function kindScore(kind: AliasKind, team: IndexedTeam): number {
  return (team.college ? COLLEGE_SCORES : PRO_SCORES)[kind];
}

function isStrongKind(kind: AliasKind, team: IndexedTeam): boolean {
  if (kind === 'full' || kind === 'alternate') return true;
  return team.college ? kind === 'place' : kind === 'nickname';
}

/** A written word stands for an alias word when equal, or as a prefix of at least 3 letters (`man`, `phila`). */
function wordFits(written: string, aliasWord: string): boolean {
  return written === aliasWord || (written.length >= 3 && aliasWord.startsWith(written));
}

/** Weighted share of an alias' words that the written words cover. */
function aliasCoverage(alias: IndexedAlias, written: WrittenTeam, index: CandidateIndex): number {
  if (alias.initials !== null && written.tokens.includes(alias.initials)) return 1;
  let total = 0;
  let covered = 0;
  for (const t of alias.tokens) {
    const w = index.teamWordWeight(t);
    total += w;
    if (written.tokens.some((x) => wordFits(x, t))) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

const KIND_RANK: Record<AliasKind, number> = {
  full: 4,
  nickname: 3,
  alternate: 3,
  place: 2,
  abbreviation: 1,
};

function exactHit(alias: IndexedAlias, team: IndexedTeam, index: CandidateIndex): TeamHit {
  if (index.teamsNamed(alias.text) > 1)
    return { score: SHARED_SCORE, kind: 'shared', alias: alias.text, strong: false };
  return {
    score: kindScore(alias.kind, team),
    kind: alias.kind,
    alias: alias.text,
    strong: isStrongKind(alias.kind, team),
  };
}

/** Scores one written team against one team of a candidate event. */
export function scoreTeam(written: WrittenTeam, team: IndexedTeam, index: CandidateIndex): TeamHit {
  if (written.tokens.length === 0) return NO_HIT;
  const exact = team.byText.get(written.norm);
  if (exact) return exactHit(exact, team, index);

  // A name that is another team's alias is that team; a word the team does not explain (`Auburn Tigers` against
  // LSU, `Michigan State` against Michigan, `Real Madrid` against Real Sociedad) names a different club.
  if (index.teamsNamed(written.norm) > 0) return NO_HIT;
  if (!written.tokens.every((t) => index.explains(t, team.key))) return NO_HIT;

  let best: IndexedAlias | null = null;
  let bestCoverage = 0;
  for (const a of team.aliases) {
    const c = aliasCoverage(a, written, index);
    if (c > bestCoverage || (c === bestCoverage && best && KIND_RANK[a.kind] > KIND_RANK[best.kind])) {
      best = a;
      bestCoverage = c;
    }
  }
  if (!best || bestCoverage === 0) return NO_HIT;
  if (bestCoverage === 1) {
    // Every written word belongs to the team and one alias is wholly there: `SAS Spurs`, `Man United`. Two
    // words pin a team down even when each alone is shared (`LA Kings`).
    if (written.tokens.length > 1) {
      const score = COMPOUND_FACTOR * Math.max(kindScore(best.kind, team), PRO_SCORES.place);
      return { score, kind: 'compound', alias: best.text, strong: true };
    }
    const base = exactHit(best, team, index);
    return { ...base, score: COMPOUND_FACTOR * base.score };
  }
  // Every written word is the team's, but no alias is complete (`Blazers` for Trail Blazers).
  const score = (PARTIAL_FACTOR * 2 * bestCoverage) / (1 + bestCoverage);
  return { score, kind: 'partial', alias: best.text, strong: score >= STRONG_PARTIAL };
}

/** The best hit of a written team on either side of an event. */
export function describeHit(written: WrittenTeam, hit: TeamHit): string {
  if (hit.kind === 'none') return `"${written.raw}" not found`;
  const via = hit.alias && hit.alias !== written.norm ? ` via "${hit.alias}"` : '';
  return `"${written.raw}" ${hit.kind}${via} (${hit.score.toFixed(2)})`;
}
