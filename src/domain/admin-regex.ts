// Admins' regexes (provider patterns, VOD rules, drafts in the pattern tester) run on re2js, a port of RE2: its
// time is linear in the input whatever the pattern, so no pattern is analysed, timed or run apart. RE2 has no
// construct that needs backtracking (lookaround, backreferences, atomic groups, possessive quantifiers); a pattern
// that uses one is refused by its syntax alone, with the same verdict on any machine. RE2's `\d`, `\w` and `\b` are
// ASCII as in JavaScript; its `\s` leaves out the Unicode spaces JavaScript's has (names reach family patterns with
// those made plain).
import { RE2JS, RE2JSException } from 're2js';

/**
 * Admins' regexes see at most this many characters of a field: a playlist's line may be a MiB long, and a match
 * costs up to its input's length times the pattern's size.
 */
export const MAX_REGEX_INPUT = 512;

/**
 * The most instructions a compiled pattern may have. Slot patterns take 30 to 120; a counted repetition copies
 * its body (`\p{L}{300}` is 300 instructions), and every character of a name may step through all of them.
 */
export const MAX_REGEX_PROGRAM = 1_000;

export interface AdminRegex {
  /** The names of the pattern's named groups, `(?<name>…)` or `(?P<name>…)`. */
  readonly groupNames: readonly string[];
  /** True when the pattern matches somewhere in the first MAX_REGEX_INPUT characters of `value`. */
  test(value: string): boolean;
  /** The named groups of the first match in the first MAX_REGEX_INPUT characters of `value`, or null. */
  exec(value: string): Record<string, string | undefined> | null;
}

export type CompiledRegex = { regex: AdminRegex; problem: null } | { regex: null; problem: string };

/** The part of a value an admin's regex is run on. */
function regexInput(value: string): string {
  return value.length > MAX_REGEX_INPUT ? value.slice(0, MAX_REGEX_INPUT) : value;
}

const LOOKAHEAD =
  'match what may follow instead: a slot not followed by a digit is `(?<slot>\\d{1,3})(?<payload>(?:\\D.*)?)$`';
const GROUP_PREFIXES: [prefix: string, what: string, advice: string][] = [
  ['(?=', 'a lookahead (?=…)', LOOKAHEAD],
  ['(?!', 'a lookahead (?!…)', LOOKAHEAD],
  ['(?<=', 'a lookbehind (?<=…)', 'match what comes before instead'],
  ['(?<!', 'a lookbehind (?<!…)', 'match what comes before instead'],
  ['(?>', 'an atomic group (?>…)', 'use a plain group (?:…)'],
];

const BACKREFERENCE = 'spell out what the group matches instead';
const POSSESSIVE = 'drop its last +';

function cannotRun(what: string, advice: string): { problem: string } {
  return { problem: `uses ${what}, which the linear-time regex engine cannot run; ${advice}` };
}

/** `\uXXXX` (a surrogate pair as one character) or `\u{X…}` at `i`, written as RE2's `\x{…}`, or null. */
function unicodeEscape(source: string, i: number): { text: string; end: number } | null {
  const braced = /^\\u\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i, i + 10));
  if (braced) return { text: `\\x{${braced[1]}}`, end: i + braced[0].length };
  const unit = (at: number) => (/^\\u[0-9a-fA-F]{4}$/.test(source.slice(at, at + 6)) ? at : -1);
  if (unit(i) < 0) return null;
  const high = parseInt(source.slice(i + 2, i + 6), 16);
  if (high >= 0xd800 && high <= 0xdbff && unit(i + 6) >= 0) {
    const low = parseInt(source.slice(i + 8, i + 12), 16);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const point = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
      return { text: `\\x{${point.toString(16)}}`, end: i + 12 };
    }
  }
  return { text: `\\x{${source.slice(i + 2, i + 6)}}`, end: i + 6 };
}

/**
 * The pattern in RE2's syntax: JavaScript's `\u` escapes become `\x{…}`, the rest is the same. Or why RE2
 * cannot run it: what needs backtracking is named here, since RE2's own messages do not say why.
 */
function toRe2Syntax(source: string): { source: string } | { problem: string } {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const next = source[i + 1] ?? '';
    if (c === '\\') {
      if (next === 'u') {
        const escape = unicodeEscape(source, i);
        if (escape) {
          out += escape.text;
          i = escape.end - 1;
          continue;
        }
      }
      if (!inClass && next >= '1' && next <= '9')
        return cannotRun(`a backreference \\${next}`, BACKREFERENCE);
      if (next === 'k' && source[i + 2] === '<') return cannotRun('a backreference \\k<…>', BACKREFERENCE);
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
      // A `]` first in a class is a member of it.
      const first = next === '^' ? i + 2 : i + 1;
      if (source[first] === ']') {
        out += source.slice(i, first + 1);
        i = first;
        continue;
      }
    } else if (c === '(' && next === '?') {
      const group = GROUP_PREFIXES.find(([prefix]) => source.startsWith(prefix, i));
      if (group) return cannotRun(group[1], group[2]);
    } else if ('*+?'.includes(c) && next === '+' && source[i - 1] !== '(') {
      return cannotRun(`a possessive quantifier ${c}+`, POSSESSIVE);
    } else if (c === '{') {
      const counted = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i));
      if (counted && source[i + counted[0].length] === '+') {
        return cannotRun(`a possessive quantifier ${counted[0]}+`, POSSESSIVE);
      }
    }
    out += c;
  }
  return { source: out };
}

function wrap(re: RE2JS): AdminRegex {
  const groups = Object.entries(re.namedGroups());
  // RE2's own submatch search runs the engine once; RE2JS.exec runs it twice (bounds, then groups) and builds a
  // RegExp-like array, three to five times slower on a slot name. Most names match none of the patterns tried on
  // them: the DFA, which tracks no group, turns those away four to ten times faster than a submatch search.
  const engine = re.re2();
  return {
    groupNames: groups.map(([name]) => name),
    test: (value) => re.test(regexInput(value)),
    exec(value) {
      const input = regexInput(value);
      if (!re.test(input)) return null;
      const found = engine.findSubmatch(input) as (string | null)[] | null;
      if (found === null) return null;
      const named: Record<string, string | undefined> = {};
      for (const [name, index] of groups) named[name] = found[index] ?? undefined;
      return named;
    },
  };
}

/** An admin's regex, compiled to run case-insensitively on the linear-time engine; or why it cannot be. */
export function compileAdminRegex(source: string): CompiledRegex {
  const syntax = toRe2Syntax(source);
  if ('problem' in syntax) return { regex: null, problem: syntax.problem };
  let re: RE2JS;
  try {
    re = RE2JS.compile(syntax.source, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    if (!(err instanceof RE2JSException)) throw err;
    // RE2 writes the case-insensitive flag into the pattern it quotes: `(?i)(`.
    return { regex: null, problem: `not a valid regex: ${err.message.replace('`(?i)', '`')}` };
  }
  const size = re.programSize();
  if (size > MAX_REGEX_PROGRAM) {
    return {
      regex: null,
      problem: `is too large: ${size} instructions, at most ${MAX_REGEX_PROGRAM}; write it more simply (a counted repetition copies what it repeats)`,
    };
  }
  return { regex: wrap(re), problem: null };
}

/** Why an admin's regex may not be saved, or null. */
export function adminRegexProblem(source: string): string | null {
  return compileAdminRegex(source).problem;
}
