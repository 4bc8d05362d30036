import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createTestDatabase, migrationsDir } from '../support/test-database.js';

describe('migrations', () => {
  it('applies every file once, in order, and records each', async () => {
    const t = await createTestDatabase({ migrate: false });
    const first = await runMigrations(t.database, migrationsDir);
    expect(first.applied.length).toBe(first.total);
    expect(first.applied).toEqual([...first.applied].sort());
    const second = await runMigrations(t.database, migrationsDir);
    expect(second.applied).toEqual([]);
    const recorded = await t.database.db.selectFrom('schema_migrations').select('name').execute();
    expect(recorded.map((r) => r.name)).toEqual(first.applied);
    await t.drop();
  });

  it('lets two instances start together without applying a file twice', async () => {
    const t = await createTestDatabase({ migrate: false });
    // A second pool on the same database stands in for a second instance.
    const other = t.url ? await createDatabase({ databaseUrl: t.url, dataDir: '' }) : t.database;
    const [a, b] = await Promise.all([
      runMigrations(t.database, migrationsDir),
      runMigrations(other, migrationsDir),
    ]);
    expect(a.applied.length + b.applied.length).toBe(a.total);
    expect(Math.min(a.applied.length, b.applied.length)).toBe(0);
    if (other !== t.database) await other.close();
    await t.drop();
  });

  it('rolls back a failing file whole and applies nothing after it', async () => {
    const t = await createTestDatabase({ migrate: false });
    const dir = mkdtempSync(join(tmpdir(), 'epgoat-migrations-'));
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE ok_table (id int);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE half (id int); SELECT * FROM missing_table;');
    writeFileSync(join(dir, '003_later.sql'), 'CREATE TABLE later (id int);');
    await expect(runMigrations(t.database, dir)).rejects.toThrow(/missing_table/);
    const tables = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('ok_table', 'half', 'later')`.execute(
      t.database.db,
    );
    expect(tables.rows[0]?.n).toBe(0);
    await t.drop();
  });
});
