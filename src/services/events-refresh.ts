import type { LeagueConfig } from '../config/leagues.js';
import type { Database } from '../db/database.js';
import { listEventFetches, recordEventFetches } from '../db/event-fetches.js';
import { addDays, wallClock } from '../domain/time.js';
import { UpstreamError, ValidationError } from '../errors.js';
import type { EspnClient } from '../sources/espn.js';
import type { TheSportsDbClient } from '../sources/thesportsdb.js';
import type { EventSource, StoreCounts } from './events-store.js';
import {
  DEFAULT_TTL,
  dayRange,
  espnBatches,
  sourceDaysOf,
  TEAMS_DAY,
  tsdbBatches,
  ttlFor,
  type Batch,
  type FetchTtl,
} from './source-days.js';

/** Advisory lock key of the background refresh: one instance at a time refreshes. */
export const EVENTS_REFRESH_LOCK = 72_410_002;

/** Longest span `refresh` accepts, in days. */
export const MAX_REFRESH_DAYS = 31;

export interface RefreshError {
  source: EventSource;
  league: string;
  /** Source days the failed request covered (`teams` for a team list). */
  days: string[];
  /** UpstreamError reason, or `internal`. */
  reason: string;
  message: string;
}

export interface RefreshCounts extends StoreCounts {
  /** Upstream requests made (an ESPN day range, a TheSportsDB date, a team list). */
  requests: number;
  /** Source-league-days still within their TTL, not asked again. */
  fresh: number;
  /** Source-league-days another caller was already fetching; awaited, not asked again. */
  joined: number;
  /** Events the sources returned. */
  received: number;
  /** Events the sources returned that did not validate. */
  skipped: number;
  errors: RefreshError[];
}

export interface RefreshRequest {
  leagues?: readonly string[];
  /** Local dates `YYYY-MM-DD` in `timeZone`; default today, and `from`. */
  from?: string;
  to?: string;
  timeZone?: string;
}

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
export interface RefreshLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface EventsRefresherDeps {
  database: Database;
  espn: EspnClient;
  tsdb: TheSportsDbClient;
  leagues: readonly LeagueConfig[];
  /** Zone of the local days `ensure` is given. */
  timeZone: string;
  now?: () => Date;
  logger?: RefreshLogger;
  ttl?: Partial<FetchTtl>;
  /** Leagues refreshed at once (default 4). */
  concurrency?: number;
}

export interface RefresherStats {
  ticks: number;
  /** Ticks skipped because another instance held the lock. */
  lockedOut: number;
  requests: number;
  errors: number;
  inFlight: number;
  lastTick: { at: string; leagues: string[]; counts: RefreshCounts } | null;
}

export interface EventsRefresher {
  readonly leagues: readonly LeagueConfig[];
  readonly timeZone: string;
  /** Today's date (`YYYY-MM-DD`) on the refresher's clock, in `timeZone` or the refresher's zone. */
  today(timeZone?: string): string;
  /**
   * Makes sure the leagues' local days (in `timeZone`) are stored: TTL-cached, coalesced; failures are
   * counted, not thrown. Unknown league keys are ignored.
   */
  ensure(leagueKeys: readonly string[], localDays: readonly string[]): Promise<RefreshCounts>;
  /** Fetches again whatever the TTL says (default: every league, today). */
  refresh(request?: RefreshRequest): Promise<RefreshCounts>;
  /** One background round under the advisory lock; null when another instance holds it. */
  tick(leaguesInUse: () => Promise<string[]>): Promise<RefreshCounts | null>;
  /** Runs `tick` now and then every `intervalMs`; returns the stop function. */
  startBackground(intervalMs: number, leaguesInUse: () => Promise<string[]>): () => void;
  stats(): RefresherStats;
}

export function emptyCounts(): RefreshCounts {
  return {
    requests: 0,
    fresh: 0,
    joined: 0,
    received: 0,
    skipped: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    errors: [],
  };
}

