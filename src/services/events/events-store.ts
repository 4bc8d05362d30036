import type { Kysely } from 'kysely';
import type { LeagueConfig } from '../../config/leagues.js';
import {
  insertEvent,
  listEventRows,
  listEventsByExternalIds,
  lockLeagueEvents,
  updateEvent,
  type EventRow,
} from '../../db/events.js';
import type { DB } from '../../db/types.js';
import { normalizeTeamName, teamAliases, type TeamRecord } from '../../domain/matching/index.js';
import type { SportEvent } from '../../domain/types.js';
import { loadTeamBook, type TeamBook, type TeamInput } from './team-book.js';

/** ESPN and TheSportsDB list the same game with starts this far apart at most. */
export const MERGE_WINDOW_MS = 15 * 60_000;

export type EventSource = 'espn' | 'thesportsdb';

export interface StoreCounts {
  inserted: number;
  /** Rows of this source that changed. */
  updated: number;
  /** Rows of this source that were already up to date (nothing written). */
  unchanged: number;
  /** Events attached to a row the other source had created. */
  merged: number;
}

type Outcome = keyof StoreCounts;

export function sourceOf(event: SportEvent): EventSource | null {
  if (event.externalIds.espn) return 'espn';
  return event.externalIds.thesportsdb ? 'thesportsdb' : null;
}

const STOP_WORDS = new Set(['vs', 'v', 'at', 'and', 'the']);

function titleTokens(title: string): Set<string> {
  return new Set(
    normalizeTeamName(title)
      .split(' ')
      .filter((w) => w !== '' && !STOP_WORDS.has(w)),
  );
}

/**
 * Titles of one card or race as two sources write them: every word of the shorter one in the longer one
 * (at least two words), or most words shared (Jaccard >= 0.6).
 */
export function sameEventTitle(a: string, b: string): boolean {
  const ta = titleTokens(a);
  const tb = titleTokens(b);
  let shared = 0;
  for (const w of ta) if (tb.has(w)) shared += 1;
  const smaller = Math.min(ta.size, tb.size);
  if (smaller >= 2 && shared === smaller) return true;
  const union = ta.size + tb.size - shared;
  return union > 0 && shared / union >= 0.6;
}

interface Side {
  teamId: number | null;
  name: string | null;
}

const idColumnOf = (source: EventSource) => (source === 'espn' ? 'espn_id' : 'thesportsdb_id');

/** The rows a batch can touch: those holding its external ids, and the league's rows around its starts. */
async function loadEventPool(db: Kysely<DB>, league: string, events: readonly SportEvent[]) {
  const ids = (source: EventSource) => events.flatMap((e) => e.externalIds[source] ?? []);
  const starts = events.map((e) => e.startsAt.getTime());
  const from = new Date(Math.min(...starts) - MERGE_WINDOW_MS);
  const to = new Date(Math.max(...starts) + MERGE_WINDOW_MS + 1);
  const pool = new Map<number, EventRow>();
  for (const r of await listEventsByExternalIds(db, ids('espn'), ids('thesportsdb'))) pool.set(r.id, r);
  for (const r of await listEventRows(db, { leagues: [league], from, to })) pool.set(r.id, r);
  return pool;
}

function findPartner(
  pool: Map<number, EventRow>,
  book: TeamBook,
  event: SportEvent,
  source: EventSource,
  home: Side,
  away: Side,
): EventRow | undefined {
  const start = event.startsAt.getTime();
  const gap = (r: EventRow) => Math.abs(r.starts_at.getTime() - start);
  const idColumn = idColumnOf(source);
  const other = [...pool.values()].filter(
    (r) => r.league === event.league && r[idColumn] === null && gap(r) <= MERGE_WINDOW_MS,
  );
  let matches: EventRow[];
  if (home.name && away.name) {
    const names = (id: number | null, name: string) => {
      const set = new Set(book.aliasesOf(id));
      set.add(normalizeTeamName(name));
      return set;
    };
    // Same order: both sources say which team is at home.
    const sideMatches = (ours: Side, id: number | null, name: string | null): boolean => {
      if (!name || !ours.name) return false;
      if (ours.teamId !== null && ours.teamId === id) return true;
      return (
        names(ours.teamId, ours.name).has(normalizeTeamName(name)) ||
        names(id, name).has(normalizeTeamName(ours.name))
      );
    };
    matches = other.filter(
      (r) => sideMatches(home, r.home_team_id, r.home_name) && sideMatches(away, r.away_team_id, r.away_name),
    );
  } else {
    matches = other.filter((r) => (!r.home_name || !r.away_name) && sameEventTitle(event.title, r.title));
  }
  return matches.sort((a, b) => gap(a) - gap(b))[0];
}

