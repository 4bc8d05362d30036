// A playlist with more live entries than PLAYLIST_MAX_ENTRIES is refused as it streams, with a clear reason:
// memory follows what is kept, whatever the input.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../support/log-capture.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const entry = (i: number) => `#EXTINF:-1,a${i}\nhttp://h/live/u/p/${i}.ts\n`;
let sent = 0;
let finished = false;
let upstream: LoopbackServer;
let t: TestApp;
const logs = captureLogs();
beforeAll(async () => {
  upstream = await startLoopbackServer(async (_req, res) => {
    res.writeHead(200);
    res.write('#EXTM3U\n');
    // A million minimal entries, streamed: the reader must stop long before the end.
    for (let i = 0; i < 1_000_000 && !res.destroyed; i += 1000) {
      res.write(Array.from({ length: 1000 }, (_, k) => entry(i + k)).join(''));
      sent = i + 1000;
      await new Promise((r) => setImmediate(r));
    }
    finished = !res.destroyed;
    res.end();
  });
  t = await startTestApp({ config: { PLAYLIST_MAX_ENTRIES: 5_000 }, logger: logs.logger });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({
      slug: 'huge',
      name: 'Huge',
      playlistUrl: `${upstream.url}/get.php`,
      timezone: 'America/New_York',
    })
    .expect(201);
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});

describe('a playlist past PLAYLIST_MAX_ENTRIES', () => {
  it('is refused while it streams, with the reason for admins and a generic one for players', async () => {
    const player = await request(t.url).get('/epg/huge.xml');
    expect(player.status).toBe(502);
    expect(player.body.message).not.toMatch(/127\.0\.0\.1/);
    const admin = await request(t.url).get('/api/providers/huge/matches').set(t.auth);
    expect(admin.status).toBe(502);
    expect(admin.body.message).toMatch(/more than 5000 live entries/);
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(1_000_000);
    const warned = logs.lines().find((l) => l.msg === 'guide generation failed; trying the last good guide');
    expect(warned).toMatchObject({ level: 40, provider: 'huge' });
    expect(String((warned?.err as { message?: string } | undefined)?.message)).toMatch(/more than 5000 live/);
    expect((await request(t.url).get('/health/live')).status).toBe(200);
  });
});
