import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppConfig, AppDeps } from '../../src/app.js';
import { buildApp } from '../../src/app.js';
import type { ServiceConfig, Services } from '../../src/services/compose.js';
import { buildServices } from '../../src/services/compose.js';
import { isAllowedPlaylistUrl } from '../../src/sources/playlist.js';
import type { TestDatabase } from './test-database.js';
import { createTestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const CONFIG_DIR = resolve(import.meta.dirname, '../../config');

export interface TestApp {
  app: FastifyInstance;
  url: string;
  testDb: TestDatabase;
  playlistDir: string;
  services: Services;
  auth: { Authorization: string };
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: () => Date;
  config?: Partial<ServiceConfig & AppConfig>;
  deps?: Partial<AppDeps>;
  /** Runs on this database (a restart of an app on it) and leaves it for its owner to drop. */
  testDb?: TestDatabase;
  /** Where the app and its services log (nowhere without it). */
  logger?: Logger;
}

/** The configuration tests build services and apps with; `over` replaces any of it. */
export function testConfig(over: Partial<ServiceConfig & AppConfig> = {}): ServiceConfig & AppConfig {
  return {
    CONFIG_DIR,
    PLAYLIST_DIR: CONFIG_DIR,
    PLAYLIST_MAX_BYTES: 50 * 1024 * 1024,
    PLAYLIST_TIMEOUT_SECONDS: 20,
    PLAYLIST_MAX_ENTRIES: 200_000,
    GUIDE_CACHE_TTL_SECONDS: 300,
    DEFAULT_TIMEZONE: 'America/New_York',
    PUBLIC_BASE_URL: undefined,
    // Nothing listens here: a test that needs the sources passes the URL of its loopback fake.
    ESPN_BASE_URL: 'http://127.0.0.1:9',
    THESPORTSDB_BASE_URL: 'http://127.0.0.1:9',
    THESPORTSDB_API_KEY: '123',
    MATCH_CONFIDENCE_THRESHOLD: 0.7,
    // The LLM step is off unless a test gives a key and the URL of its loopback Messages API.
    ANTHROPIC_API_KEY: undefined,
    ANTHROPIC_BASE_URL: undefined,
    LLM_MODEL: 'claude-haiku-4-5',
    LLM_DAILY_BUDGET_USD: 1,
    LLM_TIMEOUT_MS: 5_000,
    LLM_WAIT_MS: 5_000,
    ...over,
  };
}

/** The real app and services on a real (scratch) database, listening on a loopback port. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const testDb = opts.testDb ?? (await createTestDatabase());
  const playlistDir = mkdtempSync(join(tmpdir(), 'epgoat-playlists-'));
  const now = opts.now ?? (() => new Date());
  const config = testConfig({ PLAYLIST_DIR: playlistDir, ...opts.config });
  const services = buildServices({
    database: testDb.database,
    now,
    config,
    ...(opts.logger && { logger: opts.logger }),
  });
  await services.seed();
  await services.changes.start();
  const app = await buildApp({
    database: testDb.database,
    adminToken: ADMIN_TOKEN,
    logger: opts.logger ?? false,
    isAllowedPlaylistUrl: (u) => isAllowedPlaylistUrl(u, playlistDir),
    config,
    now,
    ...services,
    ...opts.deps,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    testDb,
    playlistDir,
    services,
    auth: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    async close() {
      await app.close();
      await services.guides.idle();
      await services.llm.idle();
      await services.sourceCalls.close();
      await services.changes.close();
      if (!opts.testDb) await testDb.drop();
    },
  };
}
