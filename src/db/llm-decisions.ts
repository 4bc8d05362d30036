import type { Kysely, Selectable } from 'kysely';
import type { DB, LlmDecisions } from './types.js';

export type LlmDecisionRow = Selectable<LlmDecisions>;
export type DecisionOutcome = 'chosen' | 'none' | 'invalid';
export type DecisionReview = 'pending' | 'accepted' | 'rejected';

export interface LlmDecisionRecord {
  hash: string;
  providerId: number | null;
  channel: string;
  model: string;
  /** The question exactly as asked: the channel and its candidates. */
  question: unknown;
  /** The model's answer as read (the verdict), with what it taught. */
  answer: unknown;
  outcome: DecisionOutcome;
  eventId: number | null;
  confidence: number | null;
  /** This decision's share of its call's tokens and dollars. */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  callId: number | null;
}

/** Stores decisions; a question already decided (by another instance) keeps its first decision. Ids by hash. */
export async function insertDecisions(
  db: Kysely<DB>,
  records: readonly LlmDecisionRecord[],
): Promise<Map<string, number>> {
  if (records.length === 0) return new Map();
  await db
    .insertInto('llm_decisions')
    .values(
      records.map((r) => ({
        prompt_hash: r.hash,
        provider_id: r.providerId,
        channel: r.channel,
        model: r.model,
        question: JSON.stringify(r.question),
        answer: JSON.stringify(r.answer),
        outcome: r.outcome,
        event_id: r.eventId,
        confidence: r.confidence,
        input_tokens: r.inputTokens,
        output_tokens: r.outputTokens,
        cost_usd: r.costUsd.toFixed(6),
        latency_ms: r.latencyMs,
        call_id: r.callId,
      })),
    )
    .onConflict((oc) => oc.column('prompt_hash').doNothing())
    .execute();
  const rows = await db
    .selectFrom('llm_decisions')
    .select(['id', 'prompt_hash'])
    .where(
      'prompt_hash',
      'in',
      records.map((r) => r.hash),
    )
    .execute();
  return new Map(rows.map((r) => [r.prompt_hash, r.id]));
}

/** Stored decisions of these questions, by hash. */
export async function findDecisions(
  db: Kysely<DB>,
  hashes: readonly string[],
): Promise<Map<string, LlmDecisionRow>> {
  if (hashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('llm_decisions')
    .selectAll()
    .where('prompt_hash', 'in', [...new Set(hashes)])
    .execute();
  return new Map(rows.map((r) => [r.prompt_hash, r]));
}

export interface ListedDecision extends LlmDecisionRow {
  provider_slug: string | null;
  event_title: string | null;
}

/** Decisions newest first, optionally of one review state, with the asking provider and the chosen event. */
export function listDecisions(
  db: Kysely<DB>,
  filter: { review?: DecisionReview; limit: number; beforeId?: number },
): Promise<ListedDecision[]> {
  let q = db
    .selectFrom('llm_decisions as d')
    .leftJoin('providers as p', 'p.id', 'd.provider_id')
    .leftJoin('events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select(['p.slug as provider_slug', 'e.title as event_title']);
  if (filter.review) q = q.where('d.review', '=', filter.review);
  if (filter.beforeId !== undefined) q = q.where('d.id', '<', filter.beforeId);
  return q.orderBy('d.id', 'desc').limit(filter.limit).execute();
}

export function getDecision(db: Kysely<DB>, id: number): Promise<LlmDecisionRow | undefined> {
  return db.selectFrom('llm_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setDecisionReview(db: Kysely<DB>, id: number, review: DecisionReview): Promise<void> {
  await db
    .updateTable('llm_decisions')
    .set({ review, reviewed_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The latest decision about each of these channel names. */
export async function findDecisionsByChannel(
  db: Kysely<DB>,
  channels: readonly string[],
): Promise<Map<string, LlmDecisionRow>> {
  if (channels.length === 0) return new Map();
  const rows = await db
    .selectFrom('llm_decisions')
    .selectAll()
    .where('channel', 'in', [...new Set(channels)])
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.channel, r]));
}

/** True when any decision is stored. */
export async function anyDecision(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('llm_decisions').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
