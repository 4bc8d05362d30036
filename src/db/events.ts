import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { EventPart, SportEvent } from '../domain/types.js';
import { normalizeTeamName, personAliases } from '../domain/matching/index.js';
import { listTeamAliases } from './teams.js';
import type { DB, Events } from './types.js';

export type EventRow = Selectable<Events>;

export interface StoredEvent {
  event: SportEvent;
  /** Normalised names the home team goes by (its live aliases, else its stored name). */
  homeAliases: string[];
  awayAliases: string[];
}

// First argument of the two-key advisory lock form: keeps these locks apart from single-key ones.
const EVENTS_LOCK_SPACE = 72_410;

function hash32(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Inside a transaction: waits for the per-league write lock, so two writers (instances, or ESPN and
 * TheSportsDB passes) never both decide that the same game is new.
 */
export async function lockLeagueEvents(trx: Kysely<DB>, league: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${EVENTS_LOCK_SPACE}::int, ${hash32(league)}::int)`.execute(trx);
}

/** Rows holding any of these ESPN or TheSportsDB ids. */
export function listEventsByExternalIds(
  db: Kysely<DB>,
  espnIds: readonly string[],
  tsdbIds: readonly string[],
): Promise<EventRow[]> {
  if (espnIds.length === 0 && tsdbIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(espnIds.length > 0 ? [eb('espn_id', 'in', [...espnIds])] : []),
        ...(tsdbIds.length > 0 ? [eb('thesportsdb_id', 'in', [...tsdbIds])] : []),
      ]),
    )
    .execute();
}

export async function insertEvent(db: Kysely<DB>, values: Insertable<Events>): Promise<EventRow> {
  return db.insertInto('events').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateEvent(db: Kysely<DB>, id: number, values: Updateable<Events>): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** How long a stored event may span at most: a part that runs longer is only found from its first day. */
export const MAX_EVENT_SPAN_MS = 2 * 24 * 3_600_000;

/**
 * Events on during [from, to): starting in it, or started before it and not yet over by their stored end (a golf
 * round, a card segment), optionally of some leagues, by start.
 */
export function listEventRows(
  db: Kysely<DB>,
  filter: { leagues?: readonly string[]; from: Date; to: Date },
): Promise<EventRow[]> {
  const earliest = new Date(filter.from.getTime() - MAX_EVENT_SPAN_MS);
  let q = db
    .selectFrom('events')
    .selectAll()
    .where('starts_at', '>=', earliest)
    .where('starts_at', '<', filter.to)
    .where((eb) => eb.or([eb('starts_at', '>=', filter.from), eb('ends_at', '>', filter.from)]));
  if (filter.leagues) {
    if (filter.leagues.length === 0) return Promise.resolve([]);
    q = q.where('league', 'in', [...filter.leagues]);
  }
  return q.orderBy('starts_at').orderBy('id').execute();
}

const PART_KINDS: ReadonlySet<string> = new Set(['round', 'match', 'session', 'segment']);

/** The stored part of an event, when it is one and well formed. */
function partOf(value: unknown): EventPart | null {
  if (!value || typeof value !== 'object') return null;
  const p = value as Record<string, unknown>;
  const text = (k: string) => (typeof p[k] === 'string' ? p[k] : null);
  const [kind, label, parentId, parentTitle] = [
    text('kind'),
    text('label'),
    text('parentId'),
    text('parentTitle'),
  ];
  if (!kind || !PART_KINDS.has(kind) || !label || !parentId || !parentTitle) return null;
  return { kind: kind as EventPart['kind'], label, parentId, parentTitle };
}

/** A stored row as the pure core sees it: `id` is the row id, `homeId`/`awayId` are stored team ids. */
export function toSportEvent(row: EventRow): SportEvent {
  const status = row.status === 'pre' || row.status === 'in' || row.status === 'post' ? row.status : null;
  return {
    id: String(row.id),
    league: row.league,
    sport: row.sport,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    part: partOf(row.part),
    status,
    statusDetail: row.status_detail,
    venue: row.venue,
    home: row.home_name,
    away: row.away_name,
    homeId: row.home_team_id === null ? null : String(row.home_team_id),
    awayId: row.away_team_id === null ? null : String(row.away_team_id),
    image: row.image,
    externalIds: {
      ...(row.espn_id !== null && { espn: row.espn_id }),
      ...(row.thesportsdb_id !== null && { thesportsdb: row.thesportsdb_id }),
    },
  };
}

function aliasesOf(teamId: number | null, name: string | null, byTeam: Map<number, string[]>): string[] {
  const list = teamId === null ? [] : (byTeam.get(teamId) ?? []);
  const own = name ? normalizeTeamName(name) : '';
  return own !== '' && !list.includes(own) ? [own, ...list] : list;
}

async function withAliases(db: Kysely<DB>, rows: EventRow[]): Promise<StoredEvent[]> {
  const teamIds = rows.flatMap((r) => [r.home_team_id, r.away_team_id]).filter((id) => id !== null);
  const byTeam = await listTeamAliases(db, teamIds);
  return rows.map((r) => {
    // The sides of a match or a card segment are athletes, written by surname as often as in full.
    const event = toSportEvent(r);
    const kind = event.part?.kind;
    const athletes = kind === 'match' || kind === 'segment';
    const sideAliases = (id: number | null, name: string | null) =>
      athletes && name ? personAliases(name) : aliasesOf(id, name, byTeam);
    return {
      event,
      homeAliases: sideAliases(r.home_team_id, r.home_name),
      awayAliases: sideAliases(r.away_team_id, r.away_name),
    };
  });
}

/** The stored events of some leagues starting in [fromUtc, toUtc), each with both teams' aliases. */
export async function listEventsForLeagues(
  db: Kysely<DB>,
  leagueKeys: readonly string[],
  fromUtc: Date,
  toUtc: Date,
): Promise<StoredEvent[]> {
  return withAliases(db, await listEventRows(db, { leagues: leagueKeys, from: fromUtc, to: toUtc }));
}

/** Stored events by row id (ids not found are left out), each with both teams' aliases. */
export async function listStoredEventsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<StoredEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return withAliases(db, rows);
}

export async function getEventRow(db: Kysely<DB>, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}
