// The review queue over the admin API: what the latest generations left unmatched, grouped by name, with the
// parse and the candidates; accepting one pins the channel and teaches the names it wrote, so the same name
// matches by itself for another provider.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusEvents, withoutAlternates } from '../support/corpus.js';
import { startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = CORPUS_NOW;
const NICKNAMES = 'NHL 05: Blueshirts @ Habs 7:00 PM ET';
const playlist = (names: string[]) =>
  [
    '#EXTM3U',
    ...names.flatMap((n, i) => [`#EXTINF:-1 group-title="NHL",${n}`, `http://h/live/u/p/${i}.ts`]),
    '',
  ].join('\n');

interface Group {
  name: string;
  parsed: { teams: string[] };
  reason: string;
  candidates: { eventId: string; title: string; rejected?: string }[];
  channels: { id: number; provider: string; channelId: string }[];
}

let sports: FakeSportsApi;
let t: TestApp;

async function provider(slug: string, names: string[]) {
  sports.setPlaylist(playlist(names));
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug, name: slug, playlistUrl: `${sports.url}/playlist.m3u?${slug}`, timezone: CORPUS_ZONE })
    .expect(201);
  await request(t.url).get(`/epg/${slug}.xml`).expect(200);
  await t.services.guides.idle();
}

async function channel(slug: string, name: string) {
  await request(t.url).get(`/epg/${slug}.xml`).expect(200);
  const res = await request(t.url).get(`/api/providers/${slug}/matches`).set(t.auth);
  return (
    res.body.channels as { name: string; status: string; handler?: string; event?: { id: string } }[]
  ).find((c) => c.name === name)!;
}

beforeAll(async () => {
  const events = withoutAlternates(loadCorpusEvents());
  sports = await startFakeSportsApi({ events, now: NOW });
  t = await startTestApp({
    now: () => NOW,
    config: { ESPN_BASE_URL: sports.url, THESPORTSDB_BASE_URL: sports.url },
  });
  await provider('queue-a', [NICKNAMES, 'NHL 06: Nobody vs Noone 7:00 PM ET']);
}, 60_000);

afterAll(async () => {
  await t.close();
  await sports.close();
});

describe('the review queue', () => {
  it('lists the unmatched channels by name, with the parse, the reasons and candidates to choose from', async () => {
    const res = await request(t.url).get('/api/review/unmatched?provider=queue-a&league=nhl').set(t.auth);
    expect(res.status).toBe(200);
    const groups = res.body.groups as Group[];
    const g = groups.find((x) => x.name === NICKNAMES)!;
    expect(g.parsed.teams).toEqual(['Blueshirts', 'Habs']);
    expect(g.reason).toContain('local-events');
    expect(g.channels).toEqual([
      expect.objectContaining({ provider: 'queue-a', channelId: expect.stringMatching(/^nhl-05\./) }),
    ]);
    expect(g.candidates.length).toBeGreaterThan(0);
    expect(g.candidates.every((c) => typeof c.rejected === 'string')).toBe(true);
    expect(g.candidates.some((c) => /Rangers/.test(c.title) && /Canadiens/.test(c.title))).toBe(true);
    expect(groups.map((x) => x.name)).toContain('NHL 06: Nobody vs Noone 7:00 PM ET');
  });

  it('accepts a candidate: the channel is pinned and the names it wrote are taught, so another provider matches it by itself', async () => {
    const groups = (await request(t.url).get('/api/review/unmatched').set(t.auth)).body.groups as Group[];
    const g = groups.find((x) => x.name === NICKNAMES)!;
    const game = g.candidates.find((c) => /Rangers/.test(c.title) && /Canadiens/.test(c.title))!;
    const res = await request(t.url)
      .post(`/api/review/unmatched/${g.channels[0]!.id}`)
      .set(t.auth)
      .send({ eventId: Number(game.eventId) });
    expect(res.status).toBe(200);
    expect(res.body.pinned).toMatchObject({ provider: 'queue-a', eventId: game.eventId });
    expect(res.body.taught).toEqual(
      expect.arrayContaining([
        { team: 'Montreal Canadiens', alias: 'Habs' },
        { team: 'New York Rangers', alias: 'Blueshirts' },
      ]),
    );
    expect(await channel('queue-a', NICKNAMES)).toMatchObject({ status: 'matched', handler: 'override' });
    await provider('queue-b', ['NHL 11 | Habs vs Blueshirts | 7:00 PM ET']);
    expect(await channel('queue-b', 'NHL 11 | Habs vs Blueshirts | 7:00 PM ET')).toMatchObject({
      status: 'matched',
      handler: 'local-events',
      event: { id: game.eventId },
    });
    const after = (await request(t.url).get('/api/review/unmatched?provider=queue-a').set(t.auth)).body
      .groups as Group[];
    expect(after.map((x) => x.name)).not.toContain(NICKNAMES);
  });

  it('answers a bad request with the problem named', async () => {
    expect((await request(t.url).get('/api/review/unmatched?league=XFL').set(t.auth)).status).toBe(400);
    expect((await request(t.url).get('/api/review/unmatched?provider=nobody').set(t.auth)).status).toBe(404);
    const groups = (await request(t.url).get('/api/review/unmatched').set(t.auth)).body.groups as Group[];
    const id = groups[0]!.channels[0]!.id;
    const missing = await request(t.url).post(`/api/review/unmatched/${id}`).set(t.auth).send({});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('eventId');
    const gone = await request(t.url)
      .post(`/api/review/unmatched/${id}`)
      .set(t.auth)
      .send({ eventId: 99_999_999 });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toContain('eventId');
    expect(
      (await request(t.url).post('/api/review/unmatched/99999999').set(t.auth).send({ eventId: 1 })).status,
    ).toBe(404);
    expect((await request(t.url).get('/api/review/unmatched')).status).toBe(401);
  });
});
