// A host that never answers, and one that drips its playlist a byte at a time: one deadline bounds each fetch
// (PLAYLIST_TIMEOUT_SECONDS), players of a provider with a guide get the current one at once meanwhile, and the
// failure is logged and reported; a provider without a guide gets a generic 502 once the deadline passes.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../support/log-capture.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DEADLINE_S = 2;
/** The host writes a byte every DRIP_MS: the whole playlist would take tens of seconds. */
const DRIP_MS = 500;
const PLAYLIST = [
  '#EXTM3U',
  '#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET',
  'http://h/live/u/p/1.ts',
  '',
].join('\n');

let mode: 'good' | 'hang' | 'drip' = 'good';
let upstream: LoopbackServer;
let t: TestApp;
const logs = captureLogs();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  upstream = await startLoopbackServer(async (req, res) => {
    const how = req.url?.includes('drip') ? 'drip' : mode;
    if (how === 'hang') return new Promise(() => undefined);
    if (how === 'good') {
      res.end(PLAYLIST);
      return;
    }
    res.writeHead(200, { 'content-type': 'audio/x-mpegurl' });
    for (const byte of PLAYLIST) {
      if (res.destroyed) return;
      res.write(byte);
      await sleep(DRIP_MS);
    }
    res.end();
  });
  t = await startTestApp({
    logger: logs.logger,
    config: { GUIDE_CACHE_TTL_SECONDS: 1, PLAYLIST_TIMEOUT_SECONDS: DEADLINE_S },
  });
  for (const slug of ['acme', 'dripping']) {
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({
        slug,
        name: slug,
        playlistUrl: `${upstream.url}/${slug === 'dripping' ? 'drip' : 'get'}.m3u`,
        timezone: 'America/New_York',
      })
      .expect(201);
  }
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});

describe('a host that stops answering', () => {
  it('leaves players with the current guide at once, then marks it stale with the reason', async () => {
    const first = await request(t.url).get('/epg/acme.xml');
    expect(first.status).toBe(200);
    await t.services.guides.idle();
    mode = 'hang';
    await sleep(1_100);

    const started = performance.now();
    const during = await request(t.url).get('/epg/acme.xml');
    // Served from memory, not after the fetch deadline the refresh now waits on.
    expect(performance.now() - started).toBeLessThan(DEADLINE_S * 1000);
    expect(during.status).toBe(200);
    expect(during.headers.etag).toBe(first.headers.etag);

    let report = await request(t.url).get('/api/providers/acme/matches').set(t.auth);
    for (let i = 0; i < 100 && !report.body.stale; i += 1) {
      await sleep(100);
      report = await request(t.url).get('/api/providers/acme/matches').set(t.auth);
    }
    expect(report.body).toMatchObject({ stale: true, staleReason: expect.stringMatching(/2000 ms/) });
    const warned = logs.lines().find((l) => l.msg === 'guide generation failed; trying the last good guide');
    expect(warned).toMatchObject({ level: 40, provider: 'acme' });
    expect((await request(t.url).get('/health/live')).status).toBe(200);
    mode = 'good';
  }, 30_000);
});

describe('a host that drips its playlist', () => {
  it('is cut at the deadline: a generic 502 for players, the reason for admins and in the log', async () => {
    const started = performance.now();
    const player = await request(t.url).get('/epg/dripping.xml');
    const took = performance.now() - started;
    expect(player.status).toBe(502);
    expect(player.body.message).not.toMatch(/127\.0\.0\.1/);
    // The deadline, not the ~30 s the whole drip would take.
    expect(took).toBeGreaterThanOrEqual(DEADLINE_S * 1000 - 100);
    expect(took).toBeLessThan(PLAYLIST.length * DRIP_MS);
    const admin = await request(t.url).get('/api/providers/dripping/matches').set(t.auth);
    expect(admin.body.message).toMatch(/within 2000 ms/);
    const warned = logs.lines().find((l) => l.provider === 'dripping' && l.level === 40);
    expect(String((warned?.err as { message?: string } | undefined)?.message)).toMatch(/within 2000 ms/);
    expect((await request(t.url).get('/health/live')).status).toBe(200);
  }, 30_000);
});