const silent: RefreshLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createEventsRefresher(deps: EventsRefresherDeps): EventsRefresher {
  const { database, espn, tsdb, timeZone } = deps;
  const { db } = database;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger ?? silent;
  const ttl: FetchTtl = { ...DEFAULT_TTL, ...deps.ttl };
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const byKey = new Map(deps.leagues.map((l) => [l.key, l]));
  const inFlight = new Map<string, Promise<void>>();
  const totals = { ticks: 0, lockedOut: 0, requests: 0, errors: 0 };
  let lastTick: RefresherStats['lastTick'] = null;

  const flightKey = (source: EventSource, league: string, day: string) => `${source}|${league}|${day}`;
  // A league-day a source refused (4xx: it does not know the league) is not asked again on demand for an hour,
  // so every guide generation does not repeat the refusal. A source that is down is the breaker's business.
  const refusedUntil = new Map<string, number>();
  const REFUSAL_BACKOFF_MS = 60 * 60_000;
  const sources = { db, espn, tsdb };

  async function runBatch(league: LeagueConfig, batch: Batch, counts: RefreshCounts): Promise<void> {
    counts.requests += 1;
    totals.requests += 1;
    try {
      const result = await batch.run();
      counts.received += result.received;
      counts.skipped += result.skipped;
      for (const [k, n] of Object.entries(result.stored)) counts[k as keyof StoreCounts] += n;
      const rows = [...result.perDay].map(([day, eventCount]) => ({
        source: batch.source,
        league: league.key,
        day,
        eventCount,
      }));
      await recordEventFetches(db, rows, now());
      for (const d of batch.days) refusedUntil.delete(flightKey(batch.source, league.key, d));
    } catch (err) {
      const upstream = err instanceof UpstreamError;
      const message = err instanceof Error ? err.message : String(err);
      const failure = { source: batch.source, league: league.key, days: batch.days, message };
      counts.errors.push({ ...failure, reason: upstream ? err.reason : 'internal' });
      totals.errors += 1;
      const refused =
        upstream && err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429;
      if (refused) {
        const until = now().getTime() + REFUSAL_BACKOFF_MS;
        for (const d of batch.days) refusedUntil.set(flightKey(batch.source, league.key, d), until);
      }
      if (upstream) log.warn(failure, 'events source failed');
      else log.error({ ...failure, err }, 'storing events failed');
    }
  }

  /** Keeps the batches' days that are neither fresh nor being fetched; returns what to wait for. */
  async function pending(
    league: LeagueConfig,
    source: EventSource,
    days: string[],
    force: boolean,
    counts: RefreshCounts,
    waits: Promise<void>[],
  ): Promise<string[]> {
    const notFlying = (d: string) => {
      const p = inFlight.get(flightKey(source, league.key, d));
      if (!p) return true;
      waits.push(p);
      counts.joined += 1;
      return false;
    };
    const refused = (d: string) =>
      (refusedUntil.get(flightKey(source, league.key, d)) ?? 0) > now().getTime();
    let need = days.filter(notFlying).filter((d) => force || !refused(d));
    // A forced refresh is about events; team lists keep their TTL.
    const checked = force ? need.filter((d) => d === TEAMS_DAY) : need;
    if (checked.length > 0) {
      const at = now();
      const rows = await listEventFetches(db, source, league.key, checked);
      const fresh = new Set(
        rows
          .filter((r) => at.getTime() - r.fetched_at.getTime() < ttlFor(source, r.day, at, ttl))
          .map((r) => r.day),
      );
      counts.fresh += fresh.size;
      // Another caller may have started one of these while the fetch log was read.
      need = need.filter((d) => !fresh.has(d)).filter(notFlying);
    }
    return need;
  }

  async function runSource(
    league: LeagueConfig,
    source: EventSource,
    days: string[],
    force: boolean,
    counts: RefreshCounts,
  ): Promise<void> {
    const waits: Promise<void>[] = [];
    const wanted = source === 'espn' ? days : [TEAMS_DAY, ...days];
    const need = new Set(await pending(league, source, wanted, force, counts, waits));
    const plan =
      source === 'espn' ? espnBatches(sources, league, [...need]) : tsdbBatches(sources, league, days);
    // TheSportsDB one request after another: the free key allows 30 a minute.
    for (const batch of plan) {
      if (!batch.days.every((d) => need.has(d))) continue;
      // While earlier batches ran, another caller may have started this one: wait for theirs instead.
      const flying = batch.days.flatMap((d) => inFlight.get(flightKey(source, league.key, d)) ?? []);
      if (flying.length > 0) {
        counts.joined += flying.length;
        waits.push(...flying);
        continue;
      }
      const job = runBatch(league, batch, counts);
      for (const d of batch.days) inFlight.set(flightKey(source, league.key, d), job);
      void job.finally(() => {
        for (const d of batch.days) {
          const key = flightKey(source, league.key, d);
          if (inFlight.get(key) === job) inFlight.delete(key);
        }
      });
      if (source === 'thesportsdb') await job;
      else waits.push(job);
    }
    await Promise.all(waits);
  }

  async function run(
    leagueKeys: readonly string[],
    localDays: readonly string[],
    zone: string,
    force: boolean,
    /** `primary`: ESPN alone for leagues it covers (TheSportsDB's ids are added by the background refresh). */
    sources: 'all' | 'primary' = 'all',
  ) {
    const counts = emptyCounts();
    const leagues = [...new Set(leagueKeys.map((k) => k.toUpperCase()))].flatMap((k) => byKey.get(k) ?? []);
    const espnDays = sourceDaysOf('espn', localDays, zone);
    const tsdbDays = sourceDaysOf('thesportsdb', localDays, zone);
    let next = 0;
    // ESPN first, then TheSportsDB for the same league, so its rows merge into ESPN's.
    const worker = async () => {
      while (next < leagues.length) {
        const league = leagues[next++]!;
        await runSource(league, 'espn', espnDays, force, counts);
        if (sources === 'all' || !league.espn)
          await runSource(league, 'thesportsdb', tsdbDays, force, counts);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, leagues.length) }, worker));
    return counts;
  }

  const today = (zone: string) => wallClock(now(), zone).ymd;

  const refresher: EventsRefresher = {
    leagues: deps.leagues,
    timeZone,
    today: (zone = timeZone) => today(zone),
    // On demand a guide waits for ESPN only: TheSportsDB's free tier allows 30 requests a minute.
    ensure: (leagueKeys, localDays) => run(leagueKeys, localDays, timeZone, false, 'primary'),
    async refresh(request = {}) {
      const zone = request.timeZone ?? timeZone;
      const from = request.from ?? today(zone);
      const to = request.to ?? from;
      if (to < from)
        throw new ValidationError('to is before from', [{ field: 'to', message: 'is before from' }]);
      const days = dayRange(from, to);
      if (days.length > MAX_REFRESH_DAYS) {
        const message = `spans more than ${MAX_REFRESH_DAYS} days`;
        throw new ValidationError(`from..to ${message}`, [{ field: 'to', message }]);
      }
      return run(request.leagues ?? deps.leagues.map((l) => l.key), days, zone, true);
    },
    async tick(leaguesInUse) {
      const release = await database.tryLock(EVENTS_REFRESH_LOCK);
      if (!release) {
        totals.lockedOut += 1;
        return null;
      }
      try {
        totals.ticks += 1;
        const leagues = await leaguesInUse();
        const day = today(timeZone);
        // Yesterday for games still running after midnight; tomorrow so the next guide is ready.
        const counts = await run(leagues, [addDays(day, -1), day, addDays(day, 1)], timeZone, false);
        lastTick = { at: now().toISOString(), leagues, counts };
        if (counts.requests > 0)
          log.info({ leagues, ...counts, errors: counts.errors.length }, 'events refreshed');
        return counts;
      } finally {
        await release();
      }
    },
    startBackground(intervalMs, leaguesInUse) {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const loop = async () => {
        try {
          await refresher.tick(leaguesInUse);
        } catch (err) {
          log.error({ err }, 'background events refresh failed');
        }
        if (stopped) return;
        timer = setTimeout(() => void loop(), intervalMs);
        timer.unref();
      };
      timer = setTimeout(() => void loop(), 0);
      timer.unref();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
    stats: () => ({ ...totals, inFlight: inFlight.size, lastTick }),
  };
  return refresher;
}
