// What matching precomputes once per candidate set: each team's aliases sorted by what kind of name they are,
// which aliases several teams share, and how telling each word is within the set.
import { nextParts } from './part-fit.js';
import type { SportEvent } from '../types.js';
import { normalizeTeamName } from './team-names.js';

/** An event that a channel might carry, with its teams' normalised aliases (see `teamAliases`), full name first. */
export interface Candidate {
  event: SportEvent;
  homeAliases: string[];
  awayAliases: string[];
}

/**
 * What an alias is, read from the alias list itself: the `full` name (the first); a `nickname` (the full name's
 * tail when its head is another alias: `lakers`); a `place` (the head when the tail is another alias:
 * `los angeles`; for colleges the school); an `abbreviation` (one short word: `lal`); else an `alternate`.
 */
export type AliasKind = 'full' | 'nickname' | 'place' | 'abbreviation' | 'alternate';

export interface IndexedAlias {
  text: string;
  tokens: string[];
  kind: AliasKind;
  /** First letters of a multi-word alias (`la` for `los angeles`), else null. */
  initials: string | null;
}

export interface IndexedTeam {
  /** Identity across leagues: the full name (Arsenal in the EPL and the UCL is one team). */
  key: string;
  aliases: IndexedAlias[];
  byText: Map<string, IndexedAlias>;
  tokens: Set<string>;
  /** College teams: the school is the name people write, the mascot is shared by dozens. */
  college: boolean;
}

export interface IndexedCandidate {
  candidate: Candidate;
  event: SportEvent;
  home: IndexedTeam | null;
  away: IndexedTeam | null;
  startMs: number;
  /** The latest the event may end, when it says (a golf round, a card segment); else null. */
  endMs: number | null;
  /** Title words without filler, for events with no teams (fight cards, races). */
  titleTokens: string[];
}

export interface CandidateIndex {
  readonly entries: readonly IndexedCandidate[];
  /** How many distinct teams of the set an alias names. */
  teamsNamed(alias: string): number;
  /**
   * True when a written word can stand for a word of the team's aliases: equal, a prefix of at least 3 letters
   * (`man` for `manchester`), or the initials of a multi-word alias (`la` for `los angeles`).
   */
  explains(token: string, teamKey: string): boolean;
  /** Keys of the teams a written name could be: those with it as an alias, or explaining all its words. */
  teamsFor(norm: string, tokens: readonly string[]): ReadonlySet<string>;
  /** Weight of a team-name word: 1 when one team of the set uses it, less the more teams share it. */
  teamWordWeight(token: string): number;
  /** For each event with parts, the part on now or next (worked out once per index and clock). */
  nextParts(now: Date): ReadonlyMap<string, string>;
  /** The same over event titles. */
  titleWordWeight(token: string): number;
}

// Even a word many teams share (`state`, `united`) still counts for something when it is missing.
const MIN_WORD_WEIGHT = 0.4;
const MAX_REACH_MEMO = 10_000;
const ABBREVIATION = /^[a-z0-9]{2,4}$/;
// Words in titles and names that say nothing about which event.
const FILLER = new Set('vs v versus at x the and of a live main card event'.split(' '));

