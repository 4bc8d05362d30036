// One candidate event against one parsed channel: the teams (or the title), the time, and the resulting score
// with the reasons a person would give.
import type { ParsedChannel } from '../types.js';
import type { CandidateQuery } from './candidates.js';
import { admitsLeague } from './candidates.js';
import type { CandidateIndex, IndexedCandidate } from './candidate-index.js';
import {
  describeHit,
  NO_HIT,
  scoreTeam,
  writtenTeam,
  type TeamHit,
  type WrittenTeam,
} from './team-scores.js';
import { nameTitleTokens, scoreTitle } from './title.js';
import { isStudioText } from '../channel-name/hints.js';
import { fitPart } from './part-fit.js';
import { fitTime } from './time-fit.js';

export interface ScoredCandidate {
  eventId: string;
  title: string;
  /** Confidence in [0, 1] that the channel carries this event. */
  score: number;
  /** The team (or title) part of the score, before time. */
  teamScore: number;
  /** Minutes between the event's start and the name's time; null when the name has no time. */
  timeDeltaMinutes: number | null;
  reasons: string[];
  /** Why the candidate is out, whatever its score. */
  rejected?: string;
  /** The name gives no date and the event is on another day than the likely one. */
  otherDay?: boolean;
  /**
   * The score this candidate earns if it is the only one that both written teams and the time fit: two names
   * each equal to an alias of its teams, within minutes of its start, name this game and no other.
   */
  soleScore?: number;
}

export interface EvidenceOptions {
  maxTimeDeltaMinutes: number;
  query?: CandidateQuery;
}

/** What the channel says, read once and reused for every candidate. */
export interface ChannelEvidence {
  parsed: ParsedChannel;
  teams: WrittenTeam[];
  /** The one team or the title of a name without a matchup. */
  single: WrittenTeam | null;
  /** Keys of the index's teams that a written team could be. */
  possibleTeams: ReadonlySet<string>;
  titleWords: string[];
  studio: boolean;
}

// Each written team must be found at least this well.
const MIN_TEAM_SCORE = 0.5;
// Teams named only by city, code or mascot need the league and a time to be sure; so do titles and one team.
const WEAK_CAP = 0.6;
const NO_TIME_CAP = 0.65;
const SINGLE_TEAM_FACTOR = 0.85;
const MIN_TITLE_SCORE = 0.5;
const REVERSED_PENALTY = 0.02;
// Two names, each an alias of one of the teams, within this many minutes of the start, and no other game
// they both fit: that game, however common the names (`Bears @ Horned Frogs 7:30p`, `Anaheim vs Dallas`).
const SOLE_WITHIN_MINUTES = 30;
const SOLE_GAME_SCORE = 0.8;

/** Reads what the channel says once per index: its teams, and which teams of the index they could be. */
export function readChannel(parsed: ParsedChannel, index: CandidateIndex): ChannelEvidence {
  const written = parsed.teams.slice(0, 2).map(writtenTeam);
  const teams = written.length === 2 ? written : [];
  const singleText = parsed.teams.length === 1 ? (parsed.teams[0] ?? null) : parsed.title;
  const single = teams.length === 2 || !singleText ? null : writtenTeam(singleText);
  const possibleTeams = new Set<string>();
  for (const w of single ? [single] : teams)
    for (const k of index.teamsFor(w.norm, w.tokens)) possibleTeams.add(k);
  return {
    parsed,
    teams,
    single,
    possibleTeams,
    titleWords: nameTitleTokens(parsed.title, parsed.teams),
    studio: parsed.title !== null && isStudioText(parsed.title),
  };
}

interface Fit {
  score: number;
  reasons: string[];
  rejected?: string;
  /** True when the evidence is weak without a league and a time to back it. */
  weak: boolean;
  /** Both written teams equal one of their aliases, maybe one another team also goes by (not a partial name). */
  named?: boolean;
}

function mean(a: TeamHit, b: TeamHit): number {
  return (a.score + b.score) / 2;
}

