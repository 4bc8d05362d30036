// What the LLM step asks and how its answers are read, with no network: each unmatched channel becomes a
// question with at most ten real candidate events (`questions`), the request's wording and tool (`prompt`),
// the tool input checked against the questions so the model can only choose, never invent (`answers`), and
// what a call costs (`cost`).
export { readAnswers, type AliasLesson, type Verdict } from './answers.js';
export { costUsd, roundUsd, type ModelPrice, type TokenUsage } from './cost.js';
export { SYSTEM_PROMPT, TOOL, TOOL_NAME, userMessage } from './prompt.js';
export {
  askable,
  batchQuestions,
  MAX_CANDIDATES,
  MAX_QUESTIONS_PER_CALL,
  questionHash,
  questionOf,
  rankCandidates,
  type LlmCandidate,
  type LlmQuestion,
} from './questions.js';
export {
  aliasesWorthKeeping,
  budgetExceeded,
  emptyLlmSummary,
  estimateCallUsd,
  MAX_ASKS_PER_GENERATION,
  planQuestions,
  resultOfVerdict,
  type LlmAsk,
  type LlmChoice,
  type LlmResult,
  type LlmSummary,
  type PlannedQuestion,
} from './decisions.js';
