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
  type LlmDecisionRow,
} from '../../db/llm-decisions.js';
import { insertPendingLlmAliases } from '../../db/teams.js';
import type { DB } from '../../db/types.js';
import {
  askable,
  batchQuestions,
  costUsd,
  questionHash,
  questionOf,
  rankCandidates,
  readAnswers,
  roundUsd,
  userMessage,
  type AliasLesson,
  type LlmQuestion,
  type ModelPrice,
  type Verdict,
} from '../../domain/llm/index.js';
import type { CandidateQuery } from '../../domain/matching/index.js';
import { normalizeTeamName } from '../../domain/matching/index.js';
import type { ParsedChannel, SportEvent } from '../../domain/types.js';
import type { LlmClient } from '../../sources/llm.js';

/** One unmatched channel and the events of its window it may carry. */
export interface LlmAsk {
  name: string;
  parsed: ParsedChannel;
  query: Pick<CandidateQuery, 'likelyStart' | 'fromUtc' | 'toUtc'>;
  events: readonly SportEvent[];
}

export interface LlmChoice {
  event: SportEvent;
  confidence: number;
  why: string;
  decisionId: number;
}

/** Per ask: the chosen event, or the step the report shows. */
export type LlmResult = { choice: LlmChoice } | { step: string };

/** What the step did in one generation, for the match report. */
export interface LlmSummary {
  enabled: boolean;
  model: string | null;
  /** Channels put to the model in this generation. */
  asked: number;
  /** Channels answered from stored decisions. */
  reused: number;
  calls: number;
  failedCalls: number;
  usd: number;
  note: string | null;
}

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
// Channels ranked and looked up per generation at most: a lineup with thousands of misses costs a bounded time,
// and the daily budget would not cover more anyway.
const MAX_ASKS_PER_GENERATION = 500;
// Tokens a call's prompt takes, estimated from its characters before it is sent, for the budget.
const CHARS_PER_TOKEN = 3;
const OUTPUT_TOKENS_PER_QUESTION = 120;

function utcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const usd = (n: number) => `$${n.toFixed(n < 0.1 ? 4 : 2)}`;

function verdictOf(row: LlmDecisionRow): Verdict {
  return row.answer as unknown as Verdict;
}

/** The team of the chosen event an alias names (by its name as the event gives it), or null. */
function teamOf(event: SportEvent, team: string): number | null {
  const wanted = normalizeTeamName(team);
  const sides = [
    { id: event.homeId, name: event.home },
    { id: event.awayId, name: event.away },
  ].filter((s) => s.id && s.name);
  const exact = sides.find((s) => normalizeTeamName(s.name ?? '') === wanted);
  const loose = sides.filter((s) => {
    const n = normalizeTeamName(s.name ?? '');
    return wanted !== '' && (n.includes(wanted) || wanted.includes(n));
  });
  const side = exact ?? (loose.length === 1 ? loose[0] : undefined);
  return side?.id ? Number(side.id) : null;
}

