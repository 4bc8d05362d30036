import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { GUIDE_PART_BYTES, getLastGuide, saveGuide } from '../../src/db/guides.js';
import { runMigrations } from '../../src/db/migrate.js';
import { insertProvider } from '../../src/db/providers.js';
import { createTestDatabase, migrationsDir, type TestDatabase } from '../support/test-database.js';

const report = { provider: 'acme', channels: [{ name: 'NBA 01: Lakers @ Celtics', status: 'matched' }] };

/** The provider whose guide a test stores. */
function acme(t: TestDatabase) {
  return insertProvider(t.database.db, {
    slug: 'acme',
    name: 'Acme',
    playlist_url: 'http://127.0.0.1:1/p.m3u',
    timezone: 'UTC',
  });
}

describe('the last good guide in the database', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('stores one row per provider, its report gzipped, and reads back what was stored last', async () => {
    t = await createTestDatabase();
    const provider = await acme(t);
    const first = { etag: 'W/"a"', xmlGzip: Buffer.from([1, 2, 3]), report, generatedAt: new Date(1e12) };
    await saveGuide(t.database.db, provider!.id, first);
    const second = { ...first, etag: 'W/"b"', xmlGzip: Buffer.from([0, 255, 7, 8]), report: { n: 2 } };
    await saveGuide(t.database.db, provider!.id, second);

    expect(await getLastGuide(t.database.db, provider!.id)).toEqual(second);
    expect(await t.database.db.selectFrom('guides').selectAll().execute()).toHaveLength(1);
    const stored = await t.database.db
      .selectFrom('guide_parts')
      .select('bytes')
      .where('kind', '=', 'report')
      .execute();
    expect(stored).toHaveLength(1);
    expect(JSON.parse(gunzipSync(stored[0]!.bytes).toString('utf8'))).toEqual({ n: 2 });
  });

  it('stores a guide bigger than a part in parts of at most 256 KiB and reads back the same bytes', async () => {
    t = await createTestDatabase();
    const provider = await acme(t);
    const channels = Array.from({ length: 2_000 }, (_, i) => ({ name: `NBA ${i}: A vs B`, n: i }));
    const guide = {
      etag: 'W/"big"',
      xmlGzip: randomBytes(2 * GUIDE_PART_BYTES + 17),
      report: { provider: 'acme', channels },
      generatedAt: new Date(2e12),
      playlist: { gzip: randomBytes(GUIDE_PART_BYTES), attrs: { 'url-tvg': 'http://x/epg.xml' } },
    };
    await saveGuide(t.database.db, provider!.id, guide);
    // Stored again, its parts replace the ones before rather than adding to them.
    await saveGuide(t.database.db, provider!.id, guide);

    const parts = await t.database.db
      .selectFrom('guide_parts')
      .select(['kind', 'part', sql<number>`length(bytes)`.as('size')])
      .orderBy('kind')
      .orderBy('part')
      .execute();
    expect(parts.filter((p) => p.kind === 'xml').map((p) => p.size)).toEqual([
      GUIDE_PART_BYTES,
      GUIDE_PART_BYTES,
      17,
    ]);
    expect(parts.filter((p) => p.kind === 'playlist')).toHaveLength(1);
    const read = await getLastGuide(t.database.db, provider!.id);
    // Compared as bytes: an element-by-element deep equality of megabytes takes seconds.
    expect(read?.xmlGzip.equals(guide.xmlGzip)).toBe(true);
    expect(read?.playlist?.gzip.equals(guide.playlist.gzip)).toBe(true);
    expect({ ...read, xmlGzip: null, playlist: { ...read?.playlist, gzip: null } }).toEqual({
      ...guide,
      xmlGzip: null,
      playlist: { ...guide.playlist, gzip: null },
    });

    // A smaller guide after it leaves no part of the bigger one behind.
    await saveGuide(t.database.db, provider!.id, {
      ...guide,
      xmlGzip: Buffer.from([9]),
      playlist: undefined,
    });
    const last = await getLastGuide(t.database.db, provider!.id);
    expect(last?.xmlGzip).toEqual(Buffer.from([9]));
    expect(last?.playlist).toBeUndefined();
    expect(await t.database.db.selectFrom('guide_parts').select('kind').execute()).toHaveLength(2);
  });

  it('moves a guide stored whole in its row, with its playlist, into parts', async () => {
    t = await createTestDatabase({ migrate: false });
    const before = mkdtempSync(join(tmpdir(), 'epgoat-migrations-'));
    for (const f of readdirSync(migrationsDir).filter((f) => f < '008'))
      copyFileSync(join(migrationsDir, f), join(before, f));
    await runMigrations(t.database, before);
    const provider = await acme(t);
    const playlist = gzipSync('#EXTINF:-1,NBA 01\nhttp://x/1\n');
    await sql`INSERT INTO guides (provider_id, etag, xml_gzip, report, generated_at, playlist_gzip, playlist_header)
      VALUES (${provider!.id}, 'W/"old"', '\\x0102', ${gzipSync(JSON.stringify(report))}, now(), ${playlist},
        '{"x-tvg-url":"u"}')`.execute(t.database.db);

    await runMigrations(t.database, migrationsDir);
    const last = await getLastGuide(t.database.db, provider!.id);
    expect(last?.report).toEqual(report);
    expect(last?.xmlGzip).toEqual(Buffer.from([1, 2]));
    expect(last?.playlist).toEqual({ gzip: playlist, attrs: { 'x-tvg-url': 'u' } });
  });

  it('keeps the report of a guide stored before reports were gzipped', async () => {
    t = await createTestDatabase({ migrate: false });
    const first = mkdtempSync(join(tmpdir(), 'epgoat-migrations-'));
    copyFileSync(join(migrationsDir, '001_init.sql'), join(first, '001_init.sql'));
    await runMigrations(t.database, first);
    const provider = await acme(t);
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
