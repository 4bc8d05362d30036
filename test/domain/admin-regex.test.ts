// Admins' regexes on the linear-time engine: what compiles, what is refused and why, and what a match gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminRegexProblem, compileAdminRegex, MAX_REGEX_INPUT } from '../../src/domain/admin-regex.js';

const compile = (source: string) => {
  const { regex, problem } = compileAdminRegex(source);
  if (regex === null) throw new Error(problem);
  return regex;
};

describe('compileAdminRegex', () => {
  it('runs a pattern that backtracks exponentially elsewhere on a long adversarial name without hanging', () => {
    const re = compile('^(?<slot>\\d+)(?<payload>(a|a)+)$');
    expect(re.exec(`1${'a'.repeat(MAX_REGEX_INPUT - 2)}!`)).toBeNull();
    expect(re.test(`1${'a'.repeat(MAX_REGEX_INPUT - 2)}!`)).toBe(false);
    expect(re.exec(`1${'a'.repeat(40)}`)).toEqual({ slot: '1', payload: 'a'.repeat(40) });
  });

  it('sees the first MAX_REGEX_INPUT characters of a value only: past them, nothing is left to refuse', () => {
    const re = compile('^(?<slot>\\d+)(?<payload>(a|a)+)$');
    expect(re.exec(`1${'a'.repeat(5000)}!`)?.payload).toHaveLength(MAX_REGEX_INPUT - 1);
  });

  it('gives the named groups of the first match, written (?<name>…) or (?P<name>…), undefined where unmatched', () => {
    const re = compile('(?<slot>\\d+)(?P<sep>:)?\\s*(?<payload>.*)');
    expect(re.groupNames).toEqual(['slot', 'sep', 'payload']);
    expect(re.exec('NBA 07: Lakers @ Celtics')).toEqual({
      slot: '07',
      sep: ':',
      payload: 'Lakers @ Celtics',
    });
    expect(re.exec('NBA 07 Lakers')).toEqual({ slot: '07', sep: undefined, payload: 'Lakers' });
    expect(re.exec('CNN')).toBeNull();
    expect(compile('^CNN').exec('cnn international')).toEqual({});
  });

  it('matches case-insensitively, by characters rather than UTF-16 units, with Unicode classes', () => {
    expect(compile('^école \\p{Lu}+$').test('ÉCOLE ÉTÉ')).toBe(true);
    expect(compile('^(?<a>.)(?<b>😀+)(?<c>.)$').exec('é😀😀y')).toEqual({ a: 'é', b: '😀😀', c: 'y' });
  });

  it("reads JavaScript's \\u escapes, a surrogate pair as one character", () => {
    expect(compile('^\\u00e9\\ud83d\\ude00\\u{1F3C0}$').test('É😀🏀')).toBe(true);
    expect(compile('[\\u0041-\\u0043]{3}').test('cab')).toBe(true);
  });

  it.each([
    ['(a)\\1', 'a backreference \\1'],
    ['(?<x>a)\\k<x>', 'a backreference \\k<…>'],
    ['^NBA (?<slot>\\d{1,3})(?!\\d)(?<payload>.*)$', 'a lookahead (?!…)'],
    ['NBA(?= )', 'a lookahead (?=…)'],
    ['(?<=NBA )\\d+', 'a lookbehind (?<=…)'],
    ['(?<!x)\\d+', 'a lookbehind (?<!…)'],
    ['(?>a+)b', 'an atomic group (?>…)'],
    ['a++b', 'a possessive quantifier ++'],
    ['a{2,}+b', 'a possessive quantifier {2,}+'],
  ])('refuses %j: it uses %s, which the engine cannot run', (source, what) => {
    const problem = adminRegexProblem(source) ?? '';
    expect(problem.startsWith(`uses ${what}, which the linear-time regex engine cannot run; `), problem).toBe(
      true,
    );
  });

  it('reads those characters as text where they are escaped or in a class', () => {
    for (const source of ['\\(?=x', '[(?=]x', '\\\\\\++', '[a++]']) {
      expect(adminRegexProblem(source), source).toBeNull();
    }
  });

  it('refuses a pattern that does not compile, quoting it as written', () => {
    expect(adminRegexProblem('^NBA (?<slot>\\d+')).toMatch(
      /^not a valid regex: .*missing closing \): `\^NBA/,
    );
    expect(adminRegexProblem('\\p{Letter}')).toMatch(/^not a valid regex/);
  });

  it('refuses a pattern too large to run on every name, and a repetition nested past its count', () => {
    expect(adminRegexProblem('\\p{L}{900}x\\p{L}{900}')).toMatch(
      /^is too large: \d+ instructions, at most 1000/,
    );
    expect(adminRegexProblem('(?:(?:a{100}){100}){100}')).toMatch(/^not a valid regex/);
  });

  it('never throws on arbitrary patterns and values: a pattern compiles or is refused with a reason', () => {
    const piece = fc.constantFrom(
      '(', ')', '(?<slot>', '(?P<payload>', '(?:', '(?=', '(?<!', '[', ']', '[^', '\\', '\\d', '\\u00e9', '\\ud83d',
      '\\u{1F600}', '\\p{L}', '\\1', '*', '+', '?', '{2}', '{1,', '|', '^', '$', '.', 'a', 'é', '😀', '\ud800',
    ); // prettier-ignore
    const source = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(source, fc.string({ unit: 'binary', maxLength: 40 }), (pattern, value) => {
        const { regex, problem } = compileAdminRegex(pattern);
        if (regex === null) {
          expect(problem.length).toBeGreaterThan(0);
          return;
        }
        expect(regex.exec(value) === null).toBe(!regex.test(value));
      }),
      { numRuns: 2000 },
    );
  });
});
