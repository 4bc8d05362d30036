import { sql, type Kysely } from 'kysely';
import type { DB } from './types.js';

/** Adds requests made to a source on a UTC day (YYYY-MM-DD). */
export async function addSourceCalls(
  db: Kysely<DB>,
  day: string,
  source: string,
  calls: number,
): Promise<void> {
  if (calls <= 0) return;
  await db
    .insertInto('source_calls')
    .values({ day, source, calls })
    .onConflict((oc) =>
      oc.columns(['day', 'source']).doUpdateSet({ calls: sql`source_calls.calls + excluded.calls` }),
    )
    .execute();
}

/** Requests per day and source for UTC days in [fromDay, toDay]. */
export function listSourceCalls(
  db: Kysely<DB>,
  fromDay: string,
  toDay: string,
): Promise<{ day: string; source: string; calls: number }[]> {
  return db
    .selectFrom('source_calls')
    .select(['day', 'source', 'calls'])
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .orderBy('source')
    .execute();
}
