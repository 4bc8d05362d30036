// The project's loopback stand-in for ESPN's site API, TheSportsDB v1 and a provider playlist, serving a
// corpus (test/fixtures/corpus/events.json) in the real wire formats. What it copies from the real services:
// - ESPN `dates=YYYYMMDD[-YYYYMMDD]` selects US Eastern calendar days; without `groups=50` a college
//   basketball scoreboard lists only games with a ranked team; `limit` caps the list (default 100).
// - TheSportsDB buckets by UTC date, takes `l=` as a league id or name, answers `null` for no rows, and on the
//   free keys (123, 3) returns at most 5 rows from eventsday, 1 from eventsnextleague, 10 from
//   search_all_teams.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { loadLeagues, type LeagueConfig } from '../../src/config/leagues.js';
import type { Database } from '../../src/db/database.js';
import { wallClock } from '../../src/domain/time.js';
import { createEventsRefresher } from '../../src/services/events/events-refresh.js';
import { createEspnClient } from '../../src/sources/espn.js';
import { createHttpClient } from '../../src/sources/http-client.js';
import { createTheSportsDbClient } from '../../src/sources/thesportsdb.js';
import {
  espnEventJson,
  espnScoreboardJson,
  espnTeamsJson,
  stateAt,
  tsdbEventId,
  tsdbEventJson,
  tsdbTeamJson,
} from './fake-sports-wire.js';
import type { CorpusEvent, CorpusTeam } from './corpus.js';
import { startLoopbackServer } from './loopback-server.js';

export { loadCorpusEvents, type CorpusEvent, type CorpusTeam } from './corpus.js';

export interface FakeFaults {
  /** Delay before each answer, ms. */
  latencyMs?: number;
  /** Share of requests answered 503, spread evenly (0.5 fails every second one). */
  failRate?: number;
  /** Drop every connection without an answer. */
  down?: boolean;
}

export interface FakeSportsApi {
  /** `http://127.0.0.1:<port>`: both ESPN_BASE_URL and THESPORTSDB_BASE_URL. */
  url: string;
  /** Requests by path (query excluded); also GET /__stats. */
  stats(): Record<string, number>;
  resetStats(): void;
  setFaults(faults: FakeFaults): void;
  setPlaylist(text: string): void;
  close(): Promise<void>;
}

export interface FakeSportsApiOptions {
  events: CorpusEvent[];
  /** Served at /playlist.m3u with an ETag; 404 when absent. */
  playlist?: string;
  /** The clock for live status and "next" events; a fixed Date or a function. Default: the real clock. */
  now?: Date | (() => Date);
  /** Default: config/leagues.yaml. */
  leagues?: LeagueConfig[];
  /** College teams in the poll; default every third team of each league, by id. */
  rankedTeamIds?: Iterable<string>;
}

const FREE_KEYS = new Set(['123', '3']);
const COLLEGE_BASKETBALL = new Set([
  'basketball/mens-college-basketball',
  'basketball/womens-college-basketball',
]);
type Answer = [status: number, body: unknown];

const ymdOf = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
const easternDay = (iso: string) => wallClock(new Date(iso), 'America/New_York').ymd;
const utcDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);
const looseName = (s: string) => s.toLowerCase().replace(/_/g, ' ').trim();
// TheSportsDB answers `null`, not `[]`, when nothing matched.
const rows = <T>(list: T[], cap: number | null): T[] | null => {
  const capped = cap === null ? list : list.slice(0, cap);
  return capped.length > 0 ? capped : null;
};

