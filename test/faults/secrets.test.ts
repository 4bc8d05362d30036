// Secrets a player, an admin or a playlist URL carries never reach a log line, and credentials in a playlist URL
// go as HTTP Basic auth to that origin only. The logs are those of the real app and services, captured whole.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../support/log-capture.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PLAYLIST =
  '#EXTM3U\n#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET\nhttp://h/live/1.ts\n';
const SECRETS = ['URL-PASS-1', 'QUERY-PASS-2', 'PLAYER-TOKEN-3', 'ADMIN-QUERY-4', 'WRONG-BEARER-5'];

let elsewhere: LoopbackServer;
let upstream: LoopbackServer;
let t: TestApp;
const logs = captureLogs('debug');

beforeAll(async () => {
  elsewhere = await startLoopbackServer((_req, res) => {
    res.writeHead(500).end();
  });
  upstream = await startLoopbackServer((req, res) => {
    if (req.url?.startsWith('/moved')) {
      res.writeHead(302, { location: `${elsewhere.url}/get.php?password=QUERY-PASS-2` }).end();
      return;
    }
    res.end(PLAYLIST);
  });
  t = await startTestApp({ logger: logs.logger });
  const port = new URL(upstream.url).port;
  for (const [slug, path] of [
    ['basic', '/get.php'],
    ['moved', '/moved'],
  ]) {
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({
        slug,
        name: slug,
        playlistUrl: `http://alice:URL-PASS-1@127.0.0.1:${port}${path}?username=alice&password=QUERY-PASS-2`,
        timezone: 'UTC',
        accessToken: slug === 'basic' ? 'PLAYER-TOKEN-3' : undefined,
      })
      .expect(201);
  }
});
afterAll(async () => {
  await t.close();
  await upstream.close();
  await elsewhere.close();
});

describe('credentials in a playlist URL', () => {
  it('go to the playlist host as HTTP Basic auth, not in the URL', async () => {
    expect((await request(t.url).get('/epg/basic.xml?token=PLAYER-TOKEN-3')).status).toBe(200);
    const asked = upstream.requests.find((r) => r.url.startsWith('/get.php'));
    expect(asked?.headers.authorization).toBe(`Basic ${Buffer.from('alice:URL-PASS-1').toString('base64')}`);
    expect(asked?.url).not.toContain('URL-PASS-1');
  });

  it('are not sent to another origin a redirect leads to', async () => {
    const player = await request(t.url).get('/epg/moved.xml');
    expect(player.status).toBe(502);
    expect(elsewhere.requests.length).toBeGreaterThan(0);
    for (const r of elsewhere.requests) expect(r.headers.authorization).toBeUndefined();
  });
});

describe('the log of a run with secrets everywhere', () => {
  it('holds none of them', async () => {
    await request(t.url).get('/playlist/basic.m3u?token=PLAYER-TOKEN-3');
    await request(t.url).get('/epg/basic.xml?token=wrong');
    await request(t.url)
      .get('/api/providers?token=ADMIN-QUERY-4')
      .set({ authorization: 'Bearer WRONG-BEARER-5' });
    await t.services.guides.idle();
    const text = logs.text();
    // The run did log: requests, the failed redirect, the refused sign-in.
    expect(logs.lines().length).toBeGreaterThan(10);
    expect(text).toContain('token=***');
    for (const secret of [...SECRETS, Buffer.from('alice:URL-PASS-1').toString('base64')]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
