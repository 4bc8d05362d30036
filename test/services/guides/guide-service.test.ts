// The guide cache as a CDN edge: after the first guide no player waits for a generation; a guide past its TTL is
// served while one background generation replaces it, a guide players ask for is made again before its TTL
// ends, and a failing refresh keeps the current guide and is retried with backoff. Real generator, real
// Postgres, a loopback playlist host, and the cache's own clock moved by hand.
import { setTimeout as delay } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertProvider } from '../../../src/db/providers.js';
import { createGuideService, type GuideService } from '../../../src/services/guides/guide-service.js';
import { createProviderDirectory } from '../../../src/services/guides/provider-directory.js';
import { startLoopbackServer, type LoopbackServer } from '../../support/loopback-server.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const TTL = 300_000;
let t: TestApp;
let upstream: LoopbackServer;
let version = 1;
let status = 200;
/** While set, the playlist host holds its answers until it settles. */
let gate: Promise<void> | null = null;
let fetches = 0;
let clock = 1_000_000;
let guides: GuideService;

const playlist = () =>
  `#EXTM3U\n#EXTINF:-1,NBA 01: Lakers vs Celtics 7:30 PM ET\nhttp://h/live/u/p/1.ts\n` +
  `#EXTINF:-1,NBA ${String(version + 1).padStart(2, '0')}:\nhttp://h/live/u/p/2.ts\n`;

beforeAll(async () => {
  upstream = await startLoopbackServer(async (_req, res) => {
    fetches += 1;
    if (gate) await gate;
    if (status !== 200) res.writeHead(status).end('broken');
    else res.writeHead(200, { 'content-type': 'audio/x-mpegurl' }).end(playlist());
  });
  t = await startTestApp();
  // A provider per test: background generations of one test must not touch another's.
  for (const slug of ['stale', 'ahead', 'failing']) {
    await insertProvider(t.testDb.database.db, {
      slug,
      name: slug,
      playlist_url: `${upstream.url}/${slug}.m3u`,
      timezone: 'America/New_York',
    });
  }
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});
beforeEach(() => {
  version = 1;
  status = 200;
  gate = null;
  clock = 1_000_000;
  guides = createGuideService({
    db: t.testDb.database.db,
    generator: t.services.generator,
    providers: createProviderDirectory({ db: t.testDb.database.db }),
    ttlMs: TTL,
    now: () => clock,
  });
});

describe('the guide cache as an edge', () => {
  it('serves a fresh guide compressed quickly, then the same guide compressed better, under one ETag', async () => {
    const first = await guides.getGuide('stale');
    const quick = first.xmlGzip;
    const better = await eventually(
      () => guides.getGuide('stale'),
      (g) => g.xmlGzip.length < quick.length,
    );
    expect(better.etag).toBe(first.etag);
    expect(gunzipSync(better.xmlGzip).equals(gunzipSync(quick))).toBe(true);
  });

  it('serves a guide past its TTL at once while one background generation replaces it', async () => {
    const first = await guides.getGuide('stale');
    clock += TTL + 1;
    version = 2;
    let open = () => undefined as void;
    gate = new Promise((resolve) => (open = resolve));
    const before = fetches;
    // Answered while the playlist host holds the new generation back: no request waits for it.
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => guides.getGuide('stale')));
    expect([a?.etag, b?.etag, c?.etag]).toEqual([first.etag, first.etag, first.etag]);
    open();
    gate = null;
    // One background generation for the three requests; a later request gets its guide.
    const next = await eventually(
      () => guides.getGuide('stale'),
      (g) => g.etag !== first.etag,
    );
    expect(next.stale).toBe(false);
    expect(fetches - before).toBe(1);
  });

  it('makes a guide players asked for again shortly before its TTL ends', async () => {
    const first = await guides.getGuide('ahead');
    clock += TTL / 2;
    expect(guides.refreshDue()).toEqual([]);
    clock += TTL / 2 - 10_000;
    version = 3;
    const before = fetches;
    expect(guides.refreshDue()).toEqual(['ahead']);
    // Still within the TTL: the guide made ahead of time is what the next requests get.
    await eventually(
      () => guides.getGuide('ahead'),
      (g) => g.etag !== first.etag,
    );
    expect(fetches - before).toBe(1);
  });

  it('keeps the current guide when a refresh fails, and tries again later and later', async () => {
    const first = await guides.getGuide('failing');
    // A 404 fails at once (no retries of the fetch itself), so each refresh is one request.
    status = 404;
    clock += TTL + 1;
    await guides.getGuide('failing');
    await settled();
    // Tried again after 30 s, then 60 s, then 120 s: never sooner, and serving the current guide meanwhile.
    for (const wait of [30_000, 60_000, 120_000]) {
      const failedAt = clock;
      clock = failedAt + wait - 1000;
      const before = fetches;
      const served = await guides.getGuide('failing');
      await settled();
      expect([wait, fetches - before]).toEqual([wait, 0]);
      expect(served.etag).toBe(first.etag);
      expect(served.stale).toBe(true);
      expect(guides.refreshDue()).toEqual([]);
      clock = failedAt + wait + 1000;
      await guides.getGuide('failing');
      await settled();
      expect([wait, fetches - before]).toEqual([wait, 1]);
    }
  });
});

/** Lets a background generation that fails at once (a 404 for the playlist) finish. */
async function settled(): Promise<void> {
  await delay(300);
}

/** Asks again until `ok` holds, for up to 10 s. */
async function eventually<T>(ask: () => Promise<T>, ok: (t: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const got = await ask();
    if (ok(got) || i >= 100) return got;
    await delay(100);
  }
}
