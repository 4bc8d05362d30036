// The chain's last step: the channels nothing else matched, put to an LLM in batches of 25, each with at most
// ten real candidates; every decision stored and reused (the same name with the same candidates is never asked
// twice, across restarts and providers), every call in a ledger that keeps the daily budget, and what an answer
// taught (a nickname for a team) kept as a pending alias until an admin reviews it.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { setTimeout as delay } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { insertLlmCall, llmSpentSince } from '../../db/llm-calls.js';
import {
  anyDecision,
  findDecisions,
  insertDecisions,
  type LlmDecisionRecord,
} from '../../db/llm-decisions.js';
import { insertPendingLlmAliases } from '../../db/teams.js';
import type { DB } from '../../db/types.js';
import { decisionRecord, verdictOf } from './decision-records.js';
import {
  aliasesWorthKeeping,
  budgetExceeded,
  emptyLlmSummary,
  batchQuestions,
  costUsd,
  estimateCallUsd,
  planQuestions,
  readAnswers,
  resultOfVerdict,
  roundUsd,
  type LlmAsk,
  type LlmResult,
  type LlmSummary,
  type ModelPrice,
  type PlannedQuestion,
  type Verdict,
} from '../../domain/llm/index.js';
import type { SportEvent } from '../../domain/types.js';
import type { LlmClient } from '../../sources/llm.js';

export type { LlmAsk, LlmChoice, LlmResult, LlmSummary } from '../../domain/llm/index.js';