/** The written name equals an alias of the team (a shared one counts: the pair may still name one game). */
function namedKind(h: TeamHit): boolean {
  return h.kind !== 'partial' && h.kind !== 'none' && h.kind !== 'compound';
}

function exactKind(h: TeamHit): boolean {
  return h.kind !== 'partial' && h.kind !== 'shared' && h.kind !== 'none' && h.kind !== 'compound';
}

const NOTHING_FOUND: Fit = { score: 0, reasons: [], rejected: 'teams not found', weak: true };

function fitTeams(ch: ChannelEvidence, entry: IndexedCandidate, index: CandidateIndex): Fit {
  const [w0, w1] = ch.teams as [WrittenTeam, WrittenTeam];
  const { home, away } = entry;
  if (!home || !away) return NOTHING_FOUND;
  // Written order first-is-away versus first-is-home; `@`/`at` make the first one away, `vs` says nothing.
  const asAway: [TeamHit, TeamHit] = [scoreTeam(w0, away, index), scoreTeam(w1, home, index)];
  const asHome: [TeamHit, TeamHit] = [scoreTeam(w0, home, index), scoreTeam(w1, away, index)];
  // Most candidates share no name with the channel: no words spent on them.
  if (asAway[0].score + asAway[1].score + asHome[0].score + asHome[1].score === 0) return NOTHING_FOUND;
  const penalty = ch.parsed.awayFirst ? REVERSED_PENALTY : 0;
  const awayScore = Math.min(asAway[0].score, asAway[1].score) >= MIN_TEAM_SCORE ? mean(...asAway) : 0;
  const homeScore =
    Math.min(asHome[0].score, asHome[1].score) >= MIN_TEAM_SCORE ? mean(...asHome) - penalty : 0;
  if (awayScore <= 0 && homeScore <= 0) {
    const first = asAway[0].score >= asHome[0].score ? asAway[0] : asHome[0];
    const second = asAway[1].score >= asHome[1].score ? asAway[1] : asHome[1];
    const missing = first.score < second.score ? describeHit(w0, first) : describeHit(w1, second);
    return {
      score: mean(first, second),
      reasons: [],
      rejected: `teams not both found: ${missing}`,
      weak: true,
    };
  }
  const reversed = homeScore > awayScore;
  const [h0, h1] = reversed ? asHome : asAway;
  const reasons =
    exactKind(h0) && exactKind(h1)
      ? ['both teams exact on aliases']
      : [describeHit(w0, h0), describeHit(w1, h1)];
  if (reversed && ch.parsed.awayFirst) reasons.push('home/away reversed');
  return {
    score: Math.max(awayScore, homeScore),
    reasons,
    weak: !h0.strong && !h1.strong,
    named: namedKind(h0) && namedKind(h1),
  };
}

function fitSingle(ch: ChannelEvidence, entry: IndexedCandidate, index: CandidateIndex): Fit {
  const w = ch.single;
  if (!w) return { score: 0, reasons: [], rejected: 'the name has no team or title', weak: true };
  if (ch.studio)
    return { score: 0, reasons: [], rejected: 'a show about the game, not the game', weak: true };
  const onHome = entry.home ? scoreTeam(w, entry.home, index) : NO_HIT;
  const onAway = entry.away ? scoreTeam(w, entry.away, index) : NO_HIT;
  const hit = onHome.score >= onAway.score ? onHome : onAway;
  if (hit.score === 0) return NOTHING_FOUND;
  const reasons = [`one team: ${describeHit(w, hit)}`];
  if (!hit.strong)
    return { score: hit.score, reasons, rejected: `one team, ${describeHit(w, hit)}`, weak: true };
  return { score: SINGLE_TEAM_FACTOR * hit.score, reasons, weak: true };
}

/**
 * `minWords`: title words the name must share with the event; one when the name names the very part (`Darlington
 * - Race`): the part and the time then say the rest.
 */
