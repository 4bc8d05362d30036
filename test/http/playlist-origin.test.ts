// The playlist's url-tvg points players at this service. A client's Host header never chooses that origin (a
// forged one would send every player of a shared cache elsewhere); X-Forwarded-* count only from TRUSTED_PROXIES.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PLAYLIST =
  '#EXTM3U\n#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET\nhttp://h/live/1.ts\n';

let upstream: LoopbackServer;
let direct: TestApp;
let proxied: TestApp;

async function withProvider(t: TestApp): Promise<void> {
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'acme', name: 'Acme', playlistUrl: `${upstream.url}/p.m3u`, timezone: 'UTC' })
    .expect(201);
}

async function firstLine(t: TestApp, headers: Record<string, string>): Promise<string> {
  const res = await request(t.url).get('/playlist/acme.m3u').set(headers).buffer(true);
  expect(res.status).toBe(200);
  const text = res.body instanceof Buffer ? res.body.toString('utf8') : res.text;
  return text.split('\n')[0]!;
}

beforeAll(async () => {
  upstream = await startLoopbackServer((_req, res) => {
    res.end(PLAYLIST);
  });
  direct = await startTestApp();
  proxied = await startTestApp({ config: { TRUSTED_PROXIES: ['loopback'] } });
  await withProvider(direct);
  await withProvider(proxied);
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
  await upstream.close();
});

describe("the origin in a playlist's url-tvg", () => {
  it('is the address and port the player connected to, whatever Host header it sent', async () => {
    const line = await firstLine(direct, { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    expect(line).toBe(`#EXTM3U url-tvg="${direct.url}/epg/acme.xml" x-tvg-url="${direct.url}/epg/acme.xml"`);
  });

  it('is what a trusted proxy forwarded, host and scheme', async () => {
    const line = await firstLine(proxied, {
      'x-forwarded-host': 'guide.example:8443',
      'x-forwarded-proto': 'https',
    });
    expect(line).toContain('url-tvg="https://guide.example:8443/epg/acme.xml"');
  });

  it("falls back to the connection's address when a trusted proxy forwards a malformed host", async () => {
    const line = await firstLine(proxied, { 'x-forwarded-host': 'bad host/"x' });
    expect(line).toContain(`url-tvg="${proxied.url}/epg/acme.xml"`);
  });

  it('changes the ETag with the origin it names, so a shared cache never serves another origin its playlist', async () => {
    const etag = async (host: string) => {
      const res = await request(proxied.url).get('/playlist/acme.m3u').set('x-forwarded-host', host);
      expect(res.status).toBe(200);
      return String(res.headers.etag);
    };
    const one = await etag('one.example');
    expect(await etag('one.example')).toBe(one);
    expect(await etag('two.example')).not.toBe(one);
    const stale = await request(proxied.url)
      .get('/playlist/acme.m3u')
      .set({ 'x-forwarded-host': 'two.example', 'if-none-match': one });
    expect(stale.status).toBe(200);
  });
});
