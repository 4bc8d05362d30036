import { describe, expect, it } from 'vitest';
import { fitPart, nextParts } from '../../../src/domain/matching/part-fit.js';
import type { EventPart } from '../../../src/domain/types.js';

const session = (
  id: string,
  label: string,
  startsAt: string,
  status: 'pre' | 'in' | 'post' | null = 'pre',
) => {
  const part: EventPart = { kind: 'session', label, parentId: 'espn:gp', parentTitle: 'Spanish Grand Prix' };
  return { event: { id, part, startsAt: new Date(startsAt), endsAt: null, status } };
};
const weekend = [
  session('fp3', 'Practice 3', '2026-09-12T10:30:00Z', 'post'),
  session('q', 'Qualifying', '2026-09-12T14:00:00Z'),
  session('race', 'Race', '2026-09-13T13:00:00Z'),
];

describe('the part a name names against a candidate part', () => {
  it('confirms the same part and rules out another of the same kind', () => {
    const named = { kind: 'session' as const, label: 'Qualifying' };
    expect(fitPart(named, weekend[1]!.event, undefined)).toMatchObject({ agrees: true });
    expect(fitPart(named, weekend[2]!.event, undefined)).toMatchObject({
      rejected: 'the name says Qualifying, this is the Race',
    });
    expect(fitPart({ kind: 'session', label: 'Practice' }, weekend[0]!.event, undefined)).toMatchObject({
      agrees: true,
    });
  });

  it('takes the part on now or next when the name names none', () => {
    const next = nextParts(weekend, new Date('2026-09-12T12:00:00Z'));
    expect(next.get('espn:gp')).toBe('q');
    expect(fitPart(null, weekend[1]!.event, next)).toMatchObject({ noTimeCap: 0.8 });
    expect(fitPart(null, weekend[2]!.event, next).noTimeCap).toBeUndefined();
    expect(nextParts([...weekend], new Date('2026-09-12T16:30:00Z')).get('espn:gp')).toBe('race');
  });

  it('leaves an event that is whole alone', () => {
    expect(fitPart({ kind: 'session', label: 'Race' }, { id: 'g', part: null }, undefined)).toEqual({
      agrees: false,
      factor: 1,
    });
  });
});
