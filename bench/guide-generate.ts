// Cold generation (fetch, parse, classify, understand, match, schedule, write) of a 100,000-entry playlist
// served over loopback, then warm cached GETs. Sources answer empty scoreboards, so matching runs its whole
// chain without finding events; on embedded Postgres unless DATABASE_URL is set.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { request } from 'undici';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { createDatabase } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { insertProvider } from '../src/db/providers.js';
import { buildServices } from '../src/services/compose.js';
import { generatePlaylist } from './generate-playlist.js';
import { answerNoEvents } from './no-events.js';

const ENTRIES = 100_000;
const root = resolve(import.meta.dirname, '..');

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close(): void }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

export async function runGuideBench(): Promise<void> {
  const playlist = generatePlaylist(ENTRIES);
  const etag = `"${createHash('sha1').update(playlist).digest('hex').slice(0, 16)}"`;
  const upstream = await listen((req, res) => {
    if (req.url?.startsWith('/playlist')) {
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      return res.writeHead(200, { etag, 'content-type': 'audio/x-mpegurl' }).end(playlist);
    }
    // ESPN scoreboards and TheSportsDB lists, empty.
    answerNoEvents(req, res);
  });

  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', memory: true });
  await runMigrations(database, resolve(root, 'db/migrations'));
  const config = loadConfig({
    CONFIG_DIR: resolve(root, 'config'),
    PLAYLIST_DIR: resolve(root, 'config/playlists'),
    ESPN_BASE_URL: upstream.url,
    THESPORTSDB_BASE_URL: upstream.url,
  });
  const services = buildServices({
    database,
    config,
    now: () => new Date(),
    logger: pino({ level: 'warn' }),
  });
  await services.seed();
  await database.db.deleteFrom('guides').execute();
  const slug = `bench-${Date.now().toString(36)}`;
  await insertProvider(database.db, {
    slug,
    name: 'Bench',
    playlist_url: `${upstream.url}/playlist.m3u`,
    timezone: 'America/New_York',
  });
  const app = await buildApp({
    database,
    adminToken: 'bench-admin-token-123',
    logger: false,
    isAllowedPlaylistUrl: () => true,
    config,
    now: () => new Date(),
    guides: services.guides,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  // undici's request leaves the body as sent (gzip), as a player that accepts gzip receives it.
  const getGzip = async () => {
    const res = await request(`${base}/epg/${slug}.xml`, { headers: { 'accept-encoding': 'gzip' } });
    return {
      status: res.statusCode,
      etag: String(res.headers.etag ?? ''),
      body: Buffer.from(await res.body.arrayBuffer()),
    };
  };
  const t0 = performance.now();
  const cold = await getGzip();
  const coldMs = performance.now() - t0;
  const report = (await (
    await fetch(`${base}/api/providers/${slug}/matches`, {
      headers: { authorization: 'Bearer bench-admin-token-123' },
    })
  ).json()) as { channels: { status: string }[] };
  if (!Array.isArray(report.channels))
    throw new Error(`report: ${JSON.stringify(report).slice(0, 300)}; guide ${cold.status}`);
  const kinds: Record<string, number> = {};
  for (const c of report.channels) kinds[c.status] = (kinds[c.status] ?? 0) + 1;

  const WARM = 50;
  const t1 = performance.now();
  for (let i = 0; i < WARM; i++) await getGzip();
  const warmMs = (performance.now() - t1) / WARM;
  const t2 = performance.now();
  const r304 = await request(`${base}/epg/${slug}.xml`, { headers: { 'if-none-match': cold.etag } });
  await r304.body.dump();
  const notModifiedMs = performance.now() - t2;

  console.log(
    `\n== guide generation: ${ENTRIES.toLocaleString()}-entry playlist (${(playlist.length / 1e6).toFixed(1)} MB) ==`,
  );
  console.log(`live channels ${report.channels.length}, by status ${JSON.stringify(kinds)}`);
  console.log(
    `cold GET /epg (fetch+parse+understand+match+schedule+write+gzip): ${coldMs.toFixed(0)} ms, ${(cold.body.length / 1e6).toFixed(2)} MB gzip`,
  );
  console.log(`warm cached GET (gzip), mean of ${WARM}: ${warmMs.toFixed(2)} ms`);
  console.log(`conditional GET -> ${r304.statusCode}: ${notModifiedMs.toFixed(2)} ms`);
  console.log(`peak RSS of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  await app.close();
  // What the generation left to store (last good guide, report) is written before the database closes.
  await services.guides.idle();
  await database.close();
  upstream.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runGuideBench();
