import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadFamilyLeagueMappings, loadLeagues } from '../../src/config/leagues.js';
import { wallClock } from '../../src/domain/time.js';
import { createEventsRefresher } from '../../src/services/events/events-refresh.js';
import { seedReferenceData } from '../../src/services/events/reference-data.js';
import { createEspnClient } from '../../src/sources/espn.js';
import { createHttpClient } from '../../src/sources/http-client.js';
import { createTheSportsDbClient } from '../../src/sources/thesportsdb.js';
import { loadCorpusEvents, startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { ADMIN_TOKEN } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const leagues = loadLeagues();
const corpus = loadCorpusEvents();
const NOW = new Date('2026-11-25T17:00:00Z');
const DEFAULT_ZONE = 'America/Chicago';
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

let fake: FakeSportsApi;
let t: TestDatabase;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  fake = await startFakeSportsApi({ events: corpus, now: NOW, leagues });
  t = await createTestDatabase();
  await seedReferenceData(t.database.db, leagues, loadFamilyLeagueMappings(undefined, leagues));
  const http = (source: string) =>
    createHttpClient({ source, baseUrl: fake.url, retries: 0, timeoutMs: 10_000, secrets: ['123'] });
  const refresher = createEventsRefresher({
    database: t.database,
    espn: createEspnClient({ http: http('espn') }),
    tsdb: createTheSportsDbClient({ http: http('thesportsdb'), apiKey: '123', leagues }),
    leagues,
    timeZone: DEFAULT_ZONE,
    now: () => NOW,
  });
  app = await buildApp({
    database: t.database,
    adminToken: ADMIN_TOKEN,
    logger: false,
    isAllowedPlaylistUrl: () => false,
    config: { DEFAULT_TIMEZONE: DEFAULT_ZONE, GUIDE_CACHE_TTL_SECONDS: 300, PUBLIC_BASE_URL: undefined },
    now: () => NOW,
    refresher,
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await fake.close();
  await t.drop();
});

const onDay = (league: string, ymd: string, zone: string) =>
  corpus.filter((e) => e.league === league && wallClock(new Date(e.startUtc), zone).ymd === ymd);

describe('the events admin API', () => {
  it('refuses a request without the bearer token', async () => {
    expect((await request(url).get('/api/events')).status).toBe(401);
    expect((await request(url).post('/api/events/refresh').send({})).status).toBe(401);
  });

  it('refreshes the asked leagues and days and answers with the counts when done', async () => {
    const res = await request(url)
      .post('/api/events/refresh')
      .set(auth)
      .send({ leagues: ['nba', 'UFC'], from: '2026-11-25', to: '2026-11-26', timezone: 'America/New_York' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      leagues: ['NBA', 'UFC'],
      from: '2026-11-25',
      to: '2026-11-26',
      timezone: 'America/New_York',
    });
    expect(res.body.counts.errors).toEqual([]);
    expect(res.body.counts.requests).toBeGreaterThan(0);
    const nba = [
      ...onDay('NBA', '2026-11-25', 'America/New_York'),
      ...onDay('NBA', '2026-11-26', 'America/New_York'),
    ];
    expect(res.body.counts.inserted).toBeGreaterThanOrEqual(nba.length);
  });

  it('lists one league’s stored events of a local day, by start, with their external ids', async () => {
    const res = await request(url)
      .get('/api/events')
      .query({ league: 'NBA', date: '2026-11-25', timezone: 'America/New_York' })
      .set(auth);
    expect(res.status).toBe(200);
    const expected = onDay('NBA', '2026-11-25', 'America/New_York');
    const events = res.body.events as {
      startsAt: string;
      externalIds: { espn?: string; thesportsdb?: string };
    }[];
    expect(events.map((e) => e.externalIds.espn).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(events.map((e) => e.startsAt)).toEqual([...events.map((e) => e.startsAt)].sort());
    const lakers = expected.find((e) => e.home?.displayName === 'Los Angeles Lakers');
    if (lakers) {
      expect(res.body.events).toContainEqual(
        expect.objectContaining({
          league: 'NBA',
          title: lakers.name,
          startsAt: new Date(lakers.startUtc).toISOString(),
          home: 'Los Angeles Lakers',
          away: lakers.away?.displayName,
          venue: lakers.venue,
        }),
      );
    }
    expect(events.some((e) => e.externalIds.thesportsdb && e.externalIds.espn)).toBe(true);
  });

  it('reads the date in the default zone, and today when no date is given', async () => {
    const res = await request(url).get('/api/events').query({ league: 'UFC' }).set(auth);
    expect(res.status).toBe(200);
    const ids = (res.body.events as { externalIds: { espn?: string } }[]).map((e) => e.externalIds.espn);
    expect(ids).toEqual(onDay('UFC', wallClock(NOW, DEFAULT_ZONE).ymd, DEFAULT_ZONE).map((e) => e.id));
  });

  it('refreshes every league for today when there is no body', async () => {
    const res = await request(url).post('/api/events/refresh').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-25', to: '2026-11-25', timezone: DEFAULT_ZONE });
    expect(res.body.leagues).toHaveLength(leagues.length);
    expect(res.body.counts.errors).toEqual([]);
  });

  it('names every bad field of a refresh', async () => {
    const res = await request(url)
      .post('/api/events/refresh')
      .set(auth)
      .send({ leagues: ['NBA', 'CURLING'], from: '2026-02-30', timezone: 'Mars/Olympus', extra: 1 });
    expect(res.status).toBe(400);
    const fields = (res.body.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['extra', 'from', 'leagues.1', 'timezone']);
  });

  it('refuses a range that ends before it starts or spans more than 14 days', async () => {
    const backwards = await request(url)
      .post('/api/events/refresh')
      .set(auth)
      .send({ from: '2026-11-25', to: '2026-11-24' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.problems).toEqual([{ field: 'to', message: 'is before from' }]);
    const long = await request(url)
      .post('/api/events/refresh')
      .set(auth)
      .send({ from: '2026-11-01', to: '2026-11-15' });
    expect(long.status).toBe(400);
    expect(long.body.problems[0].field).toBe('to');
    const fourteen = await request(url)
      .post('/api/events/refresh')
      .set(auth)
      .send({ leagues: ['UFC'], from: '2026-12-01', to: '2026-12-14' });
    expect(fourteen.status).toBe(200);
  });

  it('names an unknown league or a bad date in the listing query', async () => {
    const res = await request(url).get('/api/events').query({ league: 'XYZ', date: '25/11/2026' }).set(auth);
    expect(res.status).toBe(400);
    const fields = (res.body.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['date', 'league']);
  });

  it('documents both routes in the OpenAPI document', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    expect(doc.paths['/api/events/refresh']?.post?.tags).toEqual(['events']);
    expect(doc.paths['/api/events']?.get?.tags).toEqual(['events']);
  });
});
