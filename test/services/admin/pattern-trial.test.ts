// Admin regexes run on sample names in a worker thread with a deadline: a catastrophic one is stopped and named,
// and the event loop keeps answering meanwhile.
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PatternTimeoutError, trialRun } from '../../../src/services/admin/pattern-trial.js';

describe('a trial run of admin regexes', () => {
  it('gives each pattern’s named groups on each name', async () => {
    const out = await trialRun(
      ['^NBA (?<slot>\\d+): (?<payload>.*)$', '^EPL'],
      ['NBA 07: Lakers @ Celtics', 'CNN'],
    );
    expect(out).toEqual([
      [{ slot: '07', payload: 'Lakers @ Celtics' }, null],
      [null, null],
    ]);
  });

  it('stops a pattern that backtracks past the deadline, names it, and never blocks the event loop', async () => {
    const trial = trialRun(['^ok$', '^(a|a)+$'], [`${'a'.repeat(40)}!`], 300);
    expect(
      await Promise.race([trial.catch(() => 'failed'), delay(20).then(() => 'event loop answered')]),
    ).toBe('event loop answered');
    const err = await trial.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PatternTimeoutError);
    expect((err as PatternTimeoutError).index).toBe(1);
  });
});
