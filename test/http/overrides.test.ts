// Channel overrides over the admin API: a pin is honoured before every other step (handler override), a
// channel marked as carrying no event becomes an empty slot, a pin whose event's day has passed no longer
// applies and the report says so, and removing one lets matching decide again.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusEvents } from '../support/corpus.js';
import { startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = CORPUS_NOW;
const names = {
  unknown: 'NHL 05: Nobody vs Noone 7:00 PM ET',
  real: 'NHL 06: New York Rangers @ Montreal Canadiens 7:00 PM ET',
};
const playlist = [
  '#EXTM3U',
  ...Object.values(names).flatMap((n, i) => [
    `#EXTINF:-1 group-title="NHL",${n}`,
    `http://h/live/u/p/${i}.ts`,
  ]),
  '',
].join('\n');

interface Row {
  channelId: string;
  name: string;
  status: string;
  handler?: string;
  why?: string;
  event?: { id: string };
}
interface StoredEvent {
  id: string;
  title: string;
  startsAt: string;
}

let sports: FakeSportsApi;
let t: TestApp;
let today: StoredEvent[];
let yesterday: StoredEvent[];

beforeAll(async () => {
  sports = await startFakeSportsApi({ events: loadCorpusEvents(), playlist, now: NOW });
  t = await startTestApp({
    now: () => NOW,
    config: { ESPN_BASE_URL: sports.url, THESPORTSDB_BASE_URL: sports.url },
  });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'pins', name: 'Pins', playlistUrl: `${sports.url}/playlist.m3u`, timezone: CORPUS_ZONE })
    .expect(201);
  await request(t.url)
    .post('/api/events/refresh')
    .set(t.auth)
    .send({ leagues: ['NHL'], from: '2026-11-24', to: '2026-11-25' })
    .expect(200);
  const events = (date: string) =>
    request(t.url)
      .get(`/api/events?league=NHL&date=${date}&timezone=${encodeURIComponent(CORPUS_ZONE)}`)
      .set(t.auth);
  today = (await events('2026-11-25')).body.events as StoredEvent[];
  yesterday = (await events('2026-11-24')).body.events as StoredEvent[];
  expect(today.length).toBeGreaterThan(1);
  expect(yesterday.length).toBeGreaterThan(0);
}, 60_000);

afterAll(async () => {
  await t.close();
  await sports.close();
});

async function rows(): Promise<Row[]> {
  await request(t.url).get('/epg/pins.xml').expect(200);
  return (await request(t.url).get('/api/providers/pins/matches').set(t.auth)).body.channels as Row[];
}
const row = async (name: string) => (await rows()).find((r) => r.name === name)!;

describe('channel overrides', () => {
  it('pin a channel to an event before every other step', async () => {
    const channel = await row(names.unknown);
    expect(channel.status).toBe('unmatched');
    const target = today.find((e) => !/Rangers/.test(e.title))!;
    const res = await request(t.url)
      .put(`/api/providers/pins/channels/${channel.channelId}/override`)
      .set(t.auth)
      .send({ eventId: Number(target.id) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ channelId: channel.channelId, eventId: target.id, notEvent: false });
    expect(await row(names.unknown)).toMatchObject({
      status: 'matched',
      handler: 'override',
      event: { id: target.id },
      why: expect.stringContaining('pinned by an admin'),
    });
  });

  it('mark a channel as carrying no event: an empty slot, and the report says who decided', async () => {
    const channel = await row(names.real);
    expect(channel.status).toBe('matched');
    await request(t.url)
      .put(`/api/providers/pins/channels/${channel.channelId}/override`)
      .set(t.auth)
      .send({ notEvent: true })
      .expect(200);
    expect(await row(names.real)).toMatchObject({
      status: 'placeholder',
      why: expect.stringContaining('an admin'),
    });
  });

  it('no longer apply once the pinned event’s day has passed, and the report says so', async () => {
    const channel = await row(names.unknown);
    await request(t.url)
      .put(`/api/providers/pins/channels/${channel.channelId}/override`)
      .set(t.auth)
      .send({ eventId: Number(yesterday[0]!.id) })
      .expect(200);
    expect(await row(names.unknown)).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining('a day that has passed'),
    });
  });

  it('are removed by a soft delete, and matching decides again', async () => {
    const channel = await row(names.real);
    await request(t.url)
      .delete(`/api/providers/pins/channels/${channel.channelId}/override`)
      .set(t.auth)
      .expect(204);
    expect(await row(names.real)).toMatchObject({
      status: 'matched',
      handler: expect.not.stringMatching(/override/),
    });
    await request(t.url)
      .delete(`/api/providers/pins/channels/${channel.channelId}/override`)
      .set(t.auth)
      .expect(404);
    const kept = await t.testDb.database.db
      .selectFrom('channel_overrides')
      .select(['channel_id', 'deleted_at'])
      .execute();
    expect(kept.filter((k) => k.channel_id === channel.channelId && k.deleted_at !== null)).toHaveLength(1);
    const listed = await request(t.url).get('/api/providers/pins/overrides').set(t.auth);
    expect((listed.body.overrides as { channelId: string }[]).map((o) => o.channelId)).not.toContain(
      channel.channelId,
    );
  });

  it('answer a bad request with the problem named', async () => {
    const channel = await row(names.unknown);
    const url = `/api/providers/pins/channels/${channel.channelId}/override`;
    expect((await request(t.url).put(url).set(t.auth).send({})).status).toBe(400);
    expect((await request(t.url).put(url).set(t.auth).send({ eventId: 1, notEvent: true })).status).toBe(400);
    const gone = await request(t.url).put(url).set(t.auth).send({ eventId: 99_999_999 });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toContain('eventId');
    const noChannel = await request(t.url)
      .put('/api/providers/pins/channels/nope.pins/override')
      .set(t.auth)
      .send({ notEvent: true });
    expect(noChannel.status).toBe(404);
    expect(noChannel.body.message).toContain('channelId');
    expect((await request(t.url).put(url).send({ notEvent: true })).status).toBe(401);
    expect(
      (await request(t.url).put(url.replace('pins', 'nobody')).set(t.auth).send({ notEvent: true })).status,
    ).toBe(404);
  });
});
