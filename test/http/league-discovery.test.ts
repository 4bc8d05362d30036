// Leagues nobody configured, end to end: a provider's families and hints name leagues only the ESPN league list
// or TheSportsDB's league list know, and with no admin call but creating the provider, the leagues are found,
// their days fetched from the right source, and the channels matched.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { firstReport, type FirstReport } from '../support/first-report.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const ned1 = readFileSync(resolve(FIXTURES, 'league-discovery/espn-soccer-ned.1-2026-12-06.json'), 'utf8');
const allLeagues = readFileSync(resolve(FIXTURES, 'wire/tsdb-v1-all_leagues.json'), 'utf8');

// TheSportsDB's eventsday.php row for a Greek Super League game, in its wire shape (every value a string).
const greekDay = JSON.stringify({
  events: [
    {
      idEvent: '2290001',
      strEvent: 'Olympiacos vs PAOK',
      strEventAlternate: 'PAOK @ Olympiacos',
      strSport: 'Soccer',
      idLeague: '4336',
      strLeague: 'Greek Superleague Greece',
      strSeason: '2026-2027',
      strHomeTeam: 'Olympiacos',
      strAwayTeam: 'PAOK',
      idHomeTeam: '133800',
      idAwayTeam: '133801',
      strTimestamp: '2026-12-06T17:00:00',
      dateEvent: '2026-12-06',
      strTime: '17:00:00',
      strVenue: 'Karaiskakis Stadium',
      strStatus: 'NS',
      strPostponed: 'no',
    },
  ],
});

const NAMES = [
  'Eredivisie 01: Ajax vs PSV 20:45 CET',
  'Eredivisie 02: Feyenoord vs AZ 14:30 CET',
  'Eredivisie 03',
  'Dutch Eredivisie: Ajax - PSV 20:45 CET',
  'Superleague Greece 01: Olympiacos vs PAOK',
  'Superleague Greece 02',
  'Nowhere Cup 01: Alpha vs Beta',
  'Nowhere Cup 02: Gamma vs Delta',
];
const playlist = `#EXTM3U\n${NAMES.map((n, i) => `#EXTINF:-1 group-title="Sports",${n}\nhttp://h/live/u/p/${i + 1}.ts\n`).join('')}`;

interface Row {
  name: string;
  status: string;
  why?: string;
  event?: { title: string; league: string; startsAt: string };
}

/** ESPN and TheSportsDB on one loopback port: the Eredivisie scoreboard, TheSportsDB's league list and day. */
function startSources(): Promise<LoopbackServer> {
  return startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: string): void => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    };
    if (url.pathname === '/playlist.m3u') {
      res.writeHead(200, { 'content-type': 'audio/x-mpegurl' }).end(playlist);
      return;
    }
    const league = /^\/apis\/site\/v2\/sports\/(.+)\/scoreboard$/.exec(url.pathname)?.[1];
    if (league) return json(league === 'soccer/ned.1' ? ned1 : '{"events":[]}');
    if (url.pathname.endsWith('/all_leagues.php')) return json(allLeagues);
    if (url.pathname.endsWith('/eventsday.php'))
      return json(
        url.searchParams.get('l') === '4336' && url.searchParams.get('d') === '2026-12-06'
          ? greekDay
          : '{"events":null}',
      );
    if (url.pathname.includes('/teams')) return json('{"sports":[]}');
    json(url.pathname.endsWith('teams.php') ? '{"teams":null}' : '{"events":null}');
  });
}

const asked = (sources: LoopbackServer, part: string) => sources.requests.filter((r) => r.url.includes(part));

describe('a league nobody configured', () => {
  let t: TestApp;
  let sources: LoopbackServer;
  let byName: Map<string, Row>;
  let families: { family: string; leagues: string[]; source: string | null }[];

  beforeAll(async () => {
    sources = await startSources();
    let report: FirstReport<Row>['report'];
    ({ t, report, byName } = await firstReport<Row>(sources.url, '2026-12-06T12:00:00Z', {
      slug: 'nl',
      timezone: 'Europe/Amsterdam',
    }));
    families = report.families;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await sources?.close();
  });

  const expectMatched = (name: string, title: string, league: string, startsAt: string) => {
    const row = byName.get(name);
    expect(row?.status, `${name}: ${row?.why ?? 'absent'}`).toBe('matched');
    expect(row?.event).toMatchObject({ title, league, startsAt });
  };

  it('is found by a family label in the ESPN league list, and its games matched from ESPN', () => {
    expectMatched(
      'Eredivisie 01: Ajax vs PSV 20:45 CET',
      'PSV Eindhoven at AFC Ajax',
      'NED1',
      '2026-12-06T19:45:00.000Z',
    );
    expectMatched(
      'Eredivisie 02: Feyenoord vs AZ 14:30 CET',
      'AZ Alkmaar at Feyenoord Rotterdam',
      'NED1',
      '2026-12-06T13:30:00.000Z',
    );
    expect(asked(sources, '/sports/soccer/ned.1/scoreboard').length).toBeGreaterThan(0);
    expect(families.find((f) => f.family === 'Eredivisie')?.leagues).toEqual(['NED1']);
  });

  it('is found by a hint written before the teams, with its country in front', () => {
    expectMatched(
      'Dutch Eredivisie: Ajax - PSV 20:45 CET',
      'PSV Eindhoven at AFC Ajax',
      'NED1',
      '2026-12-06T19:45:00.000Z',
    );
  });

  it("is found in TheSportsDB's league list, fetched once, and its games matched from eventsday.php", () => {
    expectMatched(
      'Superleague Greece 01: Olympiacos vs PAOK',
      'Olympiacos vs PAOK',
      'TSDB4336',
      '2026-12-06T17:00:00.000Z',
    );
    expect(asked(sources, '/all_leagues.php')).toHaveLength(1);
    expect(asked(sources, 'eventsday.php?d=2026-12-06&l=4336').length).toBeGreaterThan(0);
  });

  it('leaves a name no source knows unmatched, and asks for it no more', async () => {
    expect(byName.get('Nowhere Cup 01: Alpha vs Beta')?.status).toBe('unmatched');
    expect(await t.services.discovery.discover(['Nowhere Cup', 'Eredivisie'])).toEqual([]);
    expect(asked(sources, '/all_leagues.php')).toHaveLength(1);
  });

  it('is kept in Postgres: a restart knows it before any channel names it', async () => {
    const again = await startTestApp({
      testDb: t.testDb,
      config: { ESPN_BASE_URL: sources.url, THESPORTSDB_BASE_URL: sources.url },
    });
    try {
      const keys = again.services.discovery.leagues.map((l) => l.key);
      expect(keys).toEqual(expect.arrayContaining(['NED1', 'TSDB4336']));
      expect(again.services.discovery.lexicon.exact('Eredivisie')).toBe('NED1');
      expect(again.services.discovery.lexicon.exact('Superleague Greece')).toBe('TSDB4336');
      expect(again.services.discovery.leagues.find((l) => l.key === 'NED1')).toMatchObject({
        espn: 'soccer/ned.1',
        sport: 'soccer',
        durationMinutes: 115,
        usStyle: false,
      });
    } finally {
      await again.close();
    }
  }, 60_000);
});
