import type { Kysely } from 'kysely';
import type { DB } from './types.js';

export interface StoredGuide {
  etag: string;
  xmlGzip: Buffer;
  report: unknown;
  generatedAt: Date;
}

export async function getLastGuide(db: Kysely<DB>, providerId: number): Promise<StoredGuide | undefined> {
  const row = await db
    .selectFrom('guides')
    .select(['etag', 'xml_gzip', 'report', 'generated_at'])
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    etag: row.etag,
    xmlGzip: Buffer.from(row.xml_gzip),
    report: row.report,
    generatedAt: row.generated_at,
  };
}

export async function saveGuide(db: Kysely<DB>, providerId: number, guide: StoredGuide): Promise<void> {
  const values = {
    etag: guide.etag,
    xml_gzip: guide.xmlGzip,
    report: JSON.stringify(guide.report),
    generated_at: guide.generatedAt,
  };
  await db
    .insertInto('guides')
    .values({ provider_id: providerId, ...values })
    .onConflict((oc) => oc.column('provider_id').doUpdateSet(values))
    .execute();
}
