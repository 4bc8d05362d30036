// Events that run longer than their start (a golf round all day, a card segment until the next): a name's time
// anywhere in the span fits, and the part is a candidate while it is on.
import { describe, expect, it } from 'vitest';
import { candidateQuery, inWindow, matchChannel } from '../../../src/domain/matching/index.js';
import { DEFAULT_MATCH_THRESHOLD } from '../../../src/domain/matching/decide.js';
import { channel, titled } from './helpers.js';

const NOW = new Date('2026-02-22T15:00:00Z');
const ZONE = 'America/New_York';

/** A golf round: on from 07:00 to 21:00 New York time. */
function round(id: string, n: number, day: string) {
  const c = titled(id, 'PGA', `The Genesis Invitational — Round ${n}`, `${day}T12:00:00Z`);
  c.event.sport = 'golf';
  c.event.endsAt = new Date(`${day}T02:00:00Z`);
  c.event.endsAt.setUTCDate(c.event.endsAt.getUTCDate() + 1);
  c.event.part = {
    kind: 'round',
    label: `Round ${n}`,
    parentId: 'espn:1',
    parentTitle: 'The Genesis Invitational',
  };
  return c;
}

const rounds = [round('r3', 3, '2026-02-21'), round('r4', 4, '2026-02-22')];

describe('an event that says how late it runs', () => {
  it('fits a name whose time falls inside its span, not only at its start', () => {
    const parsed = channel({
      family: 'PGA',
      title: 'The Genesis Invitational Round 4',
      at: '2026-02-22T18:00:00Z',
    });
    const query = candidateQuery(parsed, {
      leaguesForFamily: () => ({ leagues: ['PGA'], source: 'config' }),
      now: NOW,
      timeZone: ZONE,
    });
    const d = matchChannel(parsed, rounds, { threshold: DEFAULT_MATCH_THRESHOLD, query });
    expect(d.eventId).toBe('r4');
  });

  it('is a candidate of a window that opens after its start and before its end', () => {
    const query = { fromUtc: new Date('2026-02-22T17:00:00Z'), toUtc: new Date('2026-02-22T20:00:00Z') };
    const r4 = rounds[1]!.event;
    expect(inWindow({ ...query } as never, r4.startsAt, r4.endsAt)).toBe(true);
    expect(inWindow({ ...query } as never, r4.startsAt)).toBe(false);
    const later = { fromUtc: new Date('2026-02-23T03:00:00Z'), toUtc: new Date('2026-02-23T06:00:00Z') };
    expect(inWindow(later as never, r4.startsAt, r4.endsAt)).toBe(false);
  });

  it('still refuses a time far outside its span', () => {
    const parsed = channel({
      family: 'PGA',
      title: 'The Genesis Invitational Round 4',
      at: '2026-02-23T09:00:00Z',
    });
    const d = matchChannel(parsed, [rounds[1]!], { threshold: DEFAULT_MATCH_THRESHOLD });
    expect(d.eventId).toBeNull();
  });
});
