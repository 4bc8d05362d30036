import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { DB } from './types.js';

export interface MatchRecord {
  providerId: number;
  fingerprint: string;
  day: string;
  eventId: number;
  handler: string;
  confidence: number;
  why: string;
  payload: string;
  /** The LLM decision the match came from, so that rejecting the decision takes the match back. */
  llmDecisionId?: number | null;
}

// Postgres takes at most 65,535 bind parameters a statement: big generations read in slices.
const SLICE = 1000;
/**
 * Writes go in smaller slices with a turn of the event loop between them: the embedded database runs on this
 * thread, and a slice of a few hundred rows holds it for a few milliseconds, not a tenth of a second.
 */
const WRITE_SLICE = 250;

/** One row per key, the last one winning: an upsert may not touch the same row twice in one statement. */
function lastPerKey<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [key(t), t])).values()];
}

function slices<T>(items: readonly T[], size = SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes each slice in turn, letting the event loop answer between them. */
async function writeInSlices<T>(items: readonly T[], write: (slice: T[]) => Promise<void>): Promise<void> {
  for (const [i, slice] of slices(items, WRITE_SLICE).entries()) {
    if (i > 0) await setImmediate();
    await write(slice);
  }
}

export async function upsertMatches(db: Kysely<DB>, records: readonly MatchRecord[]): Promise<void> {
  const unique = lastPerKey(records, (r) => `${r.providerId}|${r.fingerprint}|${r.day}`);
  await writeInSlices(unique, (slice) => upsertMatchSlice(db, slice));
}

async function upsertMatchSlice(db: Kysely<DB>, records: readonly MatchRecord[]): Promise<void> {
  await db
    .insertInto('matches')
    .values(
      records.map((r) => ({
        provider_id: r.providerId,
        fingerprint: r.fingerprint,
        day: r.day,
        event_id: r.eventId,
        handler: r.handler,
        confidence: r.confidence,
        why: r.why,
        payload: r.payload,
        llm_decision_id: r.llmDecisionId ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['provider_id', 'fingerprint', 'day']).doUpdateSet((eb) => ({
        event_id: eb.ref('excluded.event_id'),
        handler: eb.ref('excluded.handler'),
        confidence: eb.ref('excluded.confidence'),
        why: eb.ref('excluded.why'),
        payload: eb.ref('excluded.payload'),
        llm_decision_id: eb.ref('excluded.llm_decision_id'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

/** Confirmed matches of other providers for any of these normalized payloads on these days, best first. */
export async function listMatchesByPayloads(
  db: Kysely<DB>,
  query: {
    payloads: readonly string[];
    days: readonly string[];
    excludeProviderId: number;
    minConfidence: number;
  },
) {
  const rows = [];
  for (const slice of slices(query.payloads)) {
    rows.push(
      ...(await db
        .selectFrom('matches')
        .select(['payload', 'day', 'event_id', 'confidence', 'provider_id', 'handler'])
        .where('payload', 'in', slice)
        .where('day', 'in', [...query.days])
        .where('provider_id', '<>', query.excludeProviderId)
        .where('confidence', '>=', query.minConfidence)
        .orderBy('confidence', 'desc')
        .execute()),
    );
  }
  return rows;
}

export interface UnmatchedRecord {
  providerId: number;
  fingerprint: string;
  day: string;
  name: string;
  parsed: unknown;
  bestCandidate: unknown;
  reason: string;
  /** The channel's id in the guide, which a pin names. */
  channelId: string;
  /** The best candidates, with why each was refused. */
  candidates: readonly unknown[];
  /** Leagues searched; empty for any. */
  leagues: readonly string[];
}

export async function upsertUnmatched(db: Kysely<DB>, records: readonly UnmatchedRecord[]): Promise<void> {
  const unique = lastPerKey(records, (r) => `${r.providerId}|${r.fingerprint}|${r.day}`);
  await writeInSlices(unique, (slice) => upsertUnmatchedSlice(db, slice));
}

async function upsertUnmatchedSlice(db: Kysely<DB>, records: readonly UnmatchedRecord[]): Promise<void> {
  await db
    .insertInto('unmatched_channels')
    .values(
      records.map((r) => ({
        provider_id: r.providerId,
        fingerprint: r.fingerprint,
        day: r.day,
        name: r.name,
        parsed: JSON.stringify(r.parsed),
        best_candidate: r.bestCandidate === undefined ? null : JSON.stringify(r.bestCandidate),
        reason: r.reason,
        channel_id: r.channelId,
        candidates: JSON.stringify(r.candidates),
        leagues: JSON.stringify(r.leagues),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['provider_id', 'fingerprint', 'day']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        parsed: eb.ref('excluded.parsed'),
        best_candidate: eb.ref('excluded.best_candidate'),
        reason: eb.ref('excluded.reason'),
        channel_id: eb.ref('excluded.channel_id'),
        candidates: eb.ref('excluded.candidates'),
        leagues: eb.ref('excluded.leagues'),
        seen_at: sql`now()`,
      })),
    )
    .execute();
}

/** Clears a provider's unmatched rows for channels that match now. */
export async function deleteUnmatched(
  db: Kysely<DB>,
  providerId: number,
  fingerprints: readonly string[],
): Promise<void> {
  await writeInSlices(fingerprints, async (slice) => {
    await db
      .deleteFrom('unmatched_channels')
      .where('provider_id', '=', providerId)
      .where('fingerprint', 'in', slice)
      .execute();
  });
}

/** Leagues of the events matched in the last two days: what the background refresh keeps fresh. */
export async function listLeaguesInUse(db: Kysely<DB>, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('matches')
    .innerJoin('events', 'events.id', 'matches.event_id')
    .select('events.league')
    .distinct()
    .where('matches.day', '>=', since)
    .execute();
  return rows.map((r) => r.league);
}

/** Takes back the matches an LLM decision made; returns how many. */
export async function deleteDecisionMatches(db: Kysely<DB>, decisionId: number): Promise<number> {
  const result = await db.deleteFrom('matches').where('llm_decision_id', '=', decisionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface UnmatchedView {
  id: number;
  providerId: number;
  providerSlug: string;
  /** The provider's zone, which its days are read in. */
  providerTimezone: string;
  channelId: string | null;
  day: string;
  name: string;
  parsed: unknown;
  candidates: unknown;
  leagues: unknown;
  reason: string;
  seenAt: Date;
}

/** Channels left unmatched and seen within `withinMs` of the database's clock, newest first. */
export async function listRecentUnmatched(
  db: Kysely<DB>,
  filter: { providerId?: number; withinMs: number; limit: number },
): Promise<UnmatchedView[]> {
  let q = db
    .selectFrom('unmatched_channels as u')
    .innerJoin('providers as p', 'p.id', 'u.provider_id')
    .select([
      'u.id',
      'u.provider_id',
      'p.slug',
      'p.timezone',
      'u.channel_id',
      'u.day',
      'u.name',
      'u.parsed',
      'u.candidates',
      'u.leagues',
      'u.reason',
      'u.seen_at',
    ])
    .where('u.seen_at', '>', sql<Date>`now() - make_interval(secs => ${filter.withinMs / 1000})`)
    .where('p.deleted_at', 'is', null);
  if (filter.providerId !== undefined) q = q.where('u.provider_id', '=', filter.providerId);
  const rows = await q.orderBy('u.seen_at', 'desc').orderBy('u.id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    providerSlug: r.slug,
    providerTimezone: r.timezone,
    channelId: r.channel_id,
    day: r.day,
    name: r.name,
    parsed: r.parsed,
    candidates: r.candidates,
    leagues: r.leagues,
    reason: r.reason,
    seenAt: r.seen_at,
  }));
}

export async function getUnmatched(db: Kysely<DB>, id: number) {
  return db.selectFrom('unmatched_channels').selectAll().where('id', '=', id).executeTakeFirst();
}
