import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.js';

/** Advisory lock key shared by every instance that migrates this database. */
const MIGRATION_LOCK = 72_410_001;

export interface MigrationResult {
  applied: string[];
  total: number;
}

/**
 * Applies the forward-only SQL files of `dir` (`NNN_name.sql`) in name order, each once, recorded in
 * `schema_migrations`. All of it runs in one transaction under an advisory lock, so instances starting
 * together apply each file exactly once and a failed file leaves nothing half-done.
 */
export async function runMigrations(database: Database, dir: string): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort();
  return database.withLockedScript(MIGRATION_LOCK, async (exec) => {
    await exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await exec('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((r) => String(r.name)));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await exec(readFileSync(join(dir, file), 'utf8'));
      await exec(`INSERT INTO schema_migrations (name) VALUES ('${file.replace(/'/g, "''")}')`);
      applied.push(file);
    }
    return { applied, total: files.length };
  });
}
