// Instances sharing one database: an admin change made through one reaches the others' caches (NOTIFY), so the
// guide every instance serves follows it within a second; on Postgres a provider's guide is made by one instance
// at a time and the others serve what it stored, and another takes over when the holder dies.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { serverUrl } from '../support/test-database.js';

const PLAYLIST =
  '#EXTM3U\n#EXTINF:-1 group-title="Sports",XTRA 7 | Lakers @ Celtics 7:30 PM ET\nhttp://h/live/7.ts\n';

let upstream: LoopbackServer;
/** Paths the upstream keeps waiting before it answers, and for how long (Infinity: never). */
const delays = new Map<string, number>();
/** Paths answered with another playlist than PLAYLIST. */
const bodies = new Map<string, string>();
let a: TestApp;
let b: TestApp;
let c: TestApp;
beforeAll(async () => {
  upstream = await startLoopbackServer(async (req, res) => {
    const path = req.url ?? '';
    const delay = delays.get(path) ?? 0;
    if (delay === Infinity) {
      delays.delete(path);
      return new Promise(() => undefined);
    }
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    res.end(bodies.get(path) ?? PLAYLIST);
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

/**
 * How long a change may take to reach another instance before the test gives up: it arrives within a second on an
 * idle machine; the bound only tells "late" from "never", whatever the machine's load.
 */
const WAIT_MS = 15_000;

/** Asks until the guide matches or WAIT_MS have passed. */
async function guideWithin(t: TestApp, pattern: RegExp): Promise<string> {
  const until = performance.now() + WAIT_MS;
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
      const until = performance.now() + WAIT_MS;
      while (status === 200 && performance.now() < until) {
        status = (await request(t.url).get('/epg/acme.xml')).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 25));
      }
      expect(status).toBe(404);
    }
  });
});

describe.skipIf(!serverUrl())('one generation per provider across instances on Postgres', () => {
  const provider = async (slug: string) =>
    request(a.url)
      .post('/api/providers')
      .set(a.auth)
      .send({ slug, name: slug, playlistUrl: `${upstream.url}/${slug}.m3u`, timezone: 'America/New_York' })
      .expect(201);

  it('fetches the playlist once for 60 concurrent cold requests over three instances, all with one ETag', async () => {
    await provider('many');
    delays.set('/many.m3u', 300);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => request([a, b, c][i % 3]!.url).get('/epg/many.xml')),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 60 }, () => 200));
    expect(upstream.requests.filter((r) => r.url === '/many.m3u')).toHaveLength(1);
    expect(new Set(answers.map((r) => r.headers.etag)).size).toBe(1);
  });

  it('takes up the new guide one instance made, without fetching the playlist again', async () => {
    bodies.set('/many.m3u', PLAYLIST.replace('Lakers @ Celtics', 'Heat @ Knicks'));
    // Only A drops its guide (as a TTL would): it makes the next one, the others must take it up.
    a.services.guides.invalidate('many');
    const made = await request(a.url).get('/epg/many.xml');
    expect(made.text).toContain('Heat @ Knicks');
    expect(upstream.requests.filter((r) => r.url === '/many.m3u')).toHaveLength(2);
    for (const t of [b, c]) {
      const until = performance.now() + WAIT_MS;
      let etag = '';
      while (etag !== made.headers.etag && performance.now() < until) {
        etag = String((await request(t.url).get('/epg/many.xml')).headers.etag);
        if (etag !== made.headers.etag) await new Promise((r) => setTimeout(r, 25));
      }
      expect(etag).toBe(made.headers.etag);
    }
    expect(upstream.requests.filter((r) => r.url === '/many.m3u')).toHaveLength(2);
  });

  it('lets another instance make the guide when the one holding the lock dies mid-generation', async () => {
    await provider('crash');
    const { id } = await a.testDb.database.db
      .selectFrom('providers')
      .select('id')
      .where('slug', '=', 'crash')
      .executeTakeFirstOrThrow();
    delays.set('/crash.m3u', Infinity);
    // An instance with connections of its own, whose lock can be lost as a crash would lose it.
    const own = await createDatabase({ databaseUrl: a.testDb.url, dataDir: '' });
    const doomed = await startTestApp({
      testDb: { database: own, url: a.testDb.url, drop: async () => undefined },
    });
    const first = request(doomed.url)
      .get('/epg/crash.xml')
      .then((r) => r.status);
    while (upstream.requests.filter((r) => r.url === '/crash.m3u').length === 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const waiting = request(b.url).get('/epg/crash.xml');
    await new Promise((r) => setTimeout(r, 200));
    // The holder's connection goes, and its lock with it.
    await a.testDb.database.db
      .selectFrom('pg_locks' as never)
      .select((eb) => eb.fn('pg_terminate_backend', [eb.ref('pid' as never)]).as('gone'))
      .where('locktype' as never, '=', 'advisory' as never)
      .where('classid' as never, '=', 72_411 as never)
      .where('objid' as never, '=', id as never)
      .where('granted' as never, '=', true as never)
      .execute();
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(upstream.requests.filter((r) => r.url === '/crash.m3u')).toHaveLength(2);
    doomed.services.guides.close();
    expect(await first).toBe(503);
    await doomed.close();
    await own.close();
  });
});
