import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from './types.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface StoredGuide {
  etag: string;
  xmlGzip: Buffer;
  report: unknown;
  generatedAt: Date;
  /** The rewritten playlist's entries (no `#EXTM3U` line), gzipped, and its header's attributes. */
  playlist?: { gzip: Buffer; attrs: Record<string, string> };
}

const isGzip = (bytes: Buffer): boolean => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

export async function getLastGuide(db: Kysely<DB>, providerId: number): Promise<StoredGuide | undefined> {
  const row = await db
    .selectFrom('guides')
    .select(['etag', 'xml_gzip', 'report', 'generated_at', 'playlist_gzip', 'playlist_header'])
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  if (!row) return undefined;
  const report = Buffer.from(row.report);
  return {
    etag: row.etag,
    xmlGzip: Buffer.from(row.xml_gzip),
    // Reports stored before they were gzipped are plain JSON.
    report: JSON.parse((isGzip(report) ? await gunzipAsync(report) : report).toString('utf8')),
    generatedAt: row.generated_at,
    ...(row.playlist_gzip && {
      playlist: {
        gzip: Buffer.from(row.playlist_gzip),
        attrs: (row.playlist_header ?? {}) as Record<string, string>,
      },
    }),
  };
}

/** One row per provider; the report goes gzipped (in zlib's thread pool), the row is written once. */
export async function saveGuide(db: Kysely<DB>, providerId: number, guide: StoredGuide): Promise<void> {
  const report = await gzipAsync(JSON.stringify(guide.report), { level: 3 });
  await db
    .insertInto('guides')
    .values({
      provider_id: providerId,
      etag: guide.etag,
      xml_gzip: guide.xmlGzip,
      report,
      generated_at: guide.generatedAt,
      playlist_gzip: guide.playlist?.gzip ?? null,
      playlist_header: guide.playlist ? JSON.stringify(guide.playlist.attrs) : null,
    })
    .onConflict((oc) =>
      oc.column('provider_id').doUpdateSet((eb) => ({
        etag: eb.ref('excluded.etag'),
        xml_gzip: eb.ref('excluded.xml_gzip'),
        report: eb.ref('excluded.report'),
        generated_at: eb.ref('excluded.generated_at'),
        playlist_gzip: eb.ref('excluded.playlist_gzip'),
        playlist_header: eb.ref('excluded.playlist_header'),
      })),
    )
    .execute();
}

/** When each provider's last good guide was made, by provider id. */
export async function listGuideTimes(db: Kysely<DB>): Promise<Map<number, Date>> {
  const rows = await db.selectFrom('guides').select(['provider_id', 'generated_at']).execute();
  return new Map(rows.map((r) => [r.provider_id, r.generated_at]));
}

/** When a provider's last good guide was made, without reading it. */
export async function getGuideTime(db: Kysely<DB>, providerId: number): Promise<Date | undefined> {
  const row = await db
    .selectFrom('guides')
    .select('generated_at')
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return row?.generated_at;
}
