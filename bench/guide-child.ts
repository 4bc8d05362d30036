// One service process for the serving benchmark: builds the app as server.ts does (pino at info, to stdout),
// prints a JSON line with its guide's URL once it listens, and serves until killed; the parent makes the first
// (cold) request. With `--init`, it only creates and migrates the embedded database in --data, as a first start
// does once.
//   node --import tsx bench/guide-child.ts --share 0.019 [--db pglite|postgres] [--data DIR] [--init]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { createDatabase } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { insertProvider } from '../src/db/providers.js';
import { buildServices } from '../src/services/build-services.js';
import { generatePlaylist } from './generate-playlist.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const share = Number(args.get('share') ?? 0.15);
const onPostgres = args.get('db') === 'postgres';
const root = resolve(import.meta.dirname, '..');

const playlist = generatePlaylist(100_000, 20261125, share);
const upstream = createServer((req, res) => {
  if (req.url?.startsWith('/playlist')) return res.writeHead(200).end(playlist);
  // ESPN scoreboards and TheSportsDB lists, empty: matching runs its whole chain and finds nothing.
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(req.url?.includes('/api/v1/') ? '{"events":null}' : '{"events":[]}');
});
await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

const config = loadConfig({
  CONFIG_DIR: resolve(root, 'config'),
  PLAYLIST_DIR: resolve(root, 'config/playlists'),
  ESPN_BASE_URL: upstreamUrl,
  THESPORTSDB_BASE_URL: upstreamUrl,
  ...(onPostgres && process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
});
const database = await createDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: args.get('data') ?? mkdtempSync(join(tmpdir(), 'epgoat-bench-')),
});
await runMigrations(database, resolve(root, 'db/migrations'));
if (args.has('init')) {
  await database.close();
  process.stderr.write(`${JSON.stringify({ ready: true, url: '' })}\n`);
  process.exit(0);
}
const logger = pino({ level: 'info' });
const services = buildServices({ database, config, now: () => new Date(), logger });
await services.seed();
const slug = `bench-${Date.now().toString(36)}`;
await insertProvider(database.db, {
  slug,
  name: 'Bench',
  playlist_url: `${upstreamUrl}/playlist.m3u`,
  timezone: 'America/New_York',
});
const app = await buildApp({
  database,
  adminToken: 'bench-admin-token-123',
  logger,
  isAllowedPlaylistUrl: () => true,
  config,
  now: () => new Date(),
  ...services,
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });

// Asked over IPC once the parent has fetched the guide (cold, from its own process, as a player would): the
// generation's figures, after everything it left to store is stored, with this process's peak RSS.
process.on('message', (message) => {
  if (message !== 'stats') return;
  void (async () => {
    const guide = await services.guides.getGuide(slug);
    await services.guides.idle();
    process.send?.({
      channels: guide.report.channels.filter((c) => c.channelId !== null).length,
      xmlBytes: guide.generation?.xmlBytes ?? 0,
      timings: guide.generation?.timings,
      rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    });
  })();
});
process.stderr.write(`${JSON.stringify({ ready: true, url: `${base}/epg/${slug}.xml` })}\n`);
