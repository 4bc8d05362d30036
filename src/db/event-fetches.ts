import DataLoader from 'dataloader';
import type { Kysely, Selectable } from 'kysely';
import type { DB, EventFetches } from './types.js';

// `day` is the source's own bucket: an ESPN scoreboard day (US Eastern), a TheSportsDB date (UTC), or a
// non-date key such as `teams` for a league's team list.

export type EventFetchRow = Selectable<EventFetches>;

/** One insert of fetched source-league-days, each with its own stamp (no two of the same day). */
async function writeFetches(
  db: Kysely<DB>,
  stamped: readonly { row: { source: string; league: string; day: string; eventCount: number }; at: Date }[],
): Promise<void> {
  if (stamped.length === 0) return;
  await db
    .insertInto('event_fetches')
    .values(
      stamped.map(({ row, at }) => ({
        source: row.source,
        league: row.league,
        day: row.day,
        event_count: row.eventCount,
        fetched_at: at,
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

interface FetchLogQuery {
  source: string;
  league: string;
  days: readonly string[];
}

interface FetchLogRecord {
  rows: readonly { source: string; league: string; day: string; eventCount: number }[];
  fetchedAt: Date;
}

/**
 * The fetch log as a generation's many leagues use it at once: the look-ups made in one tick go as one query, and
 * the records made in one turn of the event loop (answers that arrived together) as one insert, each newest
 * first where two stamp the same source-league-day.
 */
export function createFetchLog(db: Kysely<DB>) {
  const lookups = new DataLoader<FetchLogQuery, EventFetchRow[]>(
    async (queries) => {
      const days = [...new Set(queries.flatMap((q) => q.days))];
      const rows =
        days.length === 0
          ? []
          : await db
              .selectFrom('event_fetches')
              .selectAll()
              .where('source', 'in', [...new Set(queries.map((q) => q.source))])
              .where('league', 'in', [...new Set(queries.map((q) => q.league))])
              .where('day', 'in', days)
              .execute();
      return queries.map((q) =>
        rows.filter((r) => r.source === q.source && r.league === q.league && q.days.includes(r.day)),
      );
    },
    { cache: false },
  );
  const records = new DataLoader<FetchLogRecord, void>(
    async (batch) => {
      const newest = new Map<string, { row: FetchLogRecord['rows'][number]; at: Date }>();
      for (const { rows, fetchedAt } of batch) {
        for (const row of rows) {
          const key = `${row.source}|${row.league}|${row.day}`;
          const seen = newest.get(key);
          if (!seen || seen.at <= fetchedAt) newest.set(key, { row, at: fetchedAt });
        }
      }
      await writeFetches(db, [...newest.values()]);
      return batch.map(() => undefined);
    },
    { cache: false, batchScheduleFn: (run) => setImmediate(run) },
  );
  return {
    list: (source: string, league: string, days: readonly string[]): Promise<EventFetchRow[]> =>
      days.length === 0 ? Promise.resolve([]) : lookups.load({ source, league, days }),
    record: (rows: FetchLogRecord['rows'], fetchedAt: Date): Promise<void> =>
      rows.length === 0 ? Promise.resolve() : records.load({ rows, fetchedAt }),
  };
}

export type FetchLog = ReturnType<typeof createFetchLog>;
