// How the LLM step's decisions are written to and read from the decisions table.
import type { LlmDecisionRecord, LlmDecisionRow } from '../../db/llm-decisions.js';
import type { PlannedQuestion, Verdict } from '../../domain/llm/index.js';

/** A verdict as stored, with its share of the call that answered it. */
export function decisionRecord(
  p: PlannedQuestion,
  verdict: Verdict,
  providerId: number | null,
  call: { callId: number; model: string; costUsd: number; latencyMs: number },
  tokens: { input: number; output: number },
): LlmDecisionRecord {
  return {
    ...call,
    hash: p.hash,
    providerId,
    channel: p.question.channel,
    question: p.question,
    answer: verdict,
    outcome: verdict.kind,
    eventId: verdict.kind === 'chosen' ? Number(verdict.eventId) : null,
    confidence: verdict.kind === 'invalid' ? null : verdict.confidence,
    inputTokens: tokens.input,
    outputTokens: tokens.output,
  };
}

export function verdictOf(row: LlmDecisionRow): Verdict {
  return row.answer as unknown as Verdict;
}
