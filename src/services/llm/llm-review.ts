// An admin's review of the LLM's decisions: accepting one lets the aliases it taught serve matching for every
// provider; rejecting one takes back its aliases and the matches it made, and it is never reused.
import type { Kysely } from 'kysely';
import {
  getDecision,
  listDecisions,
  setDecisionReview,
  type DecisionReview,
  type ListedDecision,
} from '../../db/llm-decisions.js';
import { deleteDecisionMatches } from '../../db/matches.js';
import { confirmDecisionAliases, deleteDecisionAliases, listDecisionAliases } from '../../db/teams.js';
import type { DB } from '../../db/types.js';
import type { Verdict } from '../../domain/llm/index.js';
import { NotFoundError } from '../../errors.js';

export interface ReviewedDecision {
  id: number;
  createdAt: string;
  model: string;
  provider: string | null;
  channel: string;
  question: unknown;
  answer: Verdict;
  event: { id: string; title: string } | null;
  taught: { team: string; alias: string; pending: boolean }[];
  tokens: { input: number; output: number };
  costUsd: number;
  latencyMs: number;
  review: DecisionReview;
  reviewedAt: string | null;
}

function shapeOf(row: ListedDecision, taught: ReviewedDecision['taught']): ReviewedDecision {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    model: row.model,
    provider: row.provider_slug,
    channel: row.channel,
    question: row.question,
    answer: row.answer as unknown as Verdict,
    event:
      row.event_id !== null && row.event_title !== null
        ? { id: String(row.event_id), title: row.event_title }
        : null,
    taught,
    tokens: { input: row.input_tokens, output: row.output_tokens },
    costUsd: Number(row.cost_usd),
    latencyMs: row.latency_ms,
    review: row.review as DecisionReview,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
  };
}

export function createLlmReview(deps: {
  db: Kysely<DB>;
  /** Drops what this process remembers of a rejected decision's answers. */
  forget: (decisionId: number) => void;
}) {
  const { db } = deps;
  return {
    async list(filter: {
      review?: DecisionReview;
      limit: number;
      beforeId?: number;
    }): Promise<ReviewedDecision[]> {
      const rows = await listDecisions(db, filter);
      const taught = await listDecisionAliases(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => shapeOf(r, taught.get(r.id) ?? []));
    },

    async review(
      id: number,
      decision: 'accept' | 'reject',
    ): Promise<{ id: number; review: DecisionReview; aliases: number; matchesRemoved: number }> {
      const out = await db.transaction().execute(async (trx) => {
        const row = await getDecision(trx, id);
        if (!row) throw new NotFoundError(`no LLM decision ${id}`);
        const review: DecisionReview = decision === 'accept' ? 'accepted' : 'rejected';
        await setDecisionReview(trx, id, review);
        if (review === 'accepted')
          return { id, review, aliases: await confirmDecisionAliases(trx, id), matchesRemoved: 0 };
        return {
          id,
          review,
          aliases: await deleteDecisionAliases(trx, id),
          matchesRemoved: await deleteDecisionMatches(trx, id),
        };
      });
      if (out.review === 'rejected') deps.forget(id);
      return out;
    },
  };
}

export type LlmReview = ReturnType<typeof createLlmReview>;
