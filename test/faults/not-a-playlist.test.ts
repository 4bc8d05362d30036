// A host that answers 200 with something other than the playlist (an HTML page, nothing, binary, or an M3U
// with no live entry where there were many) is a failed fetch: the last good guide is served, marked stale,
// with the reason in the report and the log, and it stays the last good guide; after a restart with the host
// down, the stored guide and its playlist are served.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../support/log-capture.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const good = [
  '#EXTM3U',
  ...Array.from({ length: 12 }, (_, i) => [
    `#EXTINF:-1 group-title="NBA",NBA ${String(i + 1).padStart(2, '0')}: Lakers @ Celtics 7:30 PM ET`,
    `http://h/live/u/p/${i}.ts`,
  ]).flat(),
  '',
].join('\n');

/** A playlist answer's text (supertest leaves audio/x-mpegurl bodies as bytes). */
const textOf = (res: request.Response): string =>
  res.body instanceof Buffer ? res.body.toString('utf8') : res.text;

let body: Buffer | string | null = good;
let upstream: LoopbackServer;
let t: TestApp;
const logs = captureLogs();
beforeAll(async () => {
  upstream = await startLoopbackServer((_req, res) => {
    // null: the host is down (connection reset).
    if (body === null) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  t = await startTestApp({ now: () => new Date('2026-11-25T17:00:00Z'), logger: logs.logger });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({
      slug: 'host',
      name: 'Host',
      playlistUrl: `${upstream.url}/get.php`,
      timezone: 'America/New_York',
    })
    .expect(201);
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});

describe('a host answering something other than its playlist', () => {
  let etag = '';
  it('first serves a good guide', async () => {
    const res = await request(t.url).get('/epg/host.xml');
    expect(res.status).toBe(200);
    etag = String(res.headers.etag);
    await t.services.guides.idle();
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body>Service Unavailable</body></html>', /not an M3U/],
    ['an empty body', '', /not an M3U/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe]), /not an M3U/],
    [
      'an M3U with only VOD',
      '#EXTM3U\n#EXTINF:-1 group-title="Movies",Heat (1995)\nhttp://h/movie/u/p/1.mkv\n',
      /no live entry, where the last read had 12/,
    ],
  ])('serves the last good guide, stale, for %s, and the report says why', async (_what, answer, reason) => {
    body = answer;
    t.services.guides.invalidate('host');
    const res = await request(t.url).get('/epg/host.xml');
    expect(res.status).toBe(200);
    expect(res.headers['x-epgoat-stale']).toBe('true');
    expect(res.headers.etag).toBe(etag);
    const report = await request(t.url).get('/api/providers/host/matches').set(t.auth);
    expect(report.body).toMatchObject({ stale: true, staleReason: expect.stringMatching(reason) });
    expect(report.body.channels.length).toBe(12);
    const warned = logs
      .lines()
      .filter((l) => l.msg === 'guide generation failed; trying the last good guide');
    expect(String((warned.at(-1)?.err as { message?: string } | undefined)?.message)).toMatch(reason);
    expect(warned.at(-1)).toMatchObject({ level: 40, provider: 'host' });
    // The rewritten playlist stays available from the last good generation.
    const m3u = await request(t.url).get('/playlist/host.m3u').buffer(true);
    expect(m3u.status).toBe(200);
    expect(textOf(m3u)).toContain('NBA 12: Lakers @ Celtics');
  });

  it('serves a fresh guide again once the host recovers', async () => {
    body = good;
    t.services.guides.invalidate('host');
    const res = await request(t.url).get('/epg/host.xml');
    expect(res.headers['x-epgoat-stale']).toBeUndefined();
    await t.services.guides.idle();
  });

  it('serves the stored guide and its playlist after a restart while the host is down', async () => {
    body = null;
    const before = await request(t.url).get('/playlist/host.m3u').buffer(true);
    const restarted = await startTestApp({
      now: () => new Date('2026-11-25T17:00:00Z'),
      testDb: t.testDb,
      config: { PUBLIC_BASE_URL: 'http://guide.example:8080' },
    });
    try {
      const guide = await request(restarted.url).get('/epg/host.xml');
      expect(guide.status).toBe(200);
      expect(guide.headers['x-epgoat-stale']).toBe('true');
      const m3u = await request(restarted.url).get('/playlist/host.m3u').buffer(true);
      expect(m3u.status).toBe(200);
      expect(m3u.headers['x-epgoat-stale']).toBe('true');
      const text = textOf(m3u);
      expect(text.split('\n')[0]).toBe(
        '#EXTM3U url-tvg="http://guide.example:8080/epg/host.xml" x-tvg-url="http://guide.example:8080/epg/host.xml"',
      );
      // The same entries, with the same guide channel ids, as the process that made the guide sent.
      const entries = (s: string) => s.slice(s.indexOf('\n') + 1);
      expect(entries(text)).toBe(entries(textOf(before)));
      expect(text).toMatch(/tvg-id="[^"]+" [^\n]*,NBA 12: Lakers @ Celtics/);
    } finally {
      await restarted.close();
    }
  });
});
