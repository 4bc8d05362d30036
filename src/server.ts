// The only process entry: config -> logger -> database -> parts -> app -> listen, under graceful shutdown.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { loggerOptions } from './http/plugins/log-redaction.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/env.js';
import { loadDemoProvider } from './config/demo-provider.js';
import { createDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { listLeaguesInUse } from './db/matches.js';
import { insertProvider, providerSlugEverUsed } from './db/providers.js';
import { buildServices } from './services/compose.js';
import { isAllowedPlaylistUrl } from './sources/playlist.js';

const projectRoot = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = pino(loggerOptions(config.LOG_LEVEL));
  const version = (
    JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;

  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const migrations = await runMigrations(database, resolve(projectRoot, 'db/migrations'));
  logger.info({ database: database.kind, applied: migrations.applied }, 'database ready');

  let adminToken = config.ADMIN_TOKEN;
  if (!adminToken) {
    adminToken = randomBytes(24).toString('base64url');
    logger.warn({ adminToken }, 'ADMIN_TOKEN is not set; generated one for this run');
  }

  const playlistDir = resolve(config.PLAYLIST_DIR);
  const now = () => new Date();
  const services = buildServices({ database, config, now, logger });
  await services.seed();
  // Admin changes made through other instances on the same database reach this one's caches.
  await services.changes.start();

  // First start: register the bundled demo provider so the guide works at once. Once registered (even if an
  // admin deleted it since), it is left alone.
  const demo = loadDemoProvider(resolve(config.CONFIG_DIR, 'demo-provider.yaml'));
  if (!(await providerSlugEverUsed(database.db, demo.slug))) {
    await insertProvider(database.db, {
      slug: demo.slug,
      name: demo.name,
      playlist_url: `file:${demo.playlist}`,
      timezone: demo.timezone,
    });
    logger.info({ provider: demo.slug }, 'registered the demo provider');
  }

  // One walk through the stages on a made-up playlist before listening: the first player's guide then runs on
  // compiled code, with the regexes and time-zone formatters already built.
  if (config.REHEARSAL_ENTRIES > 0) {
    const ms = await services.generator.rehearse(config.REHEARSAL_ENTRIES);
    logger.info({ entries: config.REHEARSAL_ENTRIES, ms: Math.round(ms) }, 'guide generator rehearsed');
  }

  const app = await buildApp({
    database,
    adminToken,
    logger,
    version,
    isAllowedPlaylistUrl: (url) => isAllowedPlaylistUrl(url, playlistDir),
    config,
    now,
    ...services,
  });
  const stopRefresh =
    config.EVENTS_REFRESH_INTERVAL_SECONDS > 0
      ? services.refresher.startBackground(config.EVENTS_REFRESH_INTERVAL_SECONDS * 1000, () =>
          listLeaguesInUse(database.db, now()),
        )
      : () => undefined;

  // Guides players asked for lately are made again before their TTL ends, so no player waits for one.
  const stopGuideRefresh = services.guides.startRefreshing(
    Math.min(15_000, (config.GUIDE_CACHE_TTL_SECONDS * 1000) / 10),
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // Bounded: a stuck request or pool must not keep the process alive past the timeout.
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    stopRefresh();
    stopGuideRefresh();
    // Players waiting for a generation are answered now, so closing the server does not wait for it.
    services.guides.close();
    // Connections that were busy when closing began go idle once answered: close them then, not after the
    // keep-alive timeout.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    closeIdle.unref();
    app
      .close()
      // What the last generations found is stored before the database closes.
      .then(() => services.guides.idle())
      .then(() => services.llm.idle())
      .then(() => services.sourceCalls.close())
      .then(() => services.changes.close())
      .then(() => database.close())
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(`guide of the demo provider: http://127.0.0.1:${port}/epg/${demo.slug}.xml`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `epgoat failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
