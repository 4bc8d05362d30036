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
}

export async function upsertMatches(db: Kysely<DB>, records: readonly MatchRecord[]): Promise<void> {
  if (records.length === 0) return;
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
      })),
    )
    .onConflict((oc) =>
      oc.columns(['provider_id', 'fingerprint', 'day']).doUpdateSet((eb) => ({
        event_id: eb.ref('excluded.event_id'),
        handler: eb.ref('excluded.handler'),
        confidence: eb.ref('excluded.confidence'),
        why: eb.ref('excluded.why'),
        payload: eb.ref('excluded.payload'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

/** Confirmed matches of other providers for the same normalized payload on the same day, best first. */
export function listMatchesByPayload(
  db: Kysely<DB>,
  query: { payload: string; day: string; excludeProviderId: number; minConfidence: number },
) {
  return db
    .selectFrom('matches')
    .select(['event_id', 'confidence', 'provider_id', 'handler'])
    .where('payload', '=', query.payload)
    .where('day', '=', query.day)
    .where('provider_id', '<>', query.excludeProviderId)
    .where('confidence', '>=', query.minConfidence)
    .orderBy('confidence', 'desc')
    .limit(10)
    .execute();
}

export interface UnmatchedRecord {
  providerId: number;
  fingerprint: string;
  day: string;
  name: string;
  parsed: unknown;
  bestCandidate: unknown;
  reason: string;
}

export async function upsertUnmatched(db: Kysely<DB>, records: readonly UnmatchedRecord[]): Promise<void> {
  if (records.length === 0) return;
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
      })),
    )
    .onConflict((oc) =>
      oc.columns(['provider_id', 'fingerprint', 'day']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        parsed: eb.ref('excluded.parsed'),
        best_candidate: eb.ref('excluded.best_candidate'),
        reason: eb.ref('excluded.reason'),
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
  if (fingerprints.length === 0) return;
  await db
    .deleteFrom('unmatched_channels')
    .where('provider_id', '=', providerId)
    .where('fingerprint', 'in', [...fingerprints])
    .execute();
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
