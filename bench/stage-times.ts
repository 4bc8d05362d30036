// One cold generation of the benchmark's 100,000-entry playlist, printing each stage's time.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config/env.js';
import { createDatabase } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { insertProvider } from '../src/db/providers.js';
import { buildServices } from '../src/services/compose.js';
import { toGuideProvider } from '../src/services/guides/guide-service.js';
import { generatePlaylist } from './generate-playlist.js';
import { answerNoEvents } from './no-events.js';

const root = resolve(import.meta.dirname, '..');
const playlist = generatePlaylist(Number(process.env.ENTRIES ?? 100_000));
const server = createServer((req, res) => {
  if (req.url?.startsWith('/playlist')) return res.writeHead(200).end(playlist);
  answerNoEvents(req, res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', memory: true });
await runMigrations(database, resolve(root, 'db/migrations'));
const config = loadConfig({
  CONFIG_DIR: resolve(root, 'config'),
  PLAYLIST_DIR: resolve(root, 'config/playlists'),
  ESPN_BASE_URL: url,
  THESPORTSDB_BASE_URL: url,
});
const services = buildServices({ database, config, now: () => new Date() });
await services.seed();
const row = await insertProvider(database.db, {
  slug: `st-${Date.now().toString(36)}`,
  name: 'x',
  playlist_url: `${url}/playlist.m3u`,
  timezone: 'America/New_York',
});
for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) {
  const t0 = performance.now();
  const g = await services.generator.generate(toGuideProvider(row!));
  console.log(
    `run ${i}: ${(performance.now() - t0).toFixed(0)} ms`,
    JSON.stringify(g.timings),
    `${g.report.channels.length} live`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await database.close();
server.close();
