import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { insertProvider } from '../../src/db/providers.js';
import { compileAdminRegex } from '../../src/domain/admin-regex.js';
import { compileFamilies, recogniseListed } from '../../src/domain/channel-name/families.js';
import { proposedPattern } from '../../src/domain/channel-name/pattern-check.js';
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

  it('rewrites the slot patterns stored with a lookahead into ones the linear-time engine runs, reading the same slots', async () => {
    const t = await createTestDatabase({ migrate: false });
    const before = mkdtempSync(join(tmpdir(), 'epgoat-migrations-'));
    for (const f of readdirSync(migrationsDir).filter((f) => f < '009')) {
      copyFileSync(join(migrationsDir, f), join(before, f));
    }
    await runMigrations(t.database, before);
    const { db } = t.database;
    const provider = await insertProvider(db, {
      slug: 'old',
      name: 'Old',
      playlist_url: 'http://127.0.0.1:9/p.m3u',
      timezone: 'America/New_York',
    });
    const stored = [
      '^.*?\\b(?<family>Zeta\\s+Sports)\\s*[:|•-]?\\s*(?<slot>\\d{1,3})(?!\\d)\\s*[:|•-]?\\s*(?<payload>.*)$',
      '^ZETA TV\\s*(?<slot>\\d{1,3})(?![\\p{L}\\p{N}/.])\\s*(?:[:|-]\\s*)?(?<payload>.*)$',
      '^ZETA (?<slot>\\d+) - (?<payload>.*)$',
    ];
    await db
      .insertInto('provider_patterns')
      .values(stored.map((pattern, i) => ({ provider_id: provider!.id, family: `F${i}`, pattern })))
      .execute();
    expect((await runMigrations(t.database, migrationsDir)).applied).toContain(
      '009_linear_time_patterns.sql',
    );
    const patterns = (await db.selectFrom('provider_patterns').select('pattern').orderBy('id').execute()).map(
      (r) => r.pattern,
    );
    expect(patterns[0]).toBe(proposedPattern('Zeta Sports'));
    expect(patterns[1]).toBe('^ZETA TV\\s*(?<slot>\\d{1,3})(?<payload>(?:[^\\p{L}\\p{N}/.].*)?)$');
    expect(patterns[2]).toBe(stored[2]);
    expect(patterns.map((p) => compileAdminRegex(p).problem)).toEqual([null, null, null]);
    const read = (pattern: string, name: string) =>
      recogniseListed(name, compileFamilies([{ family: 'Z', pattern, priority: 1 }], []));
    expect(read(patterns[0]!, 'Zeta Sports 01: 76ers vs Nets')).toMatchObject({
      slot: 1,
      payload: '76ers vs Nets',
    });
    expect(read(patterns[0]!, 'Zeta Sports 0123')).toBeNull();
    expect(read(patterns[1]!, 'ZETA TV 07 | Lakers @ Celtics')).toMatchObject({
      slot: 7,
      payload: 'Lakers @ Celtics',
    });
    expect(read(patterns[1]!, 'ZETA TV 24/7')).toBeNull();
    await t.drop();
  });
});