export function tokensOf(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/** Normalised words of a title, filler dropped, each once. */
// Title words written short: `Spanish GP` is the Spanish Grand Prix.
const TITLE_SHORT: Readonly<Record<string, readonly string[]>> = { gp: ['grand', 'prix'] };

export function titleTokens(text: string): string[] {
  const words = tokensOf(normalizeTeamName(text)).flatMap((t) => TITLE_SHORT[t] ?? [t]);
  return [...new Set(words.filter((t) => !FILLER.has(t)))];
}

function isCollegeLeague(league: string): boolean {
  return /^NCAA/i.test(league);
}

function kindOf(alias: string, index: number, all: Set<string>, full: string): AliasKind {
  if (index === 0) return 'full';
  if (full.endsWith(` ${alias}`) && all.has(full.slice(0, full.length - alias.length - 1))) return 'nickname';
  if (full.startsWith(`${alias} `) && all.has(full.slice(alias.length + 1))) return 'place';
  if (!alias.includes(' ') && ABBREVIATION.test(alias)) return 'abbreviation';
  return 'alternate';
}

/**
 * Words that join a club's name and that names written elsewhere keep or drop (`Atlético de Madrid`,
 * `Atlético Madrid`); both sides are compared without them.
 */
export const PARTICLES: ReadonlySet<string> = new Set(
  'de del della di da do dos das du des of the y et und'.split(' '),
);

/** The alias without its joining words, when it has any and something is left. */
export function withoutParticles(tokens: readonly string[]): string[] {
  const kept = tokens.filter((t) => !PARTICLES.has(t));
  return kept.length > 0 ? kept : [...tokens];
}

function indexTeam(aliases: readonly string[], league: string): IndexedTeam | null {
  const clean = [...new Set(aliases.map((a) => a.trim()).filter((a) => a !== ''))];
  const full = clean[0];
  if (full === undefined) return null;
  const all = new Set(clean);
  const indexed = clean.flatMap((text, i): IndexedAlias[] => {
    const tokens = tokensOf(text);
    const alias: IndexedAlias = {
      text,
      tokens,
      kind: kindOf(text, i, all, full),
      initials: tokens.length > 1 ? tokens.map((t) => t[0]).join('') : null,
    };
    const bare = withoutParticles(tokens);
    if (bare.length === tokens.length || all.has(bare.join(' '))) return [alias];
    return [
      alias,
      { ...alias, text: bare.join(' '), tokens: bare, kind: i === 0 ? 'alternate' : alias.kind },
    ];
  });
  return {
    key: full,
    aliases: indexed,
    byText: new Map(indexed.map((a) => [a.text, a])),
    tokens: new Set(indexed.flatMap((a) => a.tokens)),
    college: isCollegeLeague(league),
  };
}

function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/**
 * Precomputes what matching needs; build once per candidate set and reuse it for every channel searching it.
 * Shared aliases and word weights are counted over the whole set, so a wider set (all leagues of a day) is
 * more cautious than one per league and day.
 */
export function createCandidateIndex(candidates: readonly Candidate[]): CandidateIndex {
  const aliasTeams = new Map<string, Set<string>>();
  const tokenTeams = new Map<string, Set<string>>();
  const initialsTeams = new Map<string, Set<string>>();
  const titleEvents = new Map<string, Set<string>>();
  const entries = candidates.map((candidate): IndexedCandidate => {
    const { event } = candidate;
    const home = indexTeam(candidate.homeAliases, event.league);
    const away = indexTeam(candidate.awayAliases, event.league);
    for (const team of [home, away]) {
      if (!team) continue;
      for (const a of team.aliases) addTo(aliasTeams, a.text, team.key);
      for (const t of team.tokens) addTo(tokenTeams, t, team.key);
      for (const a of team.aliases) if (a.initials) addTo(initialsTeams, a.initials, team.key);
    }
    const tokens = titleTokens(event.title);
    for (const t of tokens) addTo(titleEvents, t, event.id);
    const startMs = event.startsAt.getTime();
    const endMs = event.endsAt && event.endsAt.getTime() > startMs ? event.endsAt.getTime() : null;
    return { candidate, event, home, away, startMs, endMs, titleTokens: tokens };
  });
  const weight = (map: Map<string, Set<string>>, token: string): number =>
    Math.max(MIN_WORD_WEIGHT, 1 / Math.sqrt(map.get(token)?.size ?? 1));
  // Written words repeat across channels and candidates: what each reaches is worked out once.
  const reach = new Map<string, Set<string>>();
  const reached = (token: string): Set<string> => {
    let teams = reach.get(token);
    if (teams) return teams;
    teams = new Set([...(tokenTeams.get(token) ?? []), ...(initialsTeams.get(token) ?? [])]);
    if (token.length >= 3) {
      for (const [word, keys] of tokenTeams) if (word.startsWith(token)) for (const k of keys) teams.add(k);
    }
    if (reach.size >= MAX_REACH_MEMO) reach.clear();
    reach.set(token, teams);
    return teams;
  };
  const possible = new Map<string, Set<string>>();
  const teamsFor = (norm: string, tokens: readonly string[]): Set<string> => {
    let teams = possible.get(norm);
    if (teams) return teams;
    teams = new Set(aliasTeams.get(norm));
    const [first, ...rest] = tokens;
    if (first !== undefined) {
      for (const k of reached(first)) if (rest.every((t) => reached(t).has(k))) teams.add(k);
    }
    if (possible.size >= MAX_REACH_MEMO) possible.clear();
    possible.set(norm, teams);
    return teams;
  };
  let next: { at: number; parts: ReadonlyMap<string, string> } | undefined;
  return {
    entries,
    teamsNamed: (alias) => aliasTeams.get(alias)?.size ?? 0,
    explains: (token, teamKey) => reached(token).has(teamKey),
    teamsFor,
    teamWordWeight: (token) => weight(tokenTeams, token),
    titleWordWeight: (token) => weight(titleEvents, token),
    nextParts: (now) => {
      if (next?.at !== now.getTime()) next = { at: now.getTime(), parts: nextParts(entries, now) };
      return next.parts;
    },
  };
}
