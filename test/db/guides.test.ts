import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { getLastGuide, saveGuide } from '../../src/db/guides.js';
import { runMigrations } from '../../src/db/migrate.js';
import { insertProvider } from '../../src/db/providers.js';
import { createTestDatabase, migrationsDir, type TestDatabase } from '../support/test-database.js';

const report = { provider: 'acme', channels: [{ name: 'NBA 01: Lakers @ Celtics', status: 'matched' }] };

describe('the last good guide in the database', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('stores one row per provider, its report gzipped, and reads back what was stored last', async () => {
    t = await createTestDatabase();
    const provider = await insertProvider(t.database.db, {
      slug: 'acme',
      name: 'Acme',
      playlist_url: 'http://127.0.0.1:1/p.m3u',
      timezone: 'UTC',
    });
    const first = { etag: 'W/"a"', xmlGzip: Buffer.from([1, 2, 3]), report, generatedAt: new Date(1e12) };
    await saveGuide(t.database.db, provider!.id, first);
    const second = { ...first, etag: 'W/"b"', xmlGzip: Buffer.from([0, 255, 7, 8]), report: { n: 2 } };
    await saveGuide(t.database.db, provider!.id, second);

    expect(await getLastGuide(t.database.db, provider!.id)).toEqual(second);
    const row = await t.database.db.selectFrom('guides').select('report').execute();
    expect(row).toHaveLength(1);
    expect(JSON.parse(gunzipSync(row[0]!.report).toString('utf8'))).toEqual({ n: 2 });
  });

  it('keeps the report of a guide stored before reports were gzipped', async () => {
    t = await createTestDatabase({ migrate: false });
    const first = mkdtempSync(join(tmpdir(), 'epgoat-migrations-'));
    copyFileSync(join(migrationsDir, '001_init.sql'), join(first, '001_init.sql'));
    await runMigrations(t.database, first);
    const provider = await insertProvider(t.database.db, {
      slug: 'acme',
      name: 'Acme',
      playlist_url: 'http://127.0.0.1:1/p.m3u',
      timezone: 'UTC',
    });
    await sql`INSERT INTO guides (provider_id, etag, xml_gzip, report, generated_at)
      VALUES (${provider!.id}, 'W/"old"', '\\x0102', ${JSON.stringify(report)}::jsonb, now())`.execute(
      t.database.db,
    );

    await runMigrations(t.database, migrationsDir);
    const last = await getLastGuide(t.database.db, provider!.id);
    expect(last?.report).toEqual(report);
    expect(last?.xmlGzip).toEqual(Buffer.from([1, 2]));
  });
});
