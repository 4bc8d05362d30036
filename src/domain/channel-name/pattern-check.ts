// What is wrong with a provider pattern before it is saved, what it captures from names, and the pattern proposed
// for a family the lineup revealed. Patterns run on the linear-time engine of admin-regex.ts.
import { compileAdminRegex } from '../admin-regex.js';
import { compileFamilies } from './families.js';

/** The problems of a provider pattern: empty when it may be saved. */
export function patternProblems(family: string, pattern: string): string[] {
  const { problems } = compileFamilies([{ family, pattern, priority: 0 }], []);
  return problems.map((p) => p.reason);
}

/** Each pattern's named groups on each name: null where it does not match, or does not compile. */
export function patternCaptures(
  patterns: readonly string[],
  names: readonly string[],
): (Record<string, string | undefined> | null)[][] {
  return patterns.map((pattern) => {
    const { regex } = compileAdminRegex(pattern);
    return names.map((name) => regex?.exec(name) ?? null);
  });
}

/**
 * A pattern for a family the lineup revealed: its label (any case, spaces as runs of spaces), then the slot of at
 * most 3 digits, then the rest as payload, whatever decoration comes before the label. The payload opens with a
 * non-digit, so the slot is never followed by a digit (`NBA 0123` is no slot); after a separator it may open with
 * one, keeping the space before it (`NBA 01: 76ers` captures ` 76ers`, tidied as the payload is read).
 */
export function proposedPattern(family: string): string {
  const label = family
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  return `^.*?\\b(?<family>${label})\\s*[:|•-]?\\s*(?<slot>\\d{1,3})\\s*[:|•-]?\\s*(?<payload>(?:\\D.*)?)$`;
}
