import type { Kysely, Selectable } from 'kysely';
import type { DB, EventFetches } from './types.js';

// `day` is the source's own bucket: an ESPN scoreboard day (US Eastern), a TheSportsDB date (UTC), or a
// non-date key such as `teams` for a league's team list.

export type EventFetchRow = Selectable<EventFetches>;

export function listEventFetches(
  db: Kysely<DB>,
  source: string,
  league: string,
  days: readonly string[],
): Promise<EventFetchRow[]> {
  if (days.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('event_fetches')
    .selectAll()
    .where('source', '=', source)
    .where('league', '=', league)
    .where('day', 'in', [...days])
    .execute();
}

/** Records (or re-stamps) fetched source-league-days; `fetchedAt` comes from the caller's clock. */
export async function recordEventFetches(
  db: Kysely<DB>,
  rows: readonly { source: string; league: string; day: string; eventCount: number }[],
  fetchedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('event_fetches')
    .values(
      rows.map((r) => ({
        source: r.source,
        league: r.league,
        day: r.day,
        event_count: r.eventCount,
        fetched_at: fetchedAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['source', 'league', 'day']).doUpdateSet((eb) => ({
        fetched_at: eb.ref('excluded.fetched_at'),
        event_count: eb.ref('excluded.event_count'),
      })),
    )
    .execute();
}