export interface LlmStepDeps {
  db: Kysely<DB>;
  /** Null when no API key is configured: the step is off and says so. */
  client: LlmClient | null;
  model: string;
  price: ModelPrice;
  dailyBudgetUsd: number;
  threshold: number;
  now: () => Date;
  /** Calls in flight at once, across generations (default 2). */
  concurrency?: number;
  /**
   * How long a generation waits for the answers (default 10 s); calls still under way then go on, their decisions
   * are stored and serve the next guide.
   */
  waitMs?: number;
  /** A question whose call failed is not asked again before this many ms (default one hour). */
  retryAfterFailureMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

const HOUR_MS = 3_600_000;

function utcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function createLlmStep(deps: LlmStepDeps) {
  const { db, model, price } = deps;
  const limit = pLimit(Math.max(1, deps.concurrency ?? 2));
  const retryAfterFailureMs = deps.retryAfterFailureMs ?? HOUR_MS;
  /** Questions whose last call failed, with why and until when they rest. */
  const failed = new LRUCache<string, { reason: string; until: number }>({ max: 50_000 });
  /** Dollars of calls in flight, not yet in the ledger. */
  let reserved = 0;
  /** Questions being asked, and the work asking them. */
  const asking = new Set<string>();
  const running = new Set<Promise<unknown>>();
  const waitMs = deps.waitMs ?? 10_000;

  /** A generation's summary before anything is asked: on with the model, or off for want of a key. */
  const emptySummary = () => emptyLlmSummary(deps.client ? model : null);

  function choiceOf(
    verdict: Verdict,
    row: { id: number; model: string; review: string },
    candidates: readonly SportEvent[],
    fresh: boolean,
  ): LlmResult {
    const decision = { id: row.id, model: row.model || model, review: row.review, fresh };
    return resultOfVerdict(verdict, decision, candidates, deps.threshold);
  }

  /** Asks one batch and stores what it answered; fills `results` for its asks. */
  async function askBatch(
    batch: PlannedQuestion[],
    providerId: number | null,
    results: LlmResult[],
    summary: LlmSummary,
  ): Promise<void> {
    const client = deps.client!;
    const questions = batch.map((p) => p.question);
    const estimate = estimateCallUsd(questions, price);
    const spent = (await llmSpentSince(db, utcMidnight(deps.now()))) + reserved;
    const overBudget = budgetExceeded(spent, estimate, deps.dailyBudgetUsd);
    if (overBudget) {
      summary.note = overBudget;
      for (const p of batch) results[p.index] = { step: `llm: not asked, ${summary.note}` };
      return;
    }
    reserved += estimate;
    let reply;
    try {
      reply = await client.chooseEvents(questions);
    } finally {
      reserved -= estimate;
    }
    const cost = costUsd(reply.usage, price);
    const read = reply.ok ? readAnswers(questions, reply.input) : null;
    const failure = !reply.ok
      ? `${reply.reason}: ${reply.message}`
      : read?.problem
        ? `malformed: ${read.problem}`
        : null;
    const callId = await insertLlmCall(db, {
      model,
      channels: batch.length,
      inputTokens: reply.usage.inputTokens,
      outputTokens: reply.usage.outputTokens,
      costUsd: cost,
      latencyMs: reply.latencyMs,
      attempts: reply.attempts,
      outcome: failure ? 'failed' : 'answered',
      error: failure,
      at: deps.now(),
    });
    summary.calls += 1;
    summary.usd += cost;
    const until = deps.now().getTime() + retryAfterFailureMs;
    const rest = (p: PlannedQuestion, reason: string) => {
      failed.set(p.hash, { reason, until });
      results[p.index] = { step: `llm: ${model} call failed (${reason}); asked again after an hour` };
    };
    if (failure || !read) {
      summary.failedCalls += 1;
      deps.logger?.warn(
        { model, channels: batch.length, error: failure },
        'LLM call failed; its channels stay unmatched',
      );
      for (const p of batch) rest(p, failure ?? 'no answer');
      return;
    }
    const share = (n: number) => Math.round(n / batch.length);
    const records: { p: PlannedQuestion; verdict: Verdict; record: LlmDecisionRecord }[] = [];
    for (const p of batch) {
      const verdict = read.verdicts.get(p.question.channel);
      if (!verdict) {
        rest(p, 'the answer left this channel out');
        continue;
      }
      const call = { callId, model, costUsd: cost / batch.length, latencyMs: reply.latencyMs };
      const tokens = { input: share(reply.usage.inputTokens), output: share(reply.usage.outputTokens) };
      records.push({ p, verdict, record: decisionRecord(p, verdict, providerId, call, tokens) });
    }
    const ids = await insertDecisions(
      db,
      records.map((r) => r.record),
    );
    for (const { p, verdict } of records) {
      const id = ids.get(p.hash);
      if (id === undefined) continue;
      if (verdict.kind === 'chosen') {
        const event = p.candidates.find((e) => e.id === verdict.eventId);
        if (event)
          await insertPendingLlmAliases(db, id, aliasesWorthKeeping(p.ask.name, event, verdict.aliases));
      }
      results[p.index] = choiceOf(verdict, { id, model, review: 'pending' }, p.candidates, true);
    }
  }

  /**
   * Decides each ask: from a stored decision when the same question was asked before, else by asking the
   * model (when it is configured, the budget allows and the question did not fail within the hour).
   */
  async function decide(
    asks: readonly LlmAsk[],
    providerId: number | null,
  ): Promise<{ results: LlmResult[]; summary: LlmSummary }> {
    const summary = emptySummary();
    const { results, planned: pending } = planQuestions(asks);
    const stored = await findDecisions(
      db,
      pending.map((p) => p.hash),
    );
    const now = deps.now().getTime();
    const toAsk = new Map<string, PlannedQuestion[]>();
    for (const p of pending) {
      const row = stored.get(p.hash);
      if (row) {
        summary.reused += 1;
        results[p.index] = choiceOf(verdictOf(row), row, p.candidates, false);
        continue;
      }
      if (!deps.client) {
        results[p.index] = { step: 'llm: off (no ANTHROPIC_API_KEY)' };
        continue;
      }
      if (asking.has(p.hash)) {
        results[p.index] = { step: 'llm: being asked for an earlier guide; the answer serves the next one' };
        continue;
      }
      const rest = failed.get(p.hash);
      if (rest && rest.until > now) {
        results[p.index] = {
          step: `llm: the last call about this channel failed (${rest.reason}); resting an hour`,
        };
        continue;
      }
      const same = toAsk.get(p.hash);
      if (same) same.push(p);
      else toAsk.set(p.hash, [p]);
    }
    const firsts = [...toAsk.values()].map((list) => list[0]!);
    summary.asked = firsts.length;
    const waitS = Math.round(waitMs / 100) / 10;
    for (const p of firsts) {
      asking.add(p.hash);
      results[p.index] = { step: `llm: asked; no answer within ${waitS} s, so it serves the next guide` };
    }
    const work = Promise.all(
      batchQuestions(firsts).map((batch) =>
        limit(async () => {
          try {
            await askBatch(batch, providerId, results, summary);
          } catch (err) {
            // The ledger or the decisions could not be written: these channels stay unmatched, the guide is served.
            const message = err instanceof Error ? err.message : String(err);
            deps.logger?.warn({ err: message }, 'LLM step failed; its channels stay unmatched');
            for (const p of batch) results[p.index] = { step: `llm: failed (${message})` };
          }
        }),
      ),
    ).finally(() => {
      for (const p of firsts) asking.delete(p.hash);
    });
    running.add(work);
    void work.finally(() => running.delete(work));
    // The guide waits for the answers at most waitMs; later ones are stored and serve the next guide.
    if (firsts.length > 0) {
      const timer = new AbortController();
      await Promise.race([work, delay(waitMs, undefined, { signal: timer.signal }).catch(() => undefined)]);
      timer.abort();
    }
    const answered = [...results];
    // The same question twice in one generation (one name on two channels) is asked once.
    for (const list of toAsk.values())
      for (const p of list.slice(1)) answered[p.index] = answered[list[0]!.index]!;
    return {
      results: answered,
      summary: { ...summary, usd: roundUsd(summary.usd) },
    };
  }

  /** Settles once every call under way has answered and its decisions are stored. */
  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.all(running);
  }

  let decided: { any: boolean; at: number } | null = null;
  /** True with a client, or when some decision is stored (it still answers its question without a key). */
  async function active(): Promise<boolean> {
    if (deps.client) return true;
    const now = deps.now().getTime();
    if (!decided || now - decided.at > 60_000) decided = { any: await anyDecision(db), at: now };
    return decided.any;
  }

  return { decide, idle, active, emptySummary, enabled: deps.client !== null };
}

export type LlmStep = ReturnType<typeof createLlmStep>;
