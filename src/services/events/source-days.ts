import type { Kysely } from 'kysely';
import type { LeagueConfig } from '../../config/leagues.js';
import type { DB } from '../../db/types.js';
import { addDays, daysOverlapping, startOfLocalDay, wallClock } from '../../domain/time.js';
import type { EspnClient } from '../../sources/espn.js';
import type { TheSportsDbClient } from '../../sources/thesportsdb.js';
import { storeSourceEvents, type EventSource, type StoreCounts } from './events-store.js';

// What each source is asked for which days. Each source buckets events by its own calendar: ESPN's `dates=`
// are US Eastern days, TheSportsDB's `eventsday` takes UTC dates. Fetches are cached per source day, so a
// local day of any zone maps onto them.

/** `event_fetches.day` of a league's TheSportsDB team list. */
export const TEAMS_DAY = 'teams';

export const SOURCE_ZONES: Record<EventSource, string> = {
  espn: 'America/New_York',
  thesportsdb: 'UTC',
};

/** Every source day of `source` that any of `localDays` overlaps, sorted, without repeats. */
export function sourceDaysOf(source: EventSource, localDays: readonly string[], timeZone: string): string[] {
  const days = new Set<string>();
  for (const d of localDays) for (const s of daysOverlapping(d, timeZone, SOURCE_ZONES[source])) days.add(s);
  return [...days].sort();
}

/** Splits sorted days into runs of consecutive days (one ESPN range request each). */
export function consecutiveRuns(sortedDays: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const d of sortedDays) {
    const run = runs[runs.length - 1];
    if (run && addDays(run[run.length - 1]!, 1) === d) run.push(d);
    else runs.push([d]);
  }
  return runs;
}

export interface FetchTtl {
  /** Days not yet over (today, the future, and a grace after midnight), ms. */
  currentMs: number;
  /** Days over for longer than the grace, ms. */
  pastMs: number;
  /** A league's team list, ms. */
  teamsMs: number;
}

export const DEFAULT_TTL: FetchTtl = {
  currentMs: 10 * 60_000,
  pastMs: 6 * 3_600_000,
  teamsMs: 24 * 3_600_000,
};

// A game that starts late runs past midnight; its status keeps changing for a few hours after its day ends.
const PAST_GRACE_MS = 4 * 3_600_000;

/** How long a fetch of `day` from `source` stays good at instant `now`. */
export function ttlFor(source: EventSource, day: string, now: Date, ttl: FetchTtl): number {
  if (day === TEAMS_DAY) return ttl.teamsMs;
  const end = startOfLocalDay(addDays(day, 1), SOURCE_ZONES[source]).getTime();
  return now.getTime() >= end + PAST_GRACE_MS ? ttl.pastMs : ttl.currentMs;
}

/** One upstream request covering some source days of one league, and the storing of its answer. */
export interface Batch {
  source: EventSource;
  days: string[];
  run: () => Promise<{ received: number; skipped: number; stored: StoreCounts; perDay: Map<string, number> }>;
}

export interface BatchSources {
  db: Kysely<DB>;
  espn: EspnClient;
  tsdb: TheSportsDbClient;
}

/** One ESPN scoreboard request per run of consecutive days (`dates=from-to`). */
export function espnBatches(s: BatchSources, league: LeagueConfig, days: string[]): Batch[] {
  if (!league.espn) return [];
  return consecutiveRuns(days).map((run) => ({
    source: 'espn',
    days: run,
    run: async () => {
      const dates = run.length === 1 ? run[0]! : { from: run[0]!, to: run[run.length - 1]! };
      const board = await s.espn.scoreboard(league, dates);
      const stored = await storeSourceEvents(s.db, league, board.events, board.teams);
      const perDay = new Map(run.map((d) => [d, 0]));
      for (const e of board.events) {
        const day = wallClock(e.startsAt, SOURCE_ZONES.espn).ymd;
        if (perDay.has(day)) perDay.set(day, perDay.get(day)! + 1);
      }
      return { received: board.events.length, skipped: board.skipped, stored, perDay };
    },
  }));
}

/** The league's team list, then one `eventsday` request per UTC date. */
export function tsdbBatches(s: BatchSources, league: LeagueConfig, days: string[]): Batch[] {
  if (!league.thesportsdb) return [];
  // The team list first: its `idESPN` and alternate names link TheSportsDB's teams to ESPN's.
  const teams: Batch = {
    source: 'thesportsdb',
    days: [TEAMS_DAY],
    run: async () => {
      const list = await s.tsdb.lookupAllTeams(league);
      const stored = await storeSourceEvents(s.db, league, [], list);
      return { received: 0, skipped: 0, stored, perDay: new Map([[TEAMS_DAY, list.length]]) };
    },
  };
  const perDate = days.map((day): Batch => ({
    source: 'thesportsdb',
    days: [day],
    run: async () => {
      const events = await s.tsdb.eventsDay(league, day);
      const stored = await storeSourceEvents(s.db, league, events);
      return { received: events.length, skipped: 0, stored, perDay: new Map([[day, events.length]]) };
    },
  }));
  return [teams, ...perDate];
}
