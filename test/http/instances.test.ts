// Instances sharing one database: an admin change made through one reaches the others' caches (NOTIFY), so the
// guide every instance serves follows it within a second.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PLAYLIST =
  '#EXTM3U\n#EXTINF:-1 group-title="Sports",XTRA 7 | Lakers @ Celtics 7:30 PM ET\nhttp://h/live/7.ts\n';

let upstream: LoopbackServer;
let a: TestApp;
let b: TestApp;
let c: TestApp;
beforeAll(async () => {
  upstream = await startLoopbackServer((_req, res) => {
    res.end(PLAYLIST);
  });
  a = await startTestApp();
  b = await startTestApp({ testDb: a.testDb });
  c = await startTestApp({ testDb: a.testDb });
  await request(a.url)
    .post('/api/providers')
    .set(a.auth)
    .send({ slug: 'acme', name: 'Acme', playlistUrl: `${upstream.url}/p.m3u`, timezone: 'America/New_York' })
    .expect(201);
});
afterAll(async () => {
  await c.close();
  await b.close();
  await a.close();
  await upstream.close();
});

/** Asks until the guide matches or a second has passed. */
async function guideWithin(t: TestApp, pattern: RegExp): Promise<string> {
  const until = performance.now() + 1_000;
  let xml: string;
  do {
    xml = (await request(t.url).get('/epg/acme.xml')).text;
    if (pattern.test(xml)) return xml;
    await new Promise((r) => setTimeout(r, 25));
  } while (performance.now() < until);
  return xml;
}

describe('three instances on one database', () => {
  it('serve the change an admin made through one of them', async () => {
    for (const t of [a, b, c]) expect((await request(t.url).get('/epg/acme.xml')).status).toBe(200);
    expect((await request(b.url).get('/epg/acme.xml')).text).not.toContain('bxtra-07.acme');

    await request(a.url)
      .post('/api/providers/acme/patterns')
      .set(a.auth)
      .send({ family: 'BXTRA', pattern: '^XTRA (?<slot>\\d+) \\| (?<payload>.*)$' })
      .expect(201);
    for (const t of [b, c]) expect(await guideWithin(t, /bxtra-07\.acme/)).toMatch(/bxtra-07\.acme/);

    await request(c.url).patch('/api/providers/acme').set(c.auth).send({ enabled: false }).expect(200);
    for (const t of [a, b]) {
      let status = 200;
      const until = performance.now() + 1_000;
      while (status === 200 && performance.now() < until) {
        status = (await request(t.url).get('/epg/acme.xml')).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 25));
      }
      expect(status).toBe(404);
    }
  });
});
