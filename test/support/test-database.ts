import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Database, DatabaseOptions } from '../../src/db/database.js';
import { createDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';

export const migrationsDir = resolve(import.meta.dirname, '../../db/migrations');

/** The real Postgres to test against, when one is configured; otherwise tests use embedded PGlite. */
export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * PGlite's initdb takes seconds; a migrated data directory is dumped once per migration set (shared by test
 * files through the temp dir) and every embedded test database starts from it.
 */
async function pgliteSnapshot(): Promise<Blob> {
  const hash = createHash('sha1');
  for (const f of readdirSync(migrationsDir).sort())
    hash.update(f).update(readFileSync(join(migrationsDir, f)));
  const file = join(tmpdir(), `epgoat-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const fresh = await createDatabase({ dataDir: '', memory: true });
    await runMigrations(fresh, migrationsDir);
    const dump = await fresh.dumpSnapshot!();
    await fresh.close();
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  database: Database;
  /** Connection URL of the scratch database (real Postgres only). */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: a scratch database on the configured Postgres server (dropped afterwards), or
 * an in-memory PGlite when no server is configured.
 */
export async function createTestDatabase(
  opts: { migrate?: boolean; onQuery?: DatabaseOptions['onQuery'] } = {},
): Promise<TestDatabase> {
  const log = opts.onQuery ? { onQuery: opts.onQuery } : {};
  const base = serverUrl();
  let database: Database;
  let url: string | undefined;
  let dropServerDb = (): Promise<void> => Promise.resolve();
  if (base) {
    const name = `epgoat_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = withDatabase(base, name);
    database = await createDatabase({ databaseUrl: url, dataDir: '', ...log });
    dropServerDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else if (opts.migrate === false) {
    database = await createDatabase({ dataDir: '', memory: true, ...log });
  } else {
    database = await createDatabase({ dataDir: '', memory: true, snapshot: await pgliteSnapshot(), ...log });
  }
  if (opts.migrate !== false) await runMigrations(database, migrationsDir);
  return {
    database,
    url,
    async drop() {
      await database.close();
      await dropServerDb();
    },
  };
}