export async function startFakeSportsApi(opts: FakeSportsApiOptions): Promise<FakeSportsApi> {
  const leagues = opts.leagues ?? loadLeagues();
  const clock = opts.now;
  const now = () => (clock === undefined ? new Date() : typeof clock === 'function' ? clock() : clock);
  const events = [...opts.events].sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  let playlist = opts.playlist;
  const counts: Record<string, number> = {};
  let faults: FakeFaults = {};
  let failDebt = 0;

  const teamsByLeague = new Map<string, CorpusTeam[]>();
  for (const e of events) {
    const list = teamsByLeague.get(e.league) ?? [];
    for (const t of [e.home, e.away]) if (t && !list.some((x) => x.id === t.id)) list.push(t);
    teamsByLeague.set(e.league, list);
  }
  const ranked = new Set(opts.rankedTeamIds ?? defaultRanked(teamsByLeague));
  const rankOf = (t: CorpusTeam) => (t.college && ranked.has(t.id) ? 1 + (Number(t.id) % 25) : 99);

  function scoreboard(league: LeagueConfig, q: URLSearchParams): Answer {
    const dates = q.get('dates') ?? easternDay(now().toISOString()).replace(/-/g, '');
    const m = /^(\d{8})(?:-(\d{8}))?$/.exec(dates);
    if (!m) return [400, { code: 400, message: 'Invalid dates parameter' }];
    const from = ymdOf(m[1]!);
    const to = m[2] ? ymdOf(m[2]) : from;
    const everyGame = q.get('groups') === '50' || !COLLEGE_BASKETBALL.has(league.espn ?? '');
    const list = events
      .filter((e) => e.league === league.key)
      .filter((e) => easternDay(e.startUtc) >= from && easternDay(e.startUtc) <= to)
      .filter((e) => everyGame || [e.home, e.away].some((t) => t && rankOf(t) < 99))
      .slice(0, Number(q.get('limit') ?? 100));
    const json = list.map((e) => espnEventJson(e, stateAt(e, now()), rankOf));
    return [200, espnScoreboardJson(league, from, json)];
  }

  const tsdbLeagues = leagues.filter((l) => l.thesportsdb);
  const tsdbIdOf = (l: LeagueConfig) => l.thesportsdb?.id ?? '';
  const leagueByParam = (p: string | null) =>
    p === null
      ? undefined
      : tsdbLeagues.find((l) => tsdbIdOf(l) === p || looseName(l.thesportsdb?.name ?? '') === looseName(p));
  const served = events.flatMap((e) => {
    const l = tsdbLeagues.find((x) => x.key === e.league);
    return l ? [{ e, l }] : [];
  });
  const eventRows = (list: typeof served, cap: number | null) =>
    rows(
      list.map(({ e, l }) => tsdbEventJson(e, l, stateAt(e, now()))),
      cap,
    );
  const teamRows = (l: LeagueConfig | undefined, cap: number | null) =>
    rows(l ? (teamsByLeague.get(l.key) ?? []).map((t) => tsdbTeamJson(t, l)) : [], cap);

  function searchTeams(name: string): Answer {
    const wanted = looseName(name);
    const seen = new Set<string>();
    const found = tsdbLeagues.flatMap((l) =>
      (teamsByLeague.get(l.key) ?? []).flatMap((t) => {
        const names = [t.displayName, ...(t.alternates ?? [])].map(looseName);
        if (!names.includes(wanted) || seen.has(t.id)) return [];
        seen.add(t.id);
        return [tsdbTeamJson(t, l)];
      }),
    );
    return [200, { teams: rows(found, null) }];
  }

  function tsdb(key: string, endpoint: string, q: URLSearchParams): Answer {
    const free = FREE_KEYS.has(key);
    switch (endpoint) {
      case 'eventsday.php': {
        const [d, l, s] = [q.get('d') ?? '', q.get('l'), q.get('s')];
        const list = served.filter(
          (x) =>
            utcDay(x.e.startUtc) === d &&
            (l === null || leagueByParam(l) === x.l) &&
            (s === null || looseName(x.e.sportName ?? '') === looseName(s)),
        );
        return [200, { events: eventRows(list, free ? 5 : null) }];
      }
      case 'eventsnextleague.php': {
        const l = leagueByParam(q.get('id'));
        const list = served.filter((x) => x.l === l && Date.parse(x.e.startUtc) >= now().getTime());
        return [200, { events: eventRows(list, free ? 1 : 15) }];
      }
      case 'lookupevent.php':
        return [
          200,
          {
            events: eventRows(
              served.filter((x) => tsdbEventId(x.e) === q.get('id')),
              1,
            ),
          },
        ];
      case 'lookup_all_teams.php':
        return [
          200,
          {
            teams: teamRows(
              tsdbLeagues.find((l) => tsdbIdOf(l) === q.get('id')),
              null,
            ),
          },
        ];
      case 'search_all_teams.php':
        return [200, { teams: teamRows(leagueByParam(q.get('l')), free ? 10 : null) }];
      case 'searchteams.php':
        return searchTeams(q.get('t') ?? '');
      default:
        return [404, { message: 'Not found' }];
    }
  }

  function route(url: URL): Answer {
    const espn = /^\/apis\/site\/v2\/sports\/([a-z-]+\/[a-z0-9._-]+)\/(scoreboard|teams)$/.exec(url.pathname);
    if (espn) {
      const league = leagues.find((l) => l.espn === espn[1]);
      if (!league) return [400, { code: 400, message: 'Failed to get league' }];
      if (espn[2] === 'scoreboard') return scoreboard(league, url.searchParams);
      return [200, espnTeamsJson(league, teamsByLeague.get(league.key) ?? [])];
    }
    const sdb = /^\/api\/v1\/json\/([^/]+)\/([a-z_]+\.php)$/.exec(url.pathname);
    if (sdb) return tsdb(decodeURIComponent(sdb[1]!), sdb[2]!, url.searchParams);
    return [404, { message: 'Not found' }];
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    const type = 'application/json; charset=utf-8';
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function servePlaylist(req: IncomingMessage, res: ServerResponse): void {
    if (playlist === undefined) return send(res, 404, { message: 'Not found' });
    const etag = `"${createHash('sha1').update(playlist).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'audio/x-mpegurl; charset=utf-8', etag });
    res.end(playlist);
  }

  const server = await startLoopbackServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/__stats') return send(res, 200, { stats: { ...counts } });
    counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
    if (faults.down) {
      req.socket.destroy();
      return;
    }
    if (faults.latencyMs) await delay(faults.latencyMs);
    failDebt += faults.failRate ?? 0;
    if (failDebt >= 1) {
      failDebt -= 1;
      return send(res, 503, { message: 'Service Unavailable' });
    }
    if (req.method !== 'GET') return send(res, 405, { message: 'Method Not Allowed' });
    if (url.pathname === '/playlist.m3u') return servePlaylist(req, res);
    const [status, body] = route(url);
    send(res, status, body);
  });

  return {
    url: server.url,
    stats: () => ({ ...counts }),
    resetStats() {
      for (const k of Object.keys(counts)) delete counts[k];
    },
    setFaults(next) {
      faults = { ...next };
      failDebt = 0;
    },
    setPlaylist(text) {
      playlist = text;
    },
    close: () => server.close(),
  };
}

function defaultRanked(teamsByLeague: Map<string, CorpusTeam[]>): string[] {
  const out: string[] = [];
  for (const teams of teamsByLeague.values()) {
    const college = teams.filter((t) => t.college).sort((a, b) => Number(a.id) - Number(b.id));
    college.forEach((t, i) => {
      if (i % 3 === 0) out.push(t.id);
    });
  }
  return out;
}

/** The real events refresher on `database`, asking ESPN and TheSportsDB at `baseUrl` (a fake's), without retries. */
export function loopbackRefresher(
  database: Database,
  baseUrl: string,
  now: () => Date,
  leagues: LeagueConfig[],
) {
  const http = (source: string) =>
    createHttpClient({ source, baseUrl, retries: 0, timeoutMs: 10_000, secrets: ['123'] });
  return createEventsRefresher({
    database,
    espn: createEspnClient({ http: http('espn') }),
    tsdb: createTheSportsDbClient({ http: http('thesportsdb'), apiKey: '123', leagues }),
    leagues,
    timeZone: 'America/New_York',
    now,
  });
}
