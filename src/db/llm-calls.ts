import { sql, type Kysely } from 'kysely';
import type { DB } from './types.js';

export interface LlmCallRecord {
  model: string;
  channels: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  attempts: number;
  outcome: 'answered' | 'failed';
  error: string | null;
  /** When the call was made, by the service's clock (the budget day and the cost report read it). */
  at: Date;
}

export async function insertLlmCall(db: Kysely<DB>, call: LlmCallRecord): Promise<number> {
  const row = await db
    .insertInto('llm_calls')
    .values({
      model: call.model,
      channels: call.channels,
      input_tokens: call.inputTokens,
      output_tokens: call.outputTokens,
      cost_usd: call.costUsd.toFixed(6),
      latency_ms: call.latencyMs,
      attempts: call.attempts,
      outcome: call.outcome,
      error: call.error,
      created_at: call.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Dollars spent on calls made at or after `since`. */
export async function llmSpentSince(db: Kysely<DB>, since: Date): Promise<number> {
  const row = await db
    .selectFrom('llm_calls')
    .select(sql<string>`coalesce(sum(cost_usd), 0)::text`.as('usd'))
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.usd);
}

export interface LlmDay {
  day: string;
  calls: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
  usd: number;
}

/** Per UTC day in [fromDay, toDay]: calls, failed calls, tokens and dollars. */
export async function llmCostsByDay(db: Kysely<DB>, fromDay: string, toDay: string): Promise<LlmDay[]> {
  const day = sql<string>`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom('llm_calls')
    .select([
      day.as('day'),
      sql<string>`count(*)::text`.as('calls'),
      sql<string>`count(*) FILTER (WHERE outcome = 'failed')::text`.as('failed'),
      sql<string>`sum(input_tokens)::text`.as('input_tokens'),
      sql<string>`sum(output_tokens)::text`.as('output_tokens'),
      sql<string>`sum(cost_usd)::text`.as('usd'),
    ])
    .where('created_at', '>=', sql<Date>`${fromDay}::date AT TIME ZONE 'UTC'`)
    .where('created_at', '<', sql<Date>`(${toDay}::date + 1) AT TIME ZONE 'UTC'`)
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows.map((r) => ({
    day: r.day,
    calls: Number(r.calls),
    failed: Number(r.failed),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    usd: Number(r.usd),
  }));
}
