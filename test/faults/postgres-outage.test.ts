// Postgres going away while a guide is cached: players keep getting the cached guide (providers are held in
// memory, the guide in the cache), /health/ready says 503 meanwhile and 200 once the database is back.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { buildServices } from '../../src/services/compose.js';
import { testConfig } from '../support/test-app.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/test-database.js';

const playlist =
  '#EXTM3U\n#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET\nhttp://h/live/u/p/1.ts\n';
const onServer = serverUrl() !== undefined;
if (!onServer) console.warn('Postgres outage test skipped: it needs a Postgres server (DATABASE_URL)');

/** A TCP proxy to Postgres that can be cut (every connection dropped, new ones refused) and restored. */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => {
      const u = new URL(target.href);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.href;
    },
    async cut() {
      await new Promise<void>((r) => server!.close(() => r()));
      for (const s of sockets) s.destroy();
    },
    restore: listen,
  };
}

describe.skipIf(!onServer)('Postgres down while a guide is cached', () => {
  let scratch: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let database: Database;
  let upstream: LoopbackServer;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url = '';
  let services: ReturnType<typeof buildServices>;

  beforeAll(async () => {
    scratch = await createTestDatabase();
    proxy = await startProxy(new URL(scratch.url!));
    database = await createDatabase({ databaseUrl: proxy.url(), dataDir: '' });
    upstream = await startLoopbackServer((_req, res) => {
      res.end(playlist);
    });
    const config = testConfig({
      PLAYLIST_MAX_BYTES: 1024 * 1024,
      PLAYLIST_TIMEOUT_SECONDS: 5,
      PLAYLIST_MAX_ENTRIES: 1000,
      LLM_TIMEOUT_MS: 1000,
      LLM_WAIT_MS: 1000,
    });
    services = buildServices({ database, now: () => new Date(), config });
    await services.seed();
    app = await buildApp({
      database,
      adminToken: 'outage-admin-token-0123',
      logger: false,
      isAllowedPlaylistUrl: () => true,
      config,
      now: () => new Date(),
      ...services,
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    await request(url)
      .post('/api/providers')
      .set({ Authorization: 'Bearer outage-admin-token-0123' })
      .send({
        slug: 'cached',
        name: 'Cached',
        playlistUrl: `${upstream.url}/p.m3u`,
        timezone: 'America/New_York',
      })
      .expect(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await services?.guides.idle().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await upstream?.close();
    await scratch?.drop();
  });

  it('keeps serving the cached guide, and readiness follows the database', async () => {
    const first = await request(url).get('/epg/cached.xml');
    expect(first.status).toBe(200);
    await services.guides.idle();
    await proxy.cut();
    const served: number[] = [];
    for (let i = 0; i < 20; i += 1) served.push((await request(url).get('/epg/cached.xml')).status);
    expect(served.every((s) => s === 200)).toBe(true);
    const conditional = await request(url)
      .get('/epg/cached.xml')
      .set('if-none-match', String(first.headers.etag));
    expect(conditional.status).toBe(304);
    expect((await request(url).get('/health/ready')).status).toBe(503);
    expect((await request(url).get('/health/live')).status).toBe(200);
    await proxy.restore();
    let ready = 0;
    for (let i = 0; i < 20 && ready !== 200; i += 1) {
      ready = (await request(url).get('/health/ready')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(200);
  }, 60_000);
});
