import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: () => new Date('2026-11-25T17:00:00Z') });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'eu', name: 'EU', playlistUrl: 'http://127.0.0.1:9/x.m3u', timezone: 'Europe/London' });
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/tools/parse-names', () => {
  it('reads names in input order with family, slot, teams, time, zone and instant', async () => {
    const res = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({ names: ['NBA 01: Lakers vs Celtics @ 7:30 PM ET', 'NHL 09:', 'CBS News 24/7'] });
    expect(res.status).toBe(200);
    const [game, empty, linear] = res.body.results;
    expect(game).toMatchObject({
      name: 'NBA 01: Lakers vs Celtics @ 7:30 PM ET',
      kind: 'event',
      family: 'NBA',
      slot: 1,
      teams: ['Lakers', 'Celtics'],
      time: '19:30',
      timeZone: 'America/New_York',
      startsAt: '2026-11-26T00:30:00.000Z',
    });
    expect(empty).toMatchObject({ kind: 'placeholder', family: 'NHL', slot: 9 });
    expect(linear).toMatchObject({ kind: 'other' });
  });

  it('reads the part of a larger event a name carries, and its title without it', async () => {
    const res = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({
        names: [
          'F1 01: Spanish Grand Prix - Race',
          'PGA 02: The Genesis Invitational - Round 4',
          'UFC 326: Holloway vs. Oliveira 2 (Main Card)',
          'NBA 01: Lakers vs Celtics',
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { title: string | null; part: unknown }) => [r.title, r.part])).toEqual([
      ['Spanish Grand Prix', { kind: 'session', label: 'Race' }],
      ['The Genesis Invitational', { kind: 'round', label: 'Round 4' }],
      ['UFC 326: Holloway vs. Oliveira 2', { kind: 'segment', label: 'Main Card' }],
      [null, null],
    ]);
  });

  it("reads zone-less times in the provider's zone", async () => {
    const res = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({ names: ['EPL 03: Arsenal v Chelsea 15:00'], provider: 'eu' });
    expect(res.body.results[0]).toMatchObject({ time: '15:00', timeZone: 'Europe/London' });
  });

  it('uses the provider patterns before the defaults', async () => {
    const add = await request(t.url)
      .post('/api/providers/eu/patterns')
      .set(t.auth)
      .send({ family: 'Goat Sports', pattern: '^GS(?<slot>\\d+)\\s*>>\\s*(?<payload>.*)$', priority: 200 });
    expect(add.status).toBe(201);
    const res = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({ names: ['GS7 >> Leeds v Burnley 20:00'], provider: 'eu' });
    expect(res.body.results[0]).toMatchObject({
      family: 'Goat Sports',
      slot: 7,
      teams: ['Leeds', 'Burnley'],
    });
  });

  it('refuses a pattern without the named groups, naming the field', async () => {
    const res = await request(t.url)
      .post('/api/providers/eu/patterns')
      .set(t.auth)
      .send({ family: 'Bad', pattern: '^BAD (\\d+)' });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ field: 'pattern' })]);
  });

  it('refuses more than 1,000 names', async () => {
    const res = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({ names: Array.from({ length: 1001 }, (_, i) => `NBA ${i}:`) });
    expect(res.status).toBe(400);
    expect(res.body.problems[0].field).toBe('names');
  });

  it('refuses an unknown time zone and an unknown provider', async () => {
    const bad = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({ names: ['x'], timezone: 'Nowhere/City' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].field).toBe('timezone');
    const unknown = await request(t.url)
      .post('/api/tools/parse-names')
      .set(t.auth)
      .send({ names: ['x'], provider: 'nobody' });
    expect(unknown.status).toBe(404);
  });
});