function fitTitle(ch: ChannelEvidence, entry: IndexedCandidate, index: CandidateIndex, minWords = 2): Fit {
  if (ch.studio && !isStudioText(entry.event.title)) {
    return { score: 0, reasons: [], rejected: 'a show about the event, not the event', weak: true };
  }
  const hit = scoreTitle(ch.titleWords, entry, index, minWords);
  // One word in common (`ufc`, `grand`) is no more than the league: nothing to report.
  if (!hit.rejected && hit.matched.length < minWords) return NOTHING_FOUND;
  const reasons = [`title words ${hit.matched.join(' ') || 'none'} (${hit.score.toFixed(2)})`];
  if (hit.rejected) return { score: 0, reasons, rejected: hit.rejected, weak: true };
  if (hit.score < MIN_TITLE_SCORE)
    return { score: hit.score, reasons, rejected: 'title words not found', weak: true };
  return { score: hit.score, reasons, weak: true };
}

/**
 * Scores one candidate; null when it has nothing in common with the channel. `weak` evidence is capped below
 * any sensible threshold unless the league and a time back it.
 */
export function scoreCandidate(
  ch: ChannelEvidence,
  entry: IndexedCandidate,
  index: CandidateIndex,
  opts: EvidenceOptions,
): ScoredCandidate | null {
  if (opts.query && !admitsLeague(opts.query, entry.event.league)) return null;
  const { home, away } = entry;
  // A card segment has its headline fighters; a name giving only the card's title is read against its title.
  const titleOnly = entry.event.part != null && ch.parsed.teams.length === 0;
  const hasTeams = home !== null && away !== null && !titleOnly;
  if (hasTeams && !ch.possibleTeams.has(home.key) && !ch.possibleTeams.has(away.key)) return null;
  // Which part is next matters only to a name that names none, against a candidate that is a part.
  const now = opts.query?.now;
  const asksNext = now && entry.event.part && !ch.parsed.part;
  const part = fitPart(ch.parsed.part, entry.event, asksNext ? index.nextParts(now) : undefined);
  const fit = !hasTeams
    ? fitTitle(ch, entry, index, part.agrees && ch.parsed.time !== null ? 1 : 2)
    : ch.teams.length === 2
      ? fitTeams(ch, entry, index)
      : fitSingle(ch, entry, index);
  if (fit === NOTHING_FOUND) return null;
  const time = fitTime(ch, entry, opts);
  const out: ScoredCandidate = {
    eventId: entry.event.id,
    title: entry.event.title,
    score: 0,
    teamScore: fit.score,
    timeDeltaMinutes: time.delta,
    reasons: [...fit.reasons, time.reason, ...(part.reason ? [part.reason] : [])],
    ...(time.otherDay && { otherDay: true }),
  };
  const rejected = fit.rejected ?? time.rejected ?? part.rejected;
  if (rejected) return { ...out, rejected };
  let score = fit.score * time.factor * part.factor;
  if (fit.named && time.known && (time.delta ?? Infinity) <= SOLE_WITHIN_MINUTES) {
    out.soleScore = Math.max(fit.score, SOLE_GAME_SCORE) * time.factor;
  }
  const leagueKnown = opts.query ? opts.query.known.includes(entry.event.league) : true;
  const teamsOnly = hasTeams && ch.teams.length === 2;
  if (teamsOnly && fit.weak && (!time.known || !leagueKnown)) {
    score = Math.min(score, WEAK_CAP);
    const needs = [leagueKnown ? '' : 'the league', time.known ? '' : 'a time'].filter(Boolean).join(' and ');
    out.reasons.push(`teams named only by city, code or mascot: needs ${needs}`);
  } else if (!teamsOnly && !time.known && !part.agrees) {
    score = Math.min(score, part.noTimeCap ?? NO_TIME_CAP);
    out.reasons.push(hasTeams ? 'one team and no time' : 'a title and no time');
  }
  return { ...out, score };
}