/** Aliases worth keeping: written in the channel's name, naming a team of the event, not its name already. */
function aliasRows(channel: string, event: SportEvent, lessons: readonly AliasLesson[]) {
  const name = ` ${normalizeTeamName(channel)} `;
  return lessons.flatMap((l) => {
    const normalized = normalizeTeamName(l.written);
    const teamId = teamOf(event, l.team);
    if (normalized === '' || teamId === null || !name.includes(` ${normalized} `)) return [];
    if (normalized === normalizeTeamName(l.team)) return [];
    return [{ teamId, alias: l.written.trim(), normalized }];
  });
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
  function emptySummary(): LlmSummary {
    return {
      enabled: deps.client !== null,
      model: deps.client ? model : null,
      asked: 0,
      reused: 0,
      calls: 0,
      failedCalls: 0,
      usd: 0,
      note: deps.client ? null : 'off: no ANTHROPIC_API_KEY',
    };
  }

  function choiceOf(
    verdict: Verdict,
    row: { id: number; model: string; review: string },
    candidates: readonly SportEvent[],
    fresh: boolean,
  ): LlmResult {
    const by = row.model || model;
    const state = fresh
      ? 'pending review'
      : row.review === 'pending'
        ? 'stored, pending review'
        : `stored, ${row.review}`;
    if (row.review === 'rejected')
      return { step: `llm: an admin rejected ${by}'s answer to this question (decision #${row.id})` };
    if (verdict.kind === 'invalid')
      return { step: `llm: ${by}'s answer was rejected: ${verdict.reason} (decision #${row.id})` };
    if (verdict.kind === 'none')
      return {
        step: `llm: ${by} found none of ${candidates.length} candidates fits (decision #${row.id}, ${state})`,
      };
    const event = candidates.find((e) => e.id === verdict.eventId);
    if (!event) return { step: `llm: ${by}'s choice is no longer a candidate (decision #${row.id})` };
    const confidence = Math.round(verdict.confidence * 1000) / 1000;
    const taught = verdict.aliases.map((a) => `${a.written} = ${a.team}`).join(', ');
    const why = `${by} chose it among ${candidates.length} candidates, confidence ${confidence.toFixed(2)}${taught ? `; taught ${taught}` : ''} (decision #${row.id}, ${state})`;
    if (confidence < deps.threshold - 1e-9)
      return {
        step: `llm: ${by}'s choice ${event.title} (${confidence.toFixed(2)}) is below the threshold ${deps.threshold} (decision #${row.id})`,
      };
    return { choice: { event, confidence, why, decisionId: row.id } };
  }

  interface Pending {
    index: number;
    ask: LlmAsk;
    candidates: SportEvent[];
    question: LlmQuestion;
    hash: string;
  }

  /** Asks one batch and stores what it answered; fills `results` for its asks. */
  async function askBatch(
    batch: Pending[],
    providerId: number | null,
    results: LlmResult[],
    summary: LlmSummary,
  ): Promise<void> {
    const client = deps.client!;
    const questions = batch.map((p) => p.question);
    const estimate = costUsd(
      {
        inputTokens: Math.ceil(userMessage(questions).length / CHARS_PER_TOKEN) + 1000,
        outputTokens: 256 + OUTPUT_TOKENS_PER_QUESTION * questions.length,
      },
      price,
    );
    const spent = (await llmSpentSince(db, utcMidnight(deps.now()))) + reserved;
    if (spent + estimate > deps.dailyBudgetUsd) {
      summary.note = `daily budget of ${usd(deps.dailyBudgetUsd)} spent (${usd(spent)} so far today)`;
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
    const rest = (p: Pending, reason: string) => {
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
    const records: { p: Pending; verdict: Verdict; record: LlmDecisionRecord }[] = [];
    for (const p of batch) {
      const verdict = read.verdicts.get(p.question.channel);
      if (!verdict) {
        rest(p, 'the answer left this channel out');
        continue;
      }
      const chosen = verdict.kind === 'chosen' ? verdict : null;
      records.push({
        p,
        verdict,
        record: {
          hash: p.hash,
          providerId,
          channel: p.question.channel,
          model,
          question: p.question,
          answer: verdict,
          outcome: verdict.kind,
          eventId: chosen ? Number(chosen.eventId) : null,
          confidence: verdict.kind === 'invalid' ? null : verdict.confidence,
          inputTokens: share(reply.usage.inputTokens),
          outputTokens: share(reply.usage.outputTokens),
          costUsd: cost / batch.length,
          latencyMs: reply.latencyMs,
          callId,
        },
      });
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
        if (event) await insertPendingLlmAliases(db, id, aliasRows(p.ask.name, event, verdict.aliases));
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
    const results: LlmResult[] = asks.map(() => ({ step: 'llm: not asked' }));
    const pending: Pending[] = [];
    let considered = 0;
    asks.forEach((ask, index) => {
      if (askable(ask.parsed) && considered++ >= MAX_ASKS_PER_GENERATION) {
        results[index] = {
          step: `llm: not asked this time (more than ${MAX_ASKS_PER_GENERATION} channels waiting)`,
        };
        return;
      }
      if (!askable(ask.parsed)) {
        results[index] = { step: 'llm: nothing to ask (the name gives no teams or title)' };
        return;
      }
      const candidates = rankCandidates(ask.parsed, ask.query, ask.events);
      if (candidates.length === 0) {
        results[index] = { step: 'llm: no candidate events in the window to choose from' };
        return;
      }
      const question = questionOf(ask.name, candidates);
      pending.push({ index, ask, candidates, question, hash: questionHash(question) });
    });
    const stored = await findDecisions(
      db,
      pending.map((p) => p.hash),
    );
    const now = deps.now().getTime();
    const toAsk = new Map<string, Pending[]>();
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
