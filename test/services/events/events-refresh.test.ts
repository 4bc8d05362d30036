import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFamilyLeagueMappings, loadLeagues } from '../../../src/config/leagues.js';
import { createDatabase } from '../../../src/db/database.js';
import { listEventsForLeagues } from '../../../src/db/events.js';
import {
  createEventsRefresher,
  type EventsRefresher,
  type EventsRefresherDeps,
} from '../../../src/services/events/events-refresh.js';
import { seedReferenceData } from '../../../src/services/events/reference-data.js';
import { createEspnClient } from '../../../src/sources/espn.js';
import { createHttpClient } from '../../../src/sources/http-client.js';
import { createTheSportsDbClient } from '../../../src/sources/thesportsdb.js';
import { loadCorpusEvents, startFakeSportsApi, type FakeSportsApi } from '../../support/fake-sports-api.js';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../support/test-database.js';

const leagues = loadLeagues();
const corpus = loadCorpusEvents();
const corpusLeagues = [...new Set(corpus.map((e) => e.league))];
const NOW = new Date('2026-11-25T17:00:00Z');
const ZONE = 'America/New_York';

let fake: FakeSportsApi;
let t: TestDatabase;
let clock = NOW;

function refresherFor(database = t.database, over: Partial<EventsRefresherDeps> = {}): EventsRefresher {
  // No retries and no client-side rate limit: the fake answers at once and the test must stay fast.
  const http = (source: string) =>
    createHttpClient({ source, baseUrl: fake.url, retries: 0, timeoutMs: 10_000, secrets: ['123'] });
  return createEventsRefresher({
    database,
    espn: createEspnClient({ http: http('espn') }),
    tsdb: createTheSportsDbClient({ http: http('thesportsdb'), apiKey: '123', leagues }),
    leagues,
    timeZone: ZONE,
    now: () => clock,
    ...over,
  });
}

const callsTo = (suffix: string) =>
  Object.entries(fake.stats())
    .filter(([path]) => path.endsWith(suffix))
    .reduce((n, [, c]) => n + c, 0);
const allEvents = () => t.database.db.selectFrom('events').selectAll().execute();

