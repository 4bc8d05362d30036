import { afterEach, describe, expect, it } from 'vitest';
import { createFetchLog } from '../../src/db/event-fetches.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('the fetch log as a generation uses it', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  async function withQueries() {
    const sqls: string[] = [];
    t = await createTestDatabase({ onQuery: (sql) => sqls.push(sql) });
    sqls.length = 0;
    return { log: createFetchLog(t.database.db), sqls };
  }

  it('answers the look-ups of one tick with one query, each with its own source, league and days', async () => {
    const { log, sqls } = await withQueries();
    const at = new Date('2026-12-01T12:00:00Z');
    await log.record(
      [
        { source: 'espn', league: 'NBA', day: '20261201', eventCount: 9 },
        { source: 'espn', league: 'NHL', day: '20261201', eventCount: 4 },
        { source: 'thesportsdb', league: 'NBA', day: '2026-12-01', eventCount: 8 },
        { source: 'espn', league: 'NBA', day: '20261202', eventCount: 3 },
      ],
      at,
    );
    sqls.length = 0;

    const [nba, nhl, tsdb, none] = await Promise.all([
      log.list('espn', 'NBA', ['20261201']),
      log.list('espn', 'NHL', ['20261201', '20261202']),
      log.list('thesportsdb', 'NBA', ['2026-12-01', 'teams']),
      log.list('espn', 'EPL', ['20261201']),
    ]);
    expect(nba.map((r) => [r.league, r.day, r.event_count])).toEqual([['NBA', '20261201', 9]]);
    expect(nhl.map((r) => [r.league, r.day])).toEqual([['NHL', '20261201']]);
    expect(tsdb.map((r) => [r.source, r.day])).toEqual([['thesportsdb', '2026-12-01']]);
    expect(none).toEqual([]);
    expect(sqls.filter((s) => s.startsWith('select'))).toHaveLength(1);
  });

  it('writes the records made together as one insert, the newest stamp winning a day stamped twice', async () => {
    const { log, sqls } = await withQueries();
    const early = new Date('2026-12-01T10:00:00Z');
    const late = new Date('2026-12-01T11:00:00Z');
    await Promise.all([
      log.record([{ source: 'espn', league: 'NBA', day: '20261201', eventCount: 1 }], late),
      log.record([{ source: 'espn', league: 'NBA', day: '20261201', eventCount: 7 }], early),
      log.record([{ source: 'espn', league: 'NHL', day: '20261201', eventCount: 2 }], early),
    ]);
    expect(sqls.filter((s) => s.startsWith('insert'))).toHaveLength(1);
    const rows = await t!.database.db
      .selectFrom('event_fetches')
      .select(['league', 'event_count', 'fetched_at'])
      .orderBy('league')
      .execute();
    expect(rows).toEqual([
      { league: 'NBA', event_count: 1, fetched_at: late },
      { league: 'NHL', event_count: 2, fetched_at: early },
    ]);
  });
});
