// One service process for the serving benchmark: builds the app as server.ts does (pino at info, to stdout),
// prints a JSON line with its guide's URL once it listens, and serves until killed; the parent makes the first
// (cold) request. With `--init`, it only creates and migrates the embedded database in --data, as a first start
// does once.
//   node dist/.bench/bench/guide-child.js --root DIR --upstream URL --share 0.019 [--db pglite|postgres]
//     [--data DIR] [--init] [--rehearse N] [--slug SLUG]
// GUIDE_CPU_PROFILE=FILE profiles the first generation (startProfile below).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { createDatabase } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { getProvider, insertProvider } from '../src/db/providers.js';
import { buildServices } from '../src/services/compose.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const share = Number(args.get('share') ?? 0.15);
const onPostgres = args.get('db') === 'postgres';
// The project's root (config, migrations): given by the benchmark, which runs this compiled from dist/.bench.
const root = args.get('root') ?? resolve(import.meta.dirname, '..');

// The provider's playlist and the sports APIs are served by the benchmark's own process, as they would be from
// elsewhere: their bytes and their serving are no part of this process's time or memory.
const upstreamUrl = args.get('upstream') ?? '';
const config = loadConfig({
  CONFIG_DIR: resolve(root, 'config'),
  PLAYLIST_DIR: resolve(root, 'config/playlists'),
  ESPN_BASE_URL: upstreamUrl,
  THESPORTSDB_BASE_URL: upstreamUrl,
  // Playlist limits a benchmark may raise (a whole 200 MB playlist read to its end); unset, the defaults hold.
  PLAYLIST_MAX_BYTES: process.env.PLAYLIST_MAX_BYTES,
  PLAYLIST_TIMEOUT_SECONDS: process.env.PLAYLIST_TIMEOUT_SECONDS,
  PLAYLIST_MAX_ENTRIES: process.env.PLAYLIST_MAX_ENTRIES,
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
// `--slug`: instances started one after another on one database serve the same provider.
const slug = args.get('slug') ?? `bench-${Date.now().toString(36)}`;
if (!(await getProvider(database.db, slug))) {
  await insertProvider(database.db, {
    slug,
    name: 'Bench',
    playlist_url: `${upstreamUrl}/playlist/${share}.m3u`,
    timezone: 'America/New_York',
  });
}
await services.changes.start();
// As server.ts does before it listens.
const rehearsal = Number(args.get('rehearse') ?? config.REHEARSAL_ENTRIES);
const rehearsalMs = rehearsal > 0 ? await services.generator.rehearse(rehearsal) : 0;
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
const profile = process.env.GUIDE_CPU_PROFILE ? await startProfile(process.env.GUIDE_CPU_PROFILE) : null;

// Asked over IPC once the parent has fetched the guide (cold, from its own process, as a player would): the
// generation's figures, after everything it left to store is stored, with this process's peak RSS. 'rss' asks
// for the peak RSS alone (MB), for when the guide failed and asking for it again would read the playlist again.
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
  if (message !== 'stats') return;
  void (async () => {
    const guide = await services.guides.getGuide(slug);
    await profile?.save();
    await services.guides.idle();
    process.send?.({
      channels: guide.report.channels.filter((c) => c.channelId !== null).length,
      xmlBytes: guide.generation?.xmlBytes ?? 0,
      timings: guide.generation?.timings,
      rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      rehearsalMs: Math.round(rehearsalMs),
    });
  })();
});
process.stderr.write(`${JSON.stringify({ ready: true, url: `${base}/epg/${slug}.xml` })}\n`);

/**
 * GUIDE_CPU_PROFILE=FILE: a CPU profile (200 µs samples) of this process from listening to the answered first
 * guide, written to FILE (open it in Chrome's DevTools); each benchmark run's process writes over the last.
 */
async function startProfile(file: string): Promise<{ save(): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async save() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
