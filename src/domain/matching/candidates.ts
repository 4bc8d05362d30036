// Which events to consider for a parsed channel: the leagues its family carries, and the time the name implies.
import { occurrencesOf } from '../channel-name/when/resolve.js';
import { restricts, type FamilyLeagues } from '../family-leagues.js';
import type { ParsedChannel } from '../types.js';
import { addDays, startOfLocalDay, wallClock } from '../time.js';

export const DEFAULT_MAX_TIME_DELTA_MINUTES = 90;

/** `time`: the name has a time; `date`: only a date; `today`: neither, so the provider's current day. */
export type WindowBasis = 'time' | 'date' | 'today';

export interface CandidateQuery {
  /** League keys to load events of; 'any' when nothing restricts the family. */
  leagues: string[] | 'any';
  /**
   * Leagues known for this channel (its family's, learned or hinted, and the ones its name names): within them a
   * team named only by city, code or mascot is enough.
   */
  known: string[];
  /** Events starting at or after this instant... */
  fromUtc: Date;
  /** ...and before this one. */
  toUtc: Date;
  basis: WindowBasis;
  /**
   * The instants the name's time may mean: one for a dated time; the day before, the day itself and the day
   * after for a time without a date. Empty without a time.
   */
  starts: readonly Date[];
  /** Of `starts`, the one a viewer would expect (the parse's `startsAt`); others must win on the events. */
  likelyStart: Date | null;
  /** The clock the query was made at: which part of an event is next. */
  now?: Date;
  /** The zone the window's days are read in (the provider's). */
  timeZone: string;
}

export interface CandidateQueryContext {
  /** The leagues of a family and their source; null when the family is not mapped. */
  leaguesForFamily: (family: string) => FamilyLeagues | null;
  /** Search only the family's leagues, whatever their source (a lesson of this generation being tried). */
  restrictToFamily?: boolean;
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
const PART_LOOKAHEAD_DAYS = 3;

function leaguesOf(
  parsed: ParsedChannel,
  ctx: CandidateQueryContext,
): Pick<CandidateQuery, 'leagues' | 'known'> {
  const family = parsed.family ? ctx.leaguesForFamily(parsed.family) : null;
  const hinted: string[] = [];
  if (ctx.leagueForHint) {
    for (const hint of parsed.leagueHints) {
      const key = ctx.leagueForHint(hint);
      if (key && !hinted.includes(key)) hinted.push(key);
    }
  }
  const familyLeagues = family?.leagues ?? [];
  const known = [...hinted, ...familyLeagues.filter((l) => !hinted.includes(l))];
  // A generic slot (`PPV 03: NFL: Eagles @ Cowboys`) is narrowed by what its name says; a mapped one only grows.
  const restricted = family && (restricts(family.source) || ctx.restrictToFamily);
  if (!restricted || familyLeagues.length === 0) {
    return { leagues: hinted.length > 0 ? hinted : 'any', known };
  }
  return { leagues: known, known };
}

/** The leagues and the time window in which to look for a parsed channel's event. */
export function candidateQuery(parsed: ParsedChannel, ctx: CandidateQueryContext): CandidateQuery {
  const leagues = leaguesOf(parsed, ctx);
  const zone = ctx.timeZone;
  if (parsed.startsAt) {
    const reach = (ctx.maxTimeDeltaMinutes ?? DEFAULT_MAX_TIME_DELTA_MINUTES) * MINUTE_MS;
    const starts =
      parsed.timeOnly && parsed.time
        ? occurrencesOf(parsed.time, parsed.timeZone ?? zone, ctx.now)
        : [parsed.startsAt];
    const times = starts.map((d) => d.getTime());
    return {
      ...leagues,
      fromUtc: new Date(Math.min(...times) - reach),
      toUtc: new Date(Math.max(...times) + reach + 1),
      basis: 'time',
      starts,
      likelyStart: parsed.startsAt,
      timeZone: zone,
      now: ctx.now,
    };
  }
  if (parsed.date) {
    return {
      ...leagues,
      fromUtc: new Date(startOfLocalDay(parsed.date, zone).getTime() - DATE_SLACK_MS),
      toUtc: new Date(startOfLocalDay(addDays(parsed.date, 1), zone).getTime() + DATE_SLACK_MS),
      basis: 'date',
      starts: [],
      likelyStart: null,
      timeZone: zone,
      now: ctx.now,
    };
  }
  const today = wallClock(ctx.now, zone).ymd;
  const dayStart = startOfLocalDay(today, zone).getTime();
  return {
    ...leagues,
    fromUtc: new Date(Math.min(dayStart, ctx.now.getTime() - TODAY_LOOKBACK_MS)),
    // A part named (`Race`, `Round 4`) may be on a later day of its weekend or tournament.
    toUtc: new Date(
      startOfLocalDay(addDays(today, parsed.part ? PART_LOOKAHEAD_DAYS : 1), zone).getTime() +
        TODAY_LOOKAHEAD_MS,
    ),
    basis: 'today',
    starts: [],
    likelyStart: null,
    timeZone: zone,
    now: ctx.now,
  };
}

/** True when an event start falls inside the query's window. */
export function inWindow(query: CandidateQuery, startsAt: Date, endsAt?: Date | null): boolean {
  const t = startsAt.getTime();
  if (t >= query.toUtc.getTime()) return false;
  // An event that says how late it runs (a golf round) is a candidate while it is on, not only at its start.
  return t >= query.fromUtc.getTime() || (endsAt ? endsAt.getTime() > query.fromUtc.getTime() : false);
}

/** True when the query's leagues admit `league` ('any' admits every league). */
export function admitsLeague(query: CandidateQuery, league: string): boolean {
  return query.leagues === 'any' || query.leagues.includes(league);
}
