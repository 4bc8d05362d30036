// Fetching one league's events from one source for some of its source days: what is still stale (this
// instance's memory, then the shared fetch log), one upstream request per batch of days, and concurrent
// callers for the same source-league-day sharing one request.
import { LRUCache } from 'lru-cache';
import type { LeagueConfig } from '../../config/leagues.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { createFetchLog } from '../../db/event-fetches.js';
import { UpstreamError } from '../../errors.js';
import type { EspnClient } from '../../sources/espn.js';
import type { TheSportsDbClient } from '../../sources/thesportsdb.js';
import type { EventSource, StoreCounts } from './events-store.js';
import { espnBatches, TEAMS_DAY, tsdbBatches, ttlFor, type Batch, type FetchTtl } from './source-days.js';

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

// A league-day a source refused (4xx: it does not know the league) is not asked again on demand for an hour,
// so every guide generation does not repeat the refusal. A source that is down is the breaker's business.
const REFUSAL_BACKOFF_MS = 60 * 60_000;

/** What this instance knows of a source-league-day: fetched (until its TTL) or refused (for an hour). */
type DayState = 'fetched' | 'refused';

/** One upstream request, run once however many of its days are fetched through the cache at once. */
interface BatchRun {
  league: LeagueConfig;
  batch: Batch;
  counts: RefreshCounts;
  outcome?: Promise<DayState | undefined>;
}

type LogFn = (obj: Record<string, unknown>, msg: string) => void;

export interface SourceFetcherDeps {
  db: Kysely<DB>;
  espn: EspnClient;
  tsdb: TheSportsDbClient;
  now: () => Date;
  ttl: FetchTtl;
  log: { warn: LogFn; error: LogFn };
}

export function createSourceFetcher(deps: SourceFetcherDeps) {
  const { now, ttl, log } = deps;
  const { db } = deps;
  const sources = { db, espn: deps.espn, tsdb: deps.tsdb };
  const fetchLog = createFetchLog(db);
  const totals = { requests: 0, errors: 0, inFlight: 0 };

  const dayKey = (source: EventSource, league: string, day: string) => `${source}|${league}|${day}`;

  async function runBatch({ league, batch, counts }: BatchRun): Promise<DayState | undefined> {
    counts.requests += 1;
    totals.requests += 1;
    totals.inFlight += 1;
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
      await fetchLog.record(rows, now());
      return 'fetched';
    } catch (err) {
      const upstream = err instanceof UpstreamError;
      const message = err instanceof Error ? err.message : String(err);
      const failure = { source: batch.source, league: league.key, days: batch.days, message };
      counts.errors.push({ ...failure, reason: upstream ? err.reason : 'internal' });
      totals.errors += 1;
      if (upstream) log.warn(failure, 'events source failed');
      else log.error({ ...failure, err }, 'storing events failed');
      const refused =
        upstream && err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429;
      // A failure that is not a refusal is not remembered: the next caller asks again.
      return refused ? 'refused' : undefined;
    } finally {
      totals.inFlight -= 1;
    }
  }

  // Concurrent callers for one source-league-day share one fetch (a batch of several days is run once).
  const days = new LRUCache<string, DayState, BatchRun>({
    max: 20_000,
    ttl: ttl.currentMs,
    // Ages are read on the refresher's clock, as the fetch log's are.
    perf: { now: () => now().getTime() },
    fetchMethod: async (key, _previous, { options, context }) => {
      context.outcome ??= runBatch(context);
      const state = await context.outcome;
      const day = key.slice(key.lastIndexOf('|') + 1);
      if (state === 'refused') options.ttl = REFUSAL_BACKOFF_MS;
      if (state === 'fetched') options.ttl = ttlFor(context.batch.source, day, now(), ttl);
      return state;
    },
  });

  /** The days still to fetch: neither fetched within their TTL (here or, per the fetch log, anywhere) nor refused. */
  async function stale(league: LeagueConfig, source: EventSource, wanted: string[], force: boolean) {
    let fresh = 0;
    const unknown: string[] = [];
    const need: string[] = [];
    for (const d of wanted) {
      const checked = !force || d === TEAMS_DAY;
      const state = days.get(dayKey(source, league.key, d));
      if (state === 'fetched' && checked) fresh += 1;
      else if (state === 'refused' && !force) continue;
      else (checked ? unknown : need).push(d);
    }
    const at = now();
    for (const row of await fetchLog.list(source, league.key, unknown)) {
      const left = ttlFor(source, row.day, at, ttl) - (at.getTime() - row.fetched_at.getTime());
      if (left > 0) {
        days.set(dayKey(source, league.key, row.day), 'fetched', { ttl: left });
        fresh += 1;
      }
    }
    need.push(...unknown.filter((d) => days.get(dayKey(source, league.key, d)) === undefined));
    return { fresh, need: new Set(need) };
  }

  async function runSource(
    league: LeagueConfig,
    source: EventSource,
    sourceDays: string[],
    force: boolean,
    counts: RefreshCounts,
  ): Promise<void> {
    const wanted = source === 'espn' ? sourceDays : [TEAMS_DAY, ...sourceDays];
    const { fresh, need } = await stale(league, source, wanted, force);
    counts.fresh += fresh;
    const plan =
      source === 'espn' ? espnBatches(sources, league, [...need]) : tsdbBatches(sources, league, sourceDays);
    const waits: Promise<unknown>[] = [];
    for (const batch of plan.filter((b) => b.days.every((d) => need.has(d)))) {
      const run: BatchRun = { league, batch, counts };
      const fetched = Promise.all(
        batch.days.map((d) =>
          days.fetch(dayKey(source, league.key, d), { context: run, forceRefresh: force }),
        ),
      ).then(() => {
        // Another caller's fetch answered for these days.
        if (!run.outcome) counts.joined += batch.days.length;
      });
      // TheSportsDB one request after another: the free key allows 30 a minute.
      if (source === 'thesportsdb') await fetched;
      else waits.push(fetched);
    }
    await Promise.all(waits);
  }

  return {
    /**
     * Makes sure `sourceDays` of `league` are stored from `source`, counting into `counts`; failures are
     * counted, not thrown.
     */
    fetch: runSource,
    stats: () => ({ ...totals }),
  };
}

export type SourceFetcher = ReturnType<typeof createSourceFetcher>;
