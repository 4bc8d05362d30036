// Text Postgres cannot store, in any text field of any admin body, is a 400 naming the field, not a 500.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const provider = {
  slug: 'nul',
  name: 'Nul',
  playlistUrl: 'http://127.0.0.1:9/p.m3u',
  timezone: 'America/New_York',
};
// JSON escapes, so the raw body carries them exactly as a hostile client would send them.
const raw = (body: object, replace: [string, string]) => JSON.stringify(body).replace(replace[0], replace[1]);

describe('admin bodies with text Postgres cannot store', () => {
  it('refuse a NUL in a provider name with a 400 naming the field', async () => {
    const res = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .set('content-type', 'application/json')
      .send(raw(provider, ['"Nul"', '"N\\u0000ul"']));
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('refuse an unpaired surrogate deep in a body, naming its path', async () => {
    await request(t.url).post('/api/providers').set(t.auth).send(provider).expect(201);
    const res = await request(t.url)
      .patch('/api/providers/nul')
      .set(t.auth)
      .set('content-type', 'application/json')
      .send('{"settings":{"vodRules":[{"field":"name","pattern":"x\\ud800","vod":true}]}}');
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ field: 'settings.vodRules.0.pattern' })]);
  });

  it('keep every other character, emoji included', async () => {
    const res = await request(t.url).patch('/api/providers/nul').set(t.auth).send({ name: 'Nul 🏒 Ünïcode' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Nul 🏒 Ünïcode');
  });
});

describe('VOD rules', () => {
  it('refuse at save a rule the linear-time engine cannot run, naming the field', async () => {
    for (const [pattern, what] of [
      ['(a)\\1', 'a backreference \\1'],
      ['VOD(?=\\|)', 'a lookahead (?=…)'],
      ['(?<!live)/movie/', 'a lookbehind (?<!…)'],
    ]) {
      const res = await request(t.url)
        .patch('/api/providers/nul')
        .set(t.auth)
        .send({
          settings: {
            vodRules: [
              { field: 'group', pattern: '^VOD', vod: true },
              { field: 'name', pattern, vod: true },
            ],
          },
        });
      expect(res.status, pattern).toBe(400);
      expect(res.body.problems).toEqual([
        {
          field: 'settings.vodRules.1.pattern',
          message: expect.stringContaining(`uses ${what}, which the linear-time regex engine cannot run`),
        },
      ]);
    }
  });

  it('keep a rule that backtracks exponentially elsewhere: it runs in linear time', async () => {
    const res = await request(t.url)
      .patch('/api/providers/nul')
      .set(t.auth)
      .send({ settings: { vodRules: [{ field: 'name', pattern: '^(a|a)+$', vod: true }] } });
    expect(res.status).toBe(200);
    const fine = await request(t.url)
      .patch('/api/providers/nul')
      .set(t.auth)
      .send({ settings: { vodRules: [{ field: 'group', pattern: '^(VOD|Movies)\\b', vod: true }] } });
    expect(fine.status).toBe(200);
  });
});

describe('provider patterns', () => {
  it('refuse at save one with a backreference or a lookaround, naming the field', async () => {
    for (const pattern of [
      '^(?<slot>\\d+)(?<payload>(a)\\1)$',
      '^SLOW (?<slot>\\d{1,3})(?!\\d)(?<payload>.*)$',
      '^(?<=x)(?<slot>\\d+)(?<payload>.*)$',
    ]) {
      const res = await request(t.url)
        .post('/api/providers/nul/patterns')
        .set(t.auth)
        .send({ family: 'SLOW', pattern });
      expect(res.status, pattern).toBe(400);
      expect(res.body.problems).toEqual([
        {
          field: 'pattern',
          message: expect.stringContaining('which the linear-time regex engine cannot run'),
        },
      ]);
    }
  });

  it('keep one that backtracks exponentially elsewhere, and the process stays responsive', async () => {
    const res = await request(t.url)
      .post('/api/providers/nul/patterns')
      .set(t.auth)
      .send({ family: 'SLOW', pattern: '^(?<slot>\\d+)(?<payload>(a|a)+)$' });
    expect(res.status).toBe(201);
    expect((await request(t.url).get('/health/live')).status).toBe(200);
    await request(t.url).delete(`/api/providers/nul/patterns/${res.body.id}`).set(t.auth).expect(204);
  });
});

describe('a DELETE sent with a JSON content type and no body', () => {
  it('is answered as a DELETE, not as a malformed body', async () => {
    await request(t.url)
      .post('/api/providers/nul/patterns')
      .set(t.auth)
      .send({ family: 'ZETA', pattern: '^ZETA (?<slot>\\d+) (?<payload>.*)$' })
      .expect(201);
    const { patterns } = (await request(t.url).get('/api/providers/nul/patterns').set(t.auth)).body;
    const res = await request(t.url)
      .delete(`/api/providers/nul/patterns/${patterns[0].id}`)
      .set(t.auth)
      .set('content-type', 'application/json');
    expect(res.status).toBe(204);
    const bad = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .set('content-type', 'application/json')
      .send('{"slug":');
    expect(bad.status).toBe(400);
  });
});
