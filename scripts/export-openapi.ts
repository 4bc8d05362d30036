// Writes openapi/openapi.json from the route schemas; with --check, fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { createDatabase } from '../src/db/database.js';
import { buildServices } from '../src/services/compose.js';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'openapi/openapi.json');
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string })
  .version;

// The document comes from schemas alone; the database is never queried.
const database = await createDatabase({ dataDir: '', memory: true });
const config = loadConfig({
  CONFIG_DIR: resolve(root, 'config'),
  PLAYLIST_DIR: resolve(root, 'config/playlists'),
});
const services = buildServices({ database, config, now: () => new Date(0) });
const app = await buildApp({
  ...services,
  config,
  now: () => new Date(0),
  database,
  adminToken: 'export-only-token',
  logger: false,
  isAllowedPlaylistUrl: () => true,
  version,
});
await app.ready();
const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing file counts as drift
  }
  if (committed !== text) {
    console.error('openapi/openapi.json is out of date: run `npm run openapi:export` and commit the result.');
    process.exit(1);
  }
  console.log('openapi/openapi.json is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
