// The pattern tester and the checks a pattern passes before it is saved: what each pattern captures from each
// name and which one wins; a pattern open to catastrophic backtracking refused, and a run bounded in time.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: () => new Date('2026-11-25T17:00:00Z') });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({
      slug: 'acme',
      name: 'Acme',
      playlistUrl: 'http://127.0.0.1:9/p.m3u',
      timezone: 'America/New_York',
    })
    .expect(201);
  await request(t.url)
    .post('/api/providers/acme/patterns')
    .set(t.auth)
    .send({ family: 'ACME SPORTS', pattern: '^ACME SPORTS (?<slot>\\d+) - (?<payload>.*)$' })
    .expect(201);
});
afterAll(async () => {
  await t.close();
});

describe('the pattern tester', () => {
  it('shows what each pattern captures from each name, which one wins, and the parse', async () => {
    const res = await request(t.url)
      .post('/api/providers/acme/patterns/test')
      .set(t.auth)
      .send({
        names: ['ACME SPORTS 07 - Lakers vs Celtics 7:30 PM ET', 'XTRA 3 | Duke @ UNC', 'CNN International'],
        patterns: [{ family: 'XTRA', pattern: '^XTRA (?<slot>\\d+) \\| (?<payload>.*)$', priority: 200 }],
      });
    expect(res.status).toBe(200);
    expect(
      res.body.patterns.map((p: { family: string; id: number | null }) => [p.family, p.id === null]),
    ).toEqual([
      ['XTRA', true],
      ['ACME SPORTS', false],
    ]);
    const [acme, xtra, cnn] = res.body.results;
    expect(acme.captures).toEqual([null, { slot: '07', payload: 'Lakers vs Celtics 7:30 PM ET' }]);
    expect(acme.winner).toMatchObject({ family: 'ACME SPORTS', source: 'provider', slot: 7 });
    expect(acme.parsed).toMatchObject({ kind: 'event', teams: ['Lakers', 'Celtics'], time: '19:30' });
    expect(xtra.captures[0]).toEqual({ slot: '3', payload: 'Duke @ UNC' });
    expect(xtra.winner).toMatchObject({ family: 'XTRA', slot: 3 });
    expect(cnn.captures).toEqual([null, null]);
    expect(cnn.parsed.kind).toBe('other');
  });

  it('reports a draft open to catastrophic backtracking instead of running it', async () => {
    const res = await request(t.url)
      .post('/api/providers/acme/patterns/test')
      .set(t.auth)
      .send({
        names: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'],
        patterns: [{ family: 'BAD', pattern: '^(?<slot>(a+)+)$(?<payload>)' }],
      });
    expect(res.status).toBe(200);
    expect(res.body.patterns[0].problems[0]).toMatch(/backtrack/);
    expect(res.body.results[0].captures[0]).toBeNull();
  });

  it('sees overlapping alternatives and a lookbehind, not only nested repetition', async () => {
    for (const pattern of ['^(?<slot>\\d+)(?<payload>(a|a)+)$', '^(?<=^)(?<slot>(?:a|a)+)+$(?<payload>)']) {
      const res = await request(t.url)
        .post('/api/providers/acme/patterns/test')
        .set(t.auth)
        .send({ names: [`1${'a'.repeat(40)}!`], patterns: [{ family: 'SLOW', pattern }] });
      expect(res.status).toBe(200);
      expect(res.body.patterns[0].problems[0], pattern).toMatch(/backtrack/);
    }
  });

  it('refuses to save a pattern open to catastrophic backtracking, naming the field', async () => {
    const res = await request(t.url)
      .post('/api/providers/acme/patterns')
      .set(t.auth)
      .send({ family: 'BAD', pattern: '^(?<slot>\\d+)(?<payload>(a+)+)$' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/pattern.*backtrack/);
  });

  it('answers an unknown provider with 404 and a bad body with 400', async () => {
    expect(
      (
        await request(t.url)
          .post('/api/providers/nobody/patterns/test')
          .set(t.auth)
          .send({ names: ['x'] })
      ).status,
    ).toBe(404);
    const bad = await request(t.url)
      .post('/api/providers/acme/patterns/test')
      .set(t.auth)
      .send({ names: [] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('names');
  });
});