function valuesOf(event: SportEvent, sport: string, home: Side, away: Side) {
  return {
    league: event.league,
    sport,
    title: event.title,
    starts_at: event.startsAt,
    ends_at: event.endsAt ?? null,
    // Written as JSON text: pg sends a JS object to jsonb the same way, and text compares with what was stored.
    part: event.part ? JSON.stringify(event.part) : null,
    status: event.status,
    status_detail: event.statusDetail,
    venue: event.venue,
    home_team_id: home.teamId,
    away_team_id: away.teamId,
    home_name: event.home,
    away_name: event.away,
    image: event.image,
  };
}

type EventValues = ReturnType<typeof valuesOf>;

const sortedJson = (v: unknown) => JSON.stringify(v, Object.keys(v as object).sort());

const same = (a: unknown, b: unknown) => {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  // A part is written as JSON text and read back as an object, its keys in jsonb's order.
  if (typeof a === 'string' && b !== null && typeof b === 'object')
    return sortedJson(JSON.parse(a)) === sortedJson(b);
  return a === b;
};

/**
 * What to change on an existing row. ESPN, or a source writing a row no ESPN listing backs, `leads`: its
 * values replace the stored ones; otherwise it only fills gaps. Unknown (null) values never erase.
 */
function changesFor(row: EventRow, values: EventValues, leads: boolean): Partial<EventValues> {
  const set: Partial<Record<keyof EventValues, unknown>> = {};
  for (const k of Object.keys(values) as (keyof EventValues)[]) {
    const v = values[k];
    if (v === null || same(v, row[k])) continue;
    if (leads || row[k] === null) set[k] = v;
  }
  return set as Partial<EventValues>;
}

async function upsertEvent(
  db: Kysely<DB>,
  pool: Map<number, EventRow>,
  book: TeamBook,
  event: SportEvent,
  sport: string,
  home: Side,
  away: Side,
): Promise<Outcome> {
  const source = sourceOf(event)!;
  const idColumn = idColumnOf(source);
  const externalId = event.externalIds[source]!;
  const ids = source === 'espn' ? { espn_id: externalId } : { thesportsdb_id: externalId };
  const values = valuesOf(event, sport, home, away);
  const write = async (row: EventRow, set: Partial<EventRow>) => {
    if (Object.keys(set).length > 0) await updateEvent(db, row.id, set);
    pool.set(row.id, { ...row, ...set });
  };
  const own = [...pool.values()].find((r) => r[idColumn] === externalId);
  if (own) {
    const set = changesFor(own, values, source === 'espn' || own.espn_id === null);
    await write(own, set);
    return Object.keys(set).length > 0 ? 'updated' : 'unchanged';
  }
  const partner = findPartner(pool, book, event, source, home, away);
  if (partner) {
    const leads = source === 'espn' || partner.espn_id === null;
    await write(partner, { ...changesFor(partner, values, leads), ...ids });
    return 'merged';
  }
  const row = await insertEvent(db, { ...values, ...ids });
  pool.set(row.id, row);
  return 'inserted';
}

/**
 * Stores what one source said about one league: its teams (with aliases), then each event, merged into the
 * row the other source made for the same game (same league, same home and away teams, start within 15
 * minutes; cards and races without teams: the same title words). One transaction under the league's write
 * lock; reads the league's teams and nearby events once and writes only what changed. Events of other
 * leagues, or without an external id, are ignored.
 */
export async function storeSourceEvents(
  db: Kysely<DB>,
  league: LeagueConfig,
  events: readonly SportEvent[],
  teams: readonly TeamRecord[] = [],
): Promise<StoreCounts> {
  const counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0, merged: 0 };
  const mine = events.filter((e) => e.league === league.key && sourceOf(e) !== null);
  const records = new Map(
    teams.filter((t) => t.league === league.key).map((t) => [`${t.source}:${t.id}`, t as TeamInput]),
  );
  if (mine.length === 0 && records.size === 0) return counts;
  return db.transaction().execute(async (trx) => {
    await lockLeagueEvents(trx, league.key);
    const book = await loadTeamBook(trx, league.key);
    // One statement at a time on the transaction's connection, so each lookup sees the writes before it.
    const resolved = new Map<string, number>();
    for (const [key, record] of records) resolved.set(key, await book.upsert(record));

    const side = async (source: EventSource, id: string | null | undefined, name: string | null) => {
      if (!name) return { teamId: null, name: null };
      const key = id ? `${source}:${id}` : `${source}:name:${normalizeTeamName(name)}`;
      let teamId = resolved.get(key);
      if (teamId === undefined) {
        teamId = await book.upsert({
          source,
          id: id ?? null,
          league: league.key,
          name,
          shortName: null,
          abbreviation: null,
          location: null,
          logo: null,
          espnId: null,
          aliases: teamAliases({ displayName: name }),
        });
        resolved.set(key, teamId);
      }
      return { teamId, name };
    };

    if (mine.length === 0) return counts;
    const pool = await loadEventPool(trx, league.key, mine);
    for (const event of mine) {
      const source = sourceOf(event)!;
      const home = await side(source, event.homeId, event.home);
      const away = await side(source, event.awayId, event.away);
      counts[await upsertEvent(trx, pool, book, event, league.sport, home, away)] += 1;
    }
    return counts;
  });
}
