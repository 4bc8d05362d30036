import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { jsonPieces } from '../domain/json-pieces.js';
import type { DB } from './types.js';

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

/** The most bytes one row of guide_parts holds (migration 008). */
export const GUIDE_PART_BYTES = 256 * 1024;
type PartKind = 'xml' | 'report' | 'playlist';

export async function getLastGuide(db: Kysely<DB>, providerId: number): Promise<StoredGuide | undefined> {
  // One statement, so one snapshot: the row and its parts are of the same guide while another instance stores.
  const rows = await db
    .selectFrom('guides')
    .innerJoin('guide_parts', 'guide_parts.provider_id', 'guides.provider_id')
    .select(['etag', 'generated_at', 'playlist_header', 'kind', 'bytes'])
    .where('guides.provider_id', '=', providerId)
    .orderBy('kind')
    .orderBy('part')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const bytesOf = (kind: PartKind): Buffer | undefined => {
    const parts = rows.filter((r) => r.kind === kind).map((r) => Buffer.from(r.bytes));
    return parts.length > 0 ? Buffer.concat(parts) : undefined;
  };
  const xmlGzip = bytesOf('xml');
  const report = bytesOf('report');
  if (!xmlGzip || !report) return undefined;
  const playlist = bytesOf('playlist');
  return {
    etag: first.etag,
    xmlGzip,
    // Reports stored before they were gzipped are plain JSON.
    report: JSON.parse((isGzip(report) ? await gunzipAsync(report) : report).toString('utf8')),
    generatedAt: first.generated_at,
    ...(playlist && {
      playlist: { gzip: playlist, attrs: (first.playlist_header ?? {}) as Record<string, string> },
    }),
  };
}

/** The report as gzipped JSON, written to zlib piece by piece rather than as one string of its whole text. */
async function gzipJson(value: unknown): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(jsonPieces(value)),
    createGzip({ level: 3 }),
    async (gz: AsyncIterable<Buffer>) => {
      for await (const b of gz) out.push(b);
    },
  );
  return Buffer.concat(out);
}

function partsOf(providerId: number, kind: PartKind, bytes: Buffer) {
  const parts = [];
  for (let at = 0, part = 0; at < bytes.length || part === 0; at += GUIDE_PART_BYTES, part++)
    parts.push({ provider_id: providerId, kind, part, bytes: bytes.subarray(at, at + GUIDE_PART_BYTES) });
  return parts;
}

/**
 * One guide row per provider and its bytes in parts (the report gzipped in zlib's thread pool), replaced in one
 * transaction, a part per statement.
 */
export async function saveGuide(db: Kysely<DB>, providerId: number, guide: StoredGuide): Promise<void> {
  const parts = [
    ...partsOf(providerId, 'xml', guide.xmlGzip),
    ...partsOf(providerId, 'report', await gzipJson(guide.report)),
    ...(guide.playlist ? partsOf(providerId, 'playlist', guide.playlist.gzip) : []),
  ];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('guides')
      .values({
        provider_id: providerId,
        etag: guide.etag,
        generated_at: guide.generatedAt,
        playlist_header: guide.playlist ? JSON.stringify(guide.playlist.attrs) : null,
      })
      .onConflict((oc) =>
        oc.column('provider_id').doUpdateSet((eb) => ({
          etag: eb.ref('excluded.etag'),
          generated_at: eb.ref('excluded.generated_at'),
          playlist_header: eb.ref('excluded.playlist_header'),
        })),
      )
      .execute();
    await trx.deleteFrom('guide_parts').where('provider_id', '=', providerId).execute();
    for (const part of parts) await trx.insertInto('guide_parts').values(part).execute();
  });
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
