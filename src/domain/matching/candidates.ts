// Which events to consider for a parsed channel: the leagues its family carries, and the time the name implies.
import type { ParsedChannel } from '../types.js';
import { addDays, startOfLocalDay, wallClock } from '../time.js';

export const DEFAULT_MAX_TIME_DELTA_MINUTES = 90;

/** `time`: the name has a time; `date`: only a date; `today`: neither, so the provider's current day. */
export type WindowBasis = 'time' | 'date' | 'today';

export interface CandidateQuery {
  /** League keys to load events of; 'any' when the family is generic, unmapped or absent. */
  leagues: string[] | 'any';
  /** Events starting at or after this instant... */
  fromUtc: Date;
  /** ...and before this one. */
  toUtc: Date;
  basis: WindowBasis;
  /** The zone the window's days are read in (the provider's). */
  timeZone: string;
}

export interface CandidateQueryContext {
  /** League keys of a family: null when the family is not mapped, [] when it may carry any league. */
  leaguesForFamily: (family: string) => string[] | null;
  /** League key a hint written in the name stands for (`UEFA Champions League` -> `UCL`), else null. */
  leagueForHint?: (hint: string) => string | null;
  now: Date;
  /** The provider's IANA zone. */
  timeZone: string;
  maxTimeDeltaMinutes?: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
// A date written in the provider's zone may be the event's local date: a West Coast game at 10:30 PM is past
// midnight in New York.
const DATE_SLACK_MS = 3 * HOUR_MS;
// Without a time, "today" reaches back far enough to keep last night's game while it may still be on.
const TODAY_LOOKBACK_MS = 6 * HOUR_MS;
const TODAY_LOOKAHEAD_MS = 3 * HOUR_MS;

function leaguesOf(parsed: ParsedChannel, ctx: CandidateQueryContext): string[] | 'any' {
  const mapped = parsed.family ? ctx.leaguesForFamily(parsed.family) : null;
  const hinted: string[] = [];
  if (ctx.leagueForHint) {
    for (const hint of parsed.leagueHints) {
      const key = ctx.leagueForHint(hint);
      if (key && !hinted.includes(key)) hinted.push(key);
    }
  }
  // A generic slot (`PPV 03: NFL: Eagles @ Cowboys`) is narrowed by what its name says; a mapped one only grows.
  if (!mapped || mapped.length === 0) return hinted.length > 0 ? hinted : 'any';
  return [...hinted, ...mapped.filter((l) => !hinted.includes(l))];
}

/** The leagues and the time window in which to look for a parsed channel's event. */
export function candidateQuery(parsed: ParsedChannel, ctx: CandidateQueryContext): CandidateQuery {
  const leagues = leaguesOf(parsed, ctx);
  const zone = ctx.timeZone;
  if (parsed.startsAt) {
    const reach = (ctx.maxTimeDeltaMinutes ?? DEFAULT_MAX_TIME_DELTA_MINUTES) * MINUTE_MS;
    const at = parsed.startsAt.getTime();
    return {
      leagues,
      fromUtc: new Date(at - reach),
      toUtc: new Date(at + reach + 1),
      basis: 'time',
      timeZone: zone,
    };
  }
  if (parsed.date) {
    return {
      leagues,
      fromUtc: new Date(startOfLocalDay(parsed.date, zone).getTime() - DATE_SLACK_MS),
      toUtc: new Date(startOfLocalDay(addDays(parsed.date, 1), zone).getTime() + DATE_SLACK_MS),
      basis: 'date',
      timeZone: zone,
    };
  }
  const today = wallClock(ctx.now, zone).ymd;
  const dayStart = startOfLocalDay(today, zone).getTime();
  return {
    leagues,
    fromUtc: new Date(Math.min(dayStart, ctx.now.getTime() - TODAY_LOOKBACK_MS)),
    toUtc: new Date(startOfLocalDay(addDays(today, 1), zone).getTime() + TODAY_LOOKAHEAD_MS),
    basis: 'today',
    timeZone: zone,
  };
}

/** True when an event start falls inside the query's window. */
export function inWindow(query: CandidateQuery, startsAt: Date): boolean {
  const t = startsAt.getTime();
  return t >= query.fromUtc.getTime() && t < query.toUtc.getTime();
}

/** True when the query's leagues admit `league` ('any' admits every league). */
export function admitsLeague(query: CandidateQuery, league: string): boolean {
  return query.leagues === 'any' || query.leagues.includes(league);
}
