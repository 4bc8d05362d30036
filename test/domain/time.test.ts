import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStart } from '../../src/domain/schedule/text.js';
import { daysOverlapping, daysTouched, offsetMinutes, wallClock, zonedToUtc } from '../../src/domain/time.js';

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe', // DST moves the clock by 30 minutes
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // -03:30 / -02:30
  'Pacific/Chatham', // +12:45 / +13:45
  'UTC',
];

/** The wall clock straight from Intl, as the cached one must read it. */
function intlClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    ymd: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday,
  };
}

describe('wall clocks', () => {
  it('read every instant as Intl does, across DST transitions and odd offsets', () => {
    // 2020..2030, with instants near every transition as likely as any other.
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        const w = wallClock(new Date(ms), zone);
        expect({ ymd: w.ymd, hour: w.hour, minute: w.minute, second: w.second, weekday: w.weekday }).toEqual(
          intlClock(new Date(ms), zone),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('read each second around a transition as Intl does', () => {
    // New York falls back at 06:00 UTC on 2026-11-01; Lord Howe moves 30 minutes at 15:00 UTC on 2026-10-03;
    // St. John's springs forward at 05:30 UTC on 2026-03-08, in the middle of a UTC hour.
    for (const [zone, at] of [
      ['America/New_York', Date.UTC(2026, 10, 1, 6)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15)],
      ['America/St_Johns', Date.UTC(2026, 2, 8, 5, 30)],
    ] as const) {
      for (let ms = at - 90_000; ms <= at + 90_000; ms += 1000) {
        const w = wallClock(new Date(ms), zone);
        expect([w.ymd, w.hour, w.minute, w.second]).toEqual(
          Object.values(intlClock(new Date(ms), zone)).slice(0, 4),
        );
      }
    }
  });

  it('give offsets in minutes, and wall times back as instants', () => {
    expect(offsetMinutes('America/New_York', new Date('2026-11-25T12:00:00Z'))).toBe(-300);
    expect(offsetMinutes('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe(-240);
    expect(offsetMinutes('Asia/Kathmandu', new Date('2026-11-25T12:00:00Z'))).toBe(345);
    expect(zonedToUtc('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(zonedToUtc('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('turn every wall time back into an instant that reads it, or the first one after a DST gap', () => {
    for (const zone of [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/St_Johns',
    ]) {
      for (const ymd of [
        '2026-03-08',
        '2026-03-29',
        '2026-10-04',
        '2026-10-25',
        '2026-11-01',
        '2026-07-01',
      ]) {
        for (const hhmm of ['00:30', '01:30', '02:30', '03:30', '23:59']) {
          const at = zonedToUtc(ymd, hhmm, zone);
          const read = wallClock(at, zone);
          const [h, m] = hhmm.split(':').map(Number) as [number, number];
          const late = (read.hour * 60 + read.minute - (h * 60 + m)) % 1440;
          expect([zone, ymd, hhmm, read.ymd, late === 0 || late === 60]).toEqual([
            zone,
            ymd,
            hhmm,
            ymd,
            true,
          ]);
          // In an overlap the earlier reading wins: an hour before, the clock does not read the same.
          const before = wallClock(new Date(at.getTime() - 3_600_000), zone);
          expect([zone, ymd, hhmm, before.ymd === ymd && before.hour === h && before.minute === m]).toEqual([
            zone,
            ymd,
            hhmm,
            false,
          ]);
        }
      }
    }
  });

  it('throw on an invalid instant as Intl does', () => {
    expect(() => wallClock(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('start times in descriptions', () => {
  it('name the zone as it is at that very second, on both sides of a transition', () => {
    expect(formatStart(new Date('2026-11-01T05:59:59Z'), 'America/New_York')).toBe(
      'Sun, Nov 1 at 1:59 AM EDT',
    );
    expect(formatStart(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(
      'Sun, Nov 1 at 1:00 AM EST',
    );
    expect(formatStart(new Date('2026-03-08T05:29:00Z'), 'America/St_Johns')).toBe(
      'Sun, Mar 8 at 1:59 AM GMT-3:30',
    );
    expect(formatStart(new Date('2026-03-08T05:31:00Z'), 'America/St_Johns')).toBe(
      'Sun, Mar 8 at 3:01 AM GMT-2:30',
    );
  });
});

describe('days a span touches', () => {
  it('covers an evening in the Americas with the next UTC date', () => {
    expect(daysOverlapping('2026-11-25', 'America/Chicago', 'UTC')).toEqual(['2026-11-25', '2026-11-26']);
  });

  it('covers a morning in Asia with the previous UTC date', () => {
    expect(daysOverlapping('2026-11-25', 'Asia/Tokyo', 'UTC')).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('needs one date when both calendars agree', () => {
    expect(daysOverlapping('2026-11-25', 'UTC', 'UTC')).toEqual(['2026-11-25']);
    expect(daysOverlapping('2026-11-25', 'America/New_York', 'America/New_York')).toEqual(['2026-11-25']);
  });

  it('end before the instant the span ends, and give one day to an empty span', () => {
    const midnight = new Date('2026-11-26T05:00:00Z'); // 00:00 in New York
    expect(daysTouched(new Date('2026-11-25T20:00:00Z'), midnight, 'America/New_York')).toEqual([
      '2026-11-25',
    ]);
    expect(daysTouched(midnight, midnight, 'America/New_York')).toEqual(['2026-11-26']);
    expect(daysTouched(new Date('2026-11-24T20:00:00Z'), midnight, 'America/New_York')).toEqual([
      '2026-11-24',
      '2026-11-25',
    ]);
  });
});
