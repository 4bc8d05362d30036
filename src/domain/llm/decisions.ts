// The rules of the LLM step that need no network or database: which unmatched channels are put to the model and
// with which candidates, how a stored or fresh verdict becomes a match (the confidence threshold, an admin's
// rejection), which of the aliases an answer teaches are worth keeping, and what a call is estimated to cost.
import { normalizeTeamName, type CandidateQuery } from '../matching/index.js';
import type { ParsedChannel, SportEvent } from '../types.js';
import type { AliasLesson, Verdict } from './answers.js';
import { costUsd, type ModelPrice } from './cost.js';
import { userMessage } from './prompt.js';
import { askable, questionHash, questionOf, rankCandidates, type LlmQuestion } from './questions.js';

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

/** A generation's summary before anything is asked: on with the model, or off for want of a key (null). */
export function emptyLlmSummary(model: string | null): LlmSummary {
  const note = model ? null : 'off: no ANTHROPIC_API_KEY';
  return { enabled: model !== null, model, asked: 0, reused: 0, calls: 0, failedCalls: 0, usd: 0, note };
}

/** Why a call is not made: the day's spending (from UTC midnight, calls in flight included) plus its estimate. */
export function budgetExceeded(spentUsd: number, estimateUsd: number, dailyBudgetUsd: number): string | null {
  if (spentUsd + estimateUsd <= dailyBudgetUsd) return null;
  const usd = (n: number) => `$${n.toFixed(n < 0.1 ? 4 : 2)}`;
  return `daily budget of ${usd(dailyBudgetUsd)} spent (${usd(spentUsd)} so far today)`;
}

/** A channel worth asking about: its candidates and the question they make. */
export interface PlannedQuestion {
  index: number;
  ask: LlmAsk;
  candidates: SportEvent[];
  question: LlmQuestion;
  hash: string;
}

// Channels ranked and looked up per generation at most: a lineup with thousands of misses costs a bounded time,
// and the daily budget would not cover more anyway.
export const MAX_ASKS_PER_GENERATION = 500;
// Tokens a call's prompt takes, estimated from its characters before it is sent, for the budget.
const CHARS_PER_TOKEN = 3;
const OUTPUT_TOKENS_PER_QUESTION = 120;

/**
 * Which asks become questions (a name with teams or a title, with candidates in its window, among the first
 * MAX_ASKS_PER_GENERATION such), and the report's step for each of the others.
 */
export function planQuestions(asks: readonly LlmAsk[]): { results: LlmResult[]; planned: PlannedQuestion[] } {
  const results: LlmResult[] = asks.map(() => ({ step: 'llm: not asked' }));
  const planned: PlannedQuestion[] = [];
  let considered = 0;
  asks.forEach((ask, index) => {
    if (!askable(ask.parsed)) {
      results[index] = { step: 'llm: nothing to ask (the name gives no teams or title)' };
      return;
    }
    if (considered++ >= MAX_ASKS_PER_GENERATION) {
      results[index] = {
        step: `llm: not asked this time (more than ${MAX_ASKS_PER_GENERATION} channels waiting)`,
      };
      return;
    }
    const candidates = rankCandidates(ask.parsed, ask.query, ask.events);
    if (candidates.length === 0) {
      results[index] = { step: 'llm: no candidate events in the window to choose from' };
      return;
    }
    const question = questionOf(ask.name, candidates);
    planned.push({ index, ask, candidates, question, hash: questionHash(question) });
  });
  return { results, planned };
}

/** What a call with these questions may cost at most, for the daily budget, before it is sent. */
export function estimateCallUsd(questions: readonly LlmQuestion[], price: ModelPrice): number {
  return costUsd(
    {
      inputTokens: Math.ceil(userMessage(questions).length / CHARS_PER_TOKEN) + 1000,
      outputTokens: 256 + OUTPUT_TOKENS_PER_QUESTION * questions.length,
    },
    price,
  );
}

/** A verdict as the match it makes, or the step that says why it makes none. */
export function resultOfVerdict(
  verdict: Verdict,
  decision: { id: number; model: string; review: string; fresh: boolean },
  candidates: readonly SportEvent[],
  threshold: number,
): LlmResult {
  const by = decision.model;
  const id = decision.id;
  const state = decision.fresh
    ? 'pending review'
    : decision.review === 'pending'
      ? 'stored, pending review'
      : `stored, ${decision.review}`;
  if (decision.review === 'rejected')
    return { step: `llm: an admin rejected ${by}'s answer to this question (decision #${id})` };
  if (verdict.kind === 'invalid')
    return { step: `llm: ${by}'s answer was rejected: ${verdict.reason} (decision #${id})` };
  if (verdict.kind === 'none')
    return {
      step: `llm: ${by} found none of ${candidates.length} candidates fits (decision #${id}, ${state})`,
    };
  const event = candidates.find((e) => e.id === verdict.eventId);
  if (!event) return { step: `llm: ${by}'s choice is no longer a candidate (decision #${id})` };
  const confidence = Math.round(verdict.confidence * 1000) / 1000;
  const taught = verdict.aliases.map((a) => `${a.written} = ${a.team}`).join(', ');
  const why = `${by} chose it among ${candidates.length} candidates, confidence ${confidence.toFixed(2)}${taught ? `; taught ${taught}` : ''} (decision #${id}, ${state})`;
  if (confidence < threshold - 1e-9)
    return {
      step: `llm: ${by}'s choice ${event.title} (${confidence.toFixed(2)}) is below the threshold ${threshold} (decision #${id})`,
    };
  return { choice: { event, confidence, why, decisionId: id } };
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
export function aliasesWorthKeeping(channel: string, event: SportEvent, lessons: readonly AliasLesson[]) {
  const name = ` ${normalizeTeamName(channel)} `;
  return lessons.flatMap((l) => {
    const normalized = normalizeTeamName(l.written);
    const teamId = teamOf(event, l.team);
    if (normalized === '' || teamId === null || !name.includes(` ${normalized} `)) return [];
    if (normalized === normalizeTeamName(l.team)) return [];
    return [{ teamId, alias: l.written.trim(), normalized }];
  });
}
