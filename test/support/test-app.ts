import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../../src/app.js';
import { buildApp } from '../../src/app.js';
import { isAllowedPlaylistUrl } from '../../src/sources/playlist.js';
import type { TestDatabase } from './test-database.js';
import { createTestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: FastifyInstance;
  url: string;
  testDb: TestDatabase;
  playlistDir: string;
  auth: { Authorization: string };
  close(): Promise<void>;
}

/** The real app on a real (scratch) database, listening on a loopback port. */
export async function startTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const playlistDir = mkdtempSync(join(tmpdir(), 'epgoat-playlists-'));
  const app = await buildApp({
    database: testDb.database,
    adminToken: ADMIN_TOKEN,
    logger: false,
    isAllowedPlaylistUrl: (u) => isAllowedPlaylistUrl(u, playlistDir),
    ...overrides,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    testDb,
    playlistDir,
    auth: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
