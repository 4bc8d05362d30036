// The pattern tester and the checks a pattern passes before it is saved: what each pattern captures from each
// name and which one wins; what the linear-time engine cannot run is refused, the rest runs with no deadline.
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

  it('runs a draft that backtracks exponentially elsewhere on a long adversarial name, without hanging', async () => {
    const res = await request(t.url)
      .post('/api/providers/acme/patterns/test')
      .set(t.auth)
      .send({
        names: [`1${'a'.repeat(498)}!`, `7${'a'.repeat(30)}`],
        patterns: [{ family: 'SLOW', pattern: '^(?<slot>\\d+)(?<payload>(a|a)+)$' }],
      });
    expect(res.status).toBe(200);
    expect(res.body.patterns[0].problems).toEqual([]);
    expect(res.body.results.map((r: { captures: unknown[] }) => r.captures[0])).toEqual([
      null,
      { slot: '7', payload: 'a'.repeat(30) },
    ]);
  });

  it('refuses a draft the linear-time engine cannot run, naming the field and the construct', async () => {
    for (const [pattern, what] of [
      ['^(?<slot>\\d+)(?<payload>(a)\\1)$', 'backreference'],
      ['^ACME (?<slot>\\d{1,3})(?!\\d)(?<payload>.*)$', 'lookahead'],
      ['^(?<=^)(?<slot>\\d+)(?<payload>.*)$', 'lookbehind'],
    ]) {
      const res = await request(t.url)
        .post('/api/providers/acme/patterns/test')
        .set(t.auth)
        .send({
          names: ['ACME 1 x'],
          patterns: [
            { family: 'FINE', pattern: '^(?<slot>\\d+)(?<payload>.*)$' },
            { family: 'BAD', pattern },
          ],
        });
      expect(res.status, pattern).toBe(400);
      expect(res.body.problems).toEqual([
        {
          field: 'patterns.1.pattern',
          message: expect.stringContaining(`uses a ${what}`),
        },
      ]);
    }
  });

  it('shows a saved pattern the engine cannot run with why, and runs the others', async () => {
    const provider = await t.testDb.database.db
      .selectFrom('providers')
      .select('id')
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow();
    await t.testDb.database.db
      .insertInto('provider_patterns')
      .values({
        provider_id: provider.id,
        family: 'OLD',
        pattern: '^OLD (?<slot>\\d+)(?!\\d)(?<payload>.*)$',
      })
      .execute();
    const res = await request(t.url)
      .post('/api/providers/acme/patterns/test')
      .set(t.auth)
      .send({ names: ['OLD 3 - x', 'ACME SPORTS 03 - x'] });
    expect(res.status).toBe(200);
    const old = res.body.patterns.find((p: { family: string }) => p.family === 'OLD');
    expect(old.problems).toEqual([expect.stringMatching(/^uses a lookahead/)]);
    expect(res.body.results[1].winner).toMatchObject({ family: 'ACME SPORTS', slot: 3 });
    await t.testDb.database.db.deleteFrom('provider_patterns').where('family', '=', 'OLD').execute();
  });

  it('refuses to save a pattern the engine cannot run, naming the field', async () => {
    const res = await request(t.url)
      .post('/api/providers/acme/patterns')
      .set(t.auth)
      .send({ family: 'BAD', pattern: '^(?<slot>\\d+)(?<=1)(?<payload>(a)\\2)$' });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      {
        field: 'pattern',
        message: expect.stringMatching(/^uses a lookbehind \(\?<=…\), which the linear-time/),
      },
    ]);
  });

  it('saves a pattern that backtracks exponentially elsewhere', async () => {
    const res = await request(t.url)
      .post('/api/providers/acme/patterns')
      .set(t.auth)
      .send({ family: 'SLOW', pattern: '^SLOW (?<slot>\\d+)(?<payload>(a|a)+)$' });
    expect(res.status).toBe(201);
    await request(t.url).delete(`/api/providers/acme/patterns/${res.body.id}`).set(t.auth).expect(204);
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
