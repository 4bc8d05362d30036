// gzip levels on the 16,160-channel guide's XML: time and size, to choose the level guides are written at.
import { gunzipSync, gzipSync } from 'node:zlib';
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

export async function runGzipLevels(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const playlist = generatePlaylist(100_000);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/playlist')) return res.writeHead(200).end(playlist);
    answerNoEvents(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const database = await createDatabase({ dataDir: '', memory: true });
  await runMigrations(database, resolve(root, 'db/migrations'));
  const config = loadConfig({
    CONFIG_DIR: resolve(root, 'config'),
    ESPN_BASE_URL: url,
    THESPORTSDB_BASE_URL: url,
  });
  const services = buildServices({ database, config, now: () => new Date() });
  await services.seed();
  const row = await insertProvider(database.db, {
    slug: 'gz',
    name: 'gz',
    playlist_url: `${url}/playlist.m3u`,
    timezone: 'America/New_York',
  });
  const xml = gunzipSync((await services.generator.generate(toGuideProvider(row!))).xmlGzip);
  console.log(`\n== gzip levels on a ${(xml.length / 1e6).toFixed(1)} MB guide (16,160 channels) ==`);
  console.log('| level | time | size | ratio |');
  console.log('| --- | --- | --- | --- |');
  for (const level of [1, 3, 4, 5, 6, 9]) {
    gzipSync(xml.subarray(0, 1e6), { level });
    const t0 = performance.now();
    const gz = gzipSync(xml, { level });
    const ms = performance.now() - t0;
    console.log(
      `| ${level} | ${ms.toFixed(0)} ms | ${(gz.length / 1e6).toFixed(2)} MB | ${(xml.length / gz.length).toFixed(1)} |`,
    );
  }
  await database.close();
  server.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runGzipLevels();
