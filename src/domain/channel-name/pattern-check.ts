// What is wrong with a provider pattern or a VOD rule before it is saved: it must compile, a pattern must capture
// `slot` and `payload`, and neither may backtrack for long on some name (recheck's ReDoS analysis), since they
// run on every entry of every playlist.
import { checkSync } from 'recheck';
import { compileFamilies } from './families.js';

// Regexes see at most MAX_REGEX_INPUT characters (regex-input.ts): quadratic backtracking on them is harmless,
// cubic is not.
const MAX_POLYNOMIAL_DEGREE = 2;

// recheck's own JavaScript checker, unless an operator chose another backend: its native agent spends 4-6 s on
// the first fuzzing analysis of a process, past any sensible budget, so the same pattern was refused as
// unsettled or accepted depending on what ran before it. The JavaScript one settles a slot pattern with a
// lookahead in about 1.2 s.
process.env.RECHECK_SYNC_BACKEND ??= 'pure';
/** The analysis's budget: twice what a busy two-core machine takes for a slot pattern with a lookahead. */
const ANALYSIS_TIMEOUT_MS = 5_000;
/** Fuzzing starts from a fixed seed: a pattern gets the same verdict every time it is checked. */
const ANALYSIS_SEED = 20_261_201;

/**
 * Why a regex may backtrack for too long on some input (recheck's analysis: exponential, or polynomial of a
 * degree above 2), or null. A pattern the analysis cannot settle in time is refused too: nothing bounds it.
 */
function backtrackProblem(pattern: string, flags: string): string | null {
  const result = checkSync(pattern, flags, { timeout: ANALYSIS_TIMEOUT_MS, randomSeed: ANALYSIS_SEED });
  if (result.status === 'unknown') {
    return 'could not be shown to run in bounded time (the analysis gave up); write it more simply';
  }
  if (result.status !== 'vulnerable') return null;
  const { complexity } = result;
  if (complexity.type === 'exponential')
    return 'can backtrack catastrophically (exponential time on some names)';
  if (complexity.type === 'polynomial' && complexity.degree > MAX_POLYNOMIAL_DEGREE) {
    return `can backtrack for too long (${complexity.summary} time on some names)`;
  }
  return null;
}

function flagsFor(pattern: string): string {
  try {
    new RegExp(pattern, 'iu');
    return 'iu';
  } catch {
    return 'i';
  }
}

/** Why an admin's regex (a VOD rule) may not be saved: it does not compile, or it can backtrack for too long. */
export function regexProblem(pattern: string, flags = 'i'): string | null {
  try {
    new RegExp(pattern, flags);
  } catch (err) {
    return `not a valid regex: ${(err as Error).message}`;
  }
  return backtrackProblem(pattern, flags);
}

/** The problems of a provider pattern: empty when it may be saved. */
export function patternProblems(family: string, pattern: string): string[] {
  const { problems } = compileFamilies([{ family, pattern, priority: 0 }], []);
  if (problems.length > 0) return problems.map((p) => p.reason);
  const slow = backtrackProblem(pattern, flagsFor(pattern));
  return slow ? [slow] : [];
}

/**
 * A pattern for a family the lineup revealed: its label (any case, spaces as runs of spaces), then the slot,
 * then the rest as payload, whatever decoration comes before the label.
 */
export function proposedPattern(family: string): string {
  const label = family
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  return `^.*?\\b(?<family>${label})\\s*[:|•-]?\\s*(?<slot>\\d{1,3})(?!\\d)\\s*[:|•-]?\\s*(?<payload>.*)$`;
}
