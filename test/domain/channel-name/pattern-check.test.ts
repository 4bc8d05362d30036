// The checks a provider pattern passes before it is saved, what patterns capture in the tester, and the pattern
// proposed for a family the lineup revealed.
import { describe, expect, it } from 'vitest';
import { compileAdminRegex } from '../../../src/domain/admin-regex.js';
import { compileFamilies, recogniseListed } from '../../../src/domain/channel-name/families.js';
import {
  patternCaptures,
  patternProblems,
  proposedPattern,
} from '../../../src/domain/channel-name/pattern-check.js';

// As long as a name the tester takes.
const ADVERSARIAL = `1${'a'.repeat(498)}!`;

describe('patternProblems', () => {
  it('accepts a pattern that backtracks exponentially elsewhere: it runs in linear time here', () => {
    expect(patternProblems('SLOW', '^(?<slot>\\d+)(?<payload>(a|a)+)$')).toEqual([]);
  });

  it('names what the linear-time engine cannot run, and a missing group', () => {
    expect(patternProblems('X', '^X (?<slot>\\d+)(?<payload>(a)\\1)$')).toEqual([
      expect.stringMatching(/^uses a backreference \\1, which the linear-time regex engine cannot run/),
    ]);
    expect(patternProblems('X', '^X (?<slot>\\d+)(?=:)(?<payload>.*)$')).toEqual([
      expect.stringMatching(/^uses a lookahead \(\?=…\)/),
    ]);
    expect(patternProblems('X', '^X (\\d+)(.*)$')).toEqual([
      'must capture the named groups "slot" and "payload"',
    ]);
  });

  it('takes (?P<name>…) groups as well as (?<name>…)', () => {
    expect(patternProblems('X', '^X (?P<slot>\\d+)(?P<payload>.*)$')).toEqual([]);
  });
});

describe('patternCaptures', () => {
  it('gives each pattern’s named groups on each name, null where it does not match', () => {
    expect(
      patternCaptures(['^NBA (?<slot>\\d+): (?<payload>.*)$', '^EPL'], ['NBA 07: Lakers @ Celtics', 'CNN']),
    ).toEqual([
      [{ slot: '07', payload: 'Lakers @ Celtics' }, null],
      [null, null],
    ]);
  });

  it('runs a pattern that backtracks exponentially elsewhere on a long adversarial name without hanging', () => {
    const [captures] = patternCaptures(['^(?<slot>\\d+)(?<payload>(a|a)+)$'], [ADVERSARIAL, 'x']);
    expect(captures).toEqual([null, null]);
  });
});

describe('proposedPattern', () => {
  const families = compileFamilies([{ family: 'NBA', pattern: proposedPattern('NBA'), priority: 100 }], []);
  const read = (name: string) => recogniseListed(name, families);

  it('compiles on the linear-time engine, with no lookaround', () => {
    expect(compileAdminRegex(proposedPattern('Zeta Sports')).problem).toBeNull();
    expect(proposedPattern('Zeta Sports')).not.toMatch(/\(\?<?[=!]/);
  });

  it('reads a slot of at most three digits, then the rest as payload', () => {
    expect(read('NBA 01: 76ers vs Nets')).toEqual({
      family: 'NBA',
      slot: 1,
      payload: '76ers vs Nets',
      source: 'provider',
    });
    expect(read('NBA 01 Lakers')).toMatchObject({ slot: 1, payload: 'Lakers' });
    expect(read('NBA 007')).toMatchObject({ slot: 7, payload: '' });
    expect(read('★ nba | 12 • Lakers @ Celtics')).toMatchObject({ slot: 12, payload: 'Lakers @ Celtics' });
  });

  it('reads no slot where the digits run on past three', () => {
    expect(read('NBA 0123')).toBeNull();
    expect(read('NBA 1234: Lakers')).toBeNull();
    expect(compileAdminRegex(proposedPattern('NBA')).regex!.exec('NBA 0123')).toBeNull();
  });

  it('keeps the payload as captured where it opens with a letter', () => {
    expect(compileAdminRegex(proposedPattern('NBA')).regex!.exec('NBA 01: Lakers')).toEqual({
      family: 'NBA',
      slot: '01',
      payload: 'Lakers',
    });
  });

  it('matches the label as text, any case and spacing', () => {
    const plus = compileFamilies([{ family: 'ESPN+', pattern: proposedPattern('ESPN+'), priority: 1 }], []);
    expect(recogniseListed('espn+ 3: A vs B', plus)).toMatchObject({ family: 'ESPN+', slot: 3 });
    expect(recogniseListed('ESPNN 3: A vs B', plus)).toBeNull();
    const spaced = compileFamilies(
      [{ family: 'Zeta Sports', pattern: proposedPattern('Zeta Sports'), priority: 1 }],
      [],
    );
    expect(recogniseListed('ZETA   SPORTS 04 - A vs B', spaced)).toMatchObject({
      slot: 4,
      payload: 'A vs B',
    });
  });
});
