// What is wrong with a provider pattern before it is saved: it must compile, capture `slot` and `payload`, and
// not be open to catastrophic backtracking (star height above one, as safe-regex2 judges it), since it runs on
// every name of every playlist.
import ret from 'ret';
import safeRegex from 'safe-regex2';
import { compileFamilies } from './families.js';

// ret is CommonJS whose module.exports is the tokenizer itself; its types describe the ES default export.
const parseRegex = ret as unknown as (pattern: string) => unknown;

/** True when safe-regex2's parser reads the pattern (it knows no lookbehind, for one). */
function checkable(pattern: string): boolean {
  try {
    parseRegex(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * The problems of a pattern: empty when it may be saved. A pattern the checker cannot read is judged by a
 * bounded trial run instead (see the pattern tester).
 */
export function patternProblems(family: string, pattern: string): string[] {
  const { problems } = compileFamilies([{ family, pattern, priority: 0 }], []);
  if (problems.length > 0) return problems.map((p) => p.reason);
  if (checkable(pattern) && !safeRegex(pattern)) {
    return ['may backtrack catastrophically (a repeated group inside a repetition)'];
  }
  return [];
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
