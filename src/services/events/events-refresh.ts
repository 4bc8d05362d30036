import type { LeagueConfig } from '../../config/leagues.js';
import type { Database } from '../../db/database.js';
import { addDays, dayRange, wallClock } from '../../domain/time.js';
import { ValidationError } from '../../errors.js';
import type { EspnClient } from '../../sources/espn.js';
import type { TheSportsDbClient } from '../../sources/thesportsdb.js';
import { DEFAULT_TTL, sourceDaysOf, type FetchTtl } from './source-days.js';
import { createSourceFetcher, emptyCounts, type RefreshCounts } from './source-fetcher.js';

export type { RefreshCounts, RefreshError } from './source-fetcher.js';

/** Advisory lock key of the background refresh: one instance at a time refreshes. */
export const EVENTS_REFRESH_LOCK = 72_410_002;

/** Longest span `refresh` accepts, in days. */
export const MAX_REFRESH_DAYS = 14;

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

export interface EnsureOptions {
  /** Zone of the local days (default: the refresher's). */
  zone?: string;
  /**
   * Leagues whose TheSportsDB team list (the other names teams go by: `BVB`, `Pens`) to make sure of, once a
   * day; default all of `leagueKeys`.
   */
  teamLists?: readonly string[];
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
   * Makes sure the leagues' local days (of `zone`, by default the refresher's) are stored: TTL-cached,
   * coalesced; failures are counted, not thrown. Unknown league keys are ignored.
   */
  ensure(
    leagueKeys: readonly string[],
    localDays: readonly string[],
    opts?: EnsureOptions,
  ): Promise<RefreshCounts>;
  /** Fetches again whatever the TTL says (default: every league, today). */
  refresh(request?: RefreshRequest): Promise<RefreshCounts>;
  /** One background round under the advisory lock; null when another instance holds it. */
  tick(leaguesInUse: () => Promise<string[]>): Promise<RefreshCounts | null>;
  /** Runs `tick` now and then every `intervalMs`; returns the stop function. */
  startBackground(intervalMs: number, leaguesInUse: () => Promise<string[]>): () => void;
  stats(): RefresherStats;
}

const silent: RefreshLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface RunOptions {
  zone: string;
  /** Fetch again whatever the TTL says (events only: team lists keep their TTL). */
  force: boolean;
  /**
   * `primary`: ESPN's events alone for the leagues it covers, with TheSportsDB's team lists (its event ids come
   * with the background refresh).
   */
  sources: 'all' | 'primary';
  /** With `primary`: the leagues whose TheSportsDB team lists to fetch. */
  teamLists?: ReadonlySet<string>;
}

export function createEventsRefresher(deps: EventsRefresherDeps): EventsRefresher {
  const { database, timeZone } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger ?? silent;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  // The list may grow (leagues found by name join it): looked up when asked.
  const byKey = (key: string) => deps.leagues.find((l) => l.key === key);
  const fetcher = createSourceFetcher({
    db: database.db,
    espn: deps.espn,
    tsdb: deps.tsdb,
    now,
    ttl: { ...DEFAULT_TTL, ...deps.ttl },
    log,
  });
  const totals = { ticks: 0, lockedOut: 0 };
  let lastTick: RefresherStats['lastTick'] = null;

  async function run(leagueKeys: readonly string[], localDays: readonly string[], opts: RunOptions) {
    const counts = emptyCounts();
    const leagues = [...new Set(leagueKeys.map((k) => k.toUpperCase()))].flatMap((k) => byKey(k) ?? []);
    const espnDays = sourceDaysOf('espn', localDays, opts.zone);
    const tsdbDays = sourceDaysOf('thesportsdb', localDays, opts.zone);
    let next = 0;
    // ESPN first, then TheSportsDB for the same league, so its rows merge into ESPN's.
    const worker = async () => {
      while (next < leagues.length) {
        const league = leagues[next++]!;
        await fetcher.fetch(league, 'espn', espnDays, opts.force, counts);
        // On demand, TheSportsDB's events only for the leagues ESPN lacks; its team list (once a day) always,
        // for the other names teams go by (`BVB`, `Pens`, `Spurs`).
        const primary = opts.sources === 'primary' && league.espn !== null;
        if (!primary || opts.teamLists?.has(league.key))
          await fetcher.fetch(league, 'thesportsdb', primary ? [] : tsdbDays, opts.force, counts);
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
    ensure: (leagueKeys, localDays, opts = {}) =>
      run(leagueKeys, localDays, {
        zone: opts.zone ?? timeZone,
        force: false,
        sources: 'primary',
        teamLists: new Set((opts.teamLists ?? leagueKeys).map((k) => k.toUpperCase())),
      }),
    async refresh(request = {}) {
      const zone = request.timeZone ?? timeZone;
      const from = request.from ?? today(zone);
      const to = request.to ?? from;
      if (to < from)
        throw new ValidationError('to is before from', [{ field: 'to', message: 'is before from' }]);
      const days = dayRange(from, to);
      if (days.length > MAX_REFRESH_DAYS) {
        const message = `spans more than ${MAX_REFRESH_DAYS} days from from`;
        throw new ValidationError(`from..to ${message}`, [{ field: 'to', message }]);
      }
      const leagues = request.leagues ?? deps.leagues.map((l) => l.key);
      return run(leagues, days, { zone, force: true, sources: 'all' });
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
        const window = [addDays(day, -1), day, addDays(day, 1)];
        const counts = await run(leagues, window, { zone: timeZone, force: false, sources: 'all' });
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
    stats: () => ({ ...totals, ...fetcher.stats(), lastTick }),
  };
  return refresher;
}