beforeAll(async () => {
  fake = await startFakeSportsApi({ events: corpus, now: NOW, leagues });
  t = await createTestDatabase();
  await seedReferenceData(t.database.db, leagues, loadFamilyLeagueMappings(undefined, leagues));
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

describe('the events refresher on the corpus', () => {
  let refresher: EventsRefresher;
  beforeAll(() => {
    refresher = refresherFor();
  });

  it('stores every corpus event once, merging TheSportsDB rows into ESPN ones', async () => {
    const counts = await refresher.refresh({ leagues: corpusLeagues, from: '2026-11-24', to: '2026-11-26' });
    expect(counts.errors).toEqual([]);
    const rows = await allEvents();
    expect(rows).toHaveLength(corpus.length);
    expect(new Set(rows.map((r) => r.espn_id))).toEqual(new Set(corpus.map((e) => e.id)));

    const gameKeys = rows.map((r) =>
      [r.league, r.home_team_id ?? r.title, r.away_team_id ?? '', r.starts_at.toISOString()].join('|'),
    );
    expect(new Set(gameKeys).size).toBe(rows.length);

    // The free key lists five rows a UTC date, so only some games get a TheSportsDB id; each one merged.
    const withTsdb = rows.filter((r) => r.thesportsdb_id !== null);
    expect(withTsdb.length).toBeGreaterThan(0);
    const espnIdOfTsdb = new Map(corpus.map((e) => [e.tsdbId, e.id]));
    for (const r of withTsdb) expect(r.espn_id).toBe(espnIdOfTsdb.get(r.thesportsdb_id!));
    expect(withTsdb.some((r) => r.league === 'UFC')).toBe(true);
    expect(counts).toMatchObject({ inserted: corpus.length, merged: withTsdb.length });
  });

  it('asks nothing upstream for the same leagues and days within the TTL, unless forced', async () => {
    fake.resetStats();
    const counts = await refresher.ensure(corpusLeagues, ['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(fake.stats()).toEqual({});
    expect(counts).toMatchObject({ requests: 0, inserted: 0, errors: [] });
    expect(counts.fresh).toBeGreaterThan(0);

    const forced = await refresher.refresh({ leagues: ['NBA'], from: '2026-11-25', to: '2026-11-25' });
    expect(callsTo('/scoreboard')).toBe(1);
    expect(callsTo('/eventsday.php')).toBe(2);
    expect(callsTo('/lookup_all_teams.php')).toBe(0);
    expect(forced).toMatchObject({ inserted: 0, merged: 0, errors: [] });
    expect(forced.unchanged).toBeGreaterThan(0);
  });

  it('remembers its fetches in the database, so a restarted instance asks nothing either', async () => {
    fake.resetStats();
    const counts = await refresherFor().ensure(corpusLeagues, ['2026-11-25']);
    expect(fake.stats()).toEqual({});
    expect(counts.requests).toBe(0);
  });

  it('refetches current days after the short TTL but not past days', async () => {
    fake.resetStats();
    clock = new Date(NOW.getTime() + 11 * 60_000);
    try {
      const counts = await refresher.ensure(corpusLeagues, ['2026-11-24', '2026-11-25', '2026-11-26']);
      expect(counts.errors).toEqual([]);
      // One ESPN range a league for Nov 25-26 (Nov 24 is past). On demand ESPN alone answers for the leagues
      // it covers: TheSportsDB's ids come with the background refresh.
      expect(callsTo('/scoreboard')).toBe(corpusLeagues.length);
      expect(callsTo('/eventsday.php')).toBe(0);
      expect(callsTo('/lookup_all_teams.php')).toBe(0);
      expect(counts.inserted).toBe(0);
      expect(await allEvents()).toHaveLength(corpus.length);
    } finally {
      clock = NOW;
    }
  });

  it('coalesces concurrent requests for the same league-day into one upstream call', async () => {
    fake.resetStats();
    fake.setFaults({ latencyMs: 30 });
    try {
      const [a, b] = await Promise.all([
        refresher.ensure(['NBA'], ['2026-11-29']),
        refresher.ensure(['NBA'], ['2026-11-29']),
      ]);
      expect(callsTo('/scoreboard')).toBe(1);
      expect(callsTo('/eventsday.php')).toBe(0);
      expect(a.requests + b.requests).toBe(1);
      expect(a.joined + b.joined).toBeGreaterThan(0);
    } finally {
      fake.setFaults({});
    }
  });

  it('lists stored events of a league with both teams’ aliases', async () => {
    const from = new Date('2026-11-25T05:00:00Z');
    const listed = await listEventsForLeagues(
      t.database.db,
      ['NBA'],
      from,
      new Date(from.getTime() + 86_400_000),
    );
    const expected = corpus.filter(
      (e) =>
        e.league === 'NBA' &&
        Date.parse(e.startUtc) >= from.getTime() &&
        Date.parse(e.startUtc) < from.getTime() + 86_400_000,
    );
    expect(listed.map((s) => s.event.externalIds.espn).sort()).toEqual(expected.map((e) => e.id).sort());
    const lakersHome = listed.find((s) => s.event.home === 'Los Angeles Lakers');
    if (lakersHome)
      expect(lakersHome.homeAliases).toEqual(expect.arrayContaining(['lakers', 'lal', 'la lakers']));
    for (const s of listed) {
      expect(s.homeAliases.length).toBeGreaterThan(0);
      expect(s.awayAliases.length).toBeGreaterThan(0);
    }
  });
});

describe('the events refresher when a source fails', () => {
  it('resolves with the failures counted and fetches again once the source is back', async () => {
    const refresher = refresherFor();
    fake.setFaults({ down: true });
    let counts;
    try {
      // A forced refresh asks both sources, so both failures are counted.
      counts = await refresher.refresh({ leagues: ['NHL'], from: '2026-12-01', to: '2026-12-01' });
    } finally {
      fake.setFaults({});
    }
    expect(counts.errors.length).toBe(counts.requests);
    expect(new Set(counts.errors.map((e) => e.source))).toEqual(new Set(['espn', 'thesportsdb']));
    expect(counts.errors.every((e) => e.reason === 'connect')).toBe(true);
    expect(refresher.stats().errors).toBe(counts.errors.length);

    fake.resetStats();
    const again = await refresher.ensure(['NHL'], ['2026-12-01']);
    expect(again.errors).toEqual([]);
    expect(callsTo('/scoreboard')).toBe(1);
  });
});

describe('the background refresh', () => {
  it('ticks on its interval until stopped', async () => {
    const refresher = refresherFor();
    const stop = refresher.startBackground(20, () => Promise.resolve(['NBA']));
    for (let i = 0; i < 100 && refresher.stats().ticks < 2; i++) await delay(10);
    stop();
    const ticks = refresher.stats().ticks;
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(refresher.stats().lastTick?.leagues).toEqual(['NBA']);
    await delay(60);
    expect(refresher.stats().ticks).toBe(ticks);
  });

  // An embedded database belongs to one process, so only a real Postgres has other instances to lock out.
  it.skipIf(!serverUrl())('lets one instance refresh at a time through the advisory lock', async () => {
    const other = await createDatabase({ databaseUrl: t.url, dataDir: '' });
    try {
      const a = refresherFor(t.database);
      const b = refresherFor(other);
      // Slow enough that both ticks overlap: the lock is held while the leagues are read.
      const inUse = async () => {
        await delay(100);
        return ['NBA'];
      };
      const results = await Promise.all([a.tick(inUse), b.tick(inUse)]);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(a.stats().ticks + b.stats().ticks).toBe(1);
      expect(a.stats().lockedOut + b.stats().lockedOut).toBe(1);
      // Released afterwards: the next tick gets the lock.
      expect(await b.tick(() => Promise.resolve(['NBA']))).not.toBeNull();
    } finally {
      await other.close();
    }
  });
});
