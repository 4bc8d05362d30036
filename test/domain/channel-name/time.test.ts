// Zones, clock times, dates and the instants they make (name-zones, name-time, name-dates, name-when,
// name-datetime).
import { describe, expect, it } from 'vitest';
import { extractDateTime, MARK } from '../../../src/domain/channel-name/when/datetime.js';
import { findDates } from '../../../src/domain/channel-name/when/dates.js';
import { findTimes } from '../../../src/domain/channel-name/when/clock.js';
import {
  inferYear,
  likelyOccurrence,
  occurrencesOf,
  resolveWhen,
} from '../../../src/domain/channel-name/when/resolve.js';
import { addDays, hhmm, wallClock, zonedToUtc } from '../../../src/domain/time.js';
import { isEuropeanZone, zoneForWord } from '../../../src/domain/channel-name/when/zones.js';

const NY = 'America/New_York';
const US_ORDER = { dayFirst: false, dottedIsDate: false };

describe('zone words', () => {
  it.each([
    ['ET', NY], ['EST', NY], ['EDT', NY], ['CT', 'America/Chicago'], ['CST', 'America/Chicago'],
    ['CDT', 'America/Chicago'], ['MT', 'America/Denver'], ['PT', 'America/Los_Angeles'],
    ['PST', 'America/Los_Angeles'], ['PDT', 'America/Los_Angeles'], ['UK', 'Europe/London'], ['GMT', 'UTC'],
    ['BST', 'Europe/London'], ['London', 'Europe/London'], ['CET', 'Europe/Paris'], ['CEST', 'Europe/Paris'],
    ['WET', 'Europe/Lisbon'], ['WEST', 'Europe/Lisbon'], ['UTC', 'UTC'], ['cest', 'Europe/Paris'],
  ])('maps %s to %s', (word, zone) => {
    expect(zoneForWord(word)).toBe(zone);
  }); // prettier-ignore

  it('knows no zone for other words', () => {
    expect(zoneForWord('Tottenham')).toBeNull();
    expect(zoneForWord('')).toBeNull();
  });

  it('tells European zones, where dates are written day first', () => {
    expect(isEuropeanZone('Europe/London')).toBe(true);
    expect(isEuropeanZone(NY)).toBe(false);
  });
});

describe('findTimes', () => {
  const first = (text: string) => findTimes(text)[0];

  it.each([
    ['7:30p', 19, 30], ['7pm', 19, 0], ['07:00 PM', 19, 0], ['07:00PM', 19, 0], ['12:00PM', 12, 0], ['12 AM', 0, 0],
    ['11:59 PM', 23, 59], ['8 p.m.', 20, 0], ['19:30', 19, 30], ['19h30', 19, 30], ['00:05', 0, 5],
  ])('reads %s as %i:%i', (text, hour, minute) => {
    expect(first(`kick-off ${text} tonight`)).toMatchObject({ hour, minute });
  }); // prettier-ignore

  it('reads a 12-hour time with a zone word, and the zone in brackets', () => {
    expect(first('Lakers @ 7:30 PM ET')).toMatchObject({ hour: 19, minute: 30, meridiem: true, zone: NY });
    expect(first('18:35 (GMT) |')).toMatchObject({ hour: 18, minute: 35, meridiem: false, zone: 'UTC' });
    expect(first('19:55 CEST (SE)')).toMatchObject({ zone: 'Europe/Paris' });
    expect(first('7:30 PM London')).toMatchObject({ zone: 'Europe/London' });
  });

  it('does not take a title-case word that happens to be a zone abbreviation', () => {
    expect(first('Arsenal 20:00 West Ham')).toMatchObject({ zone: null });
  });

  it('marks a dotted time as ambiguous with an M.D date', () => {
    expect(first('Arsenal v Chelsea 19.30')).toMatchObject({ hour: 19, minute: 30, dotted: true });
  });

  it.each([
    '24/7',
    '20/20',
    'U20',
    'Game 3',
    '5.21.25',
    '2025-10-07',
    '1080p',
    'Week 1, Day 1',
    'Class 4A',
    '0p',
  ])('finds no time in %s', (text) => {
    expect(findTimes(text)).toEqual([]);
  });

  it('reads a bare hour with a lower-case am/pm letter, as US lists write it', () => {
    expect(findTimes('ANA @ DAL 7p')).toMatchObject([{ hour: 19, minute: 0, meridiem: true }]);
    expect(findTimes('Rangers @ Jets 10p ET')).toMatchObject([{ hour: 22, zone: NY }]);
    expect(findTimes('tip-off 11a')).toMatchObject([{ hour: 11 }]);
  });

  it('rejects impossible clock readings', () => {
    expect(findTimes('25:00 and 13 PM and 7:75')).toEqual([]);
  });
});

describe('findDates', () => {
  const only = (text: string, opts = US_ORDER) =>
    findDates(text, opts).map(({ year, month, day }) => [year, month, day]);

  it.each([
    ['Dec 12', [null, 12, 12]], ['12 Dec', [null, 12, 12]], ['OCT 19', [null, 10, 19]], ['March 15', [null, 3, 15]],
    ['Sun 5th Oct', [null, 10, 5]], ['Thu 14 May', [null, 5, 14]], ['30 @ Jun', [null, 6, 30]],
    ['Fri @ Sep 11', [null, 9, 11]], ['11/25', [null, 11, 25]], ['Mon, 8/11', [null, 8, 11]],
    ['14-05-2026', [2026, 5, 14]], ['2025-05-20', [2025, 5, 20]], ['5.21.25', [2025, 5, 21]],
    ['11/25/2025', [2025, 11, 25]], ['Oct 5, 2025', [2025, 10, 5]],
  ])('reads %s', (text, want) => {
    expect(only(text)).toEqual([want]);
  }); // prettier-ignore

  it('reads slashes day first only when told, or when the first number cannot be a month', () => {
    expect(only('02/10')).toEqual([[null, 2, 10]]);
    expect(only('02/10', { dayFirst: true, dottedIsDate: false })).toEqual([[null, 10, 2]]);
    expect(only('22/10')).toEqual([[null, 10, 22]]);
  });

  it('reads a dotted pair as a date only when asked', () => {
    expect(only('8.29')).toEqual([]);
    expect(only('8.29', { dayFirst: false, dottedIsDate: true })).toEqual([[null, 8, 29]]);
  });

  it.each(['20/20', '24/7 news', '33/40', 'Feb 30', 'Sunday Devils', 'Marietta', 'Jun 06:30'])(
    'finds no date in %s',
    (text) => {
      expect(only(text)).toEqual([]);
    },
  );
});

describe('extractDateTime', () => {
  it('takes the first date and time and masks every date and time out of the text', () => {
    const w = extractDateTime(
      'DETROIT TIGERS @ CLEVELAND GUARDIANS - SEP 4 - 8:15 PM ET / SEP 5 - 1:15 AM UK',
      NY,
    );
    expect(w).toMatchObject({ time: '20:15', zone: NY, date: { year: null, month: 9, day: 4 } });
    expect(w.text).not.toMatch(/SEP|PM|AM|\d/);
    expect(w.text).toContain(MARK);
  });

  it('reads 19.30 as a kick-off, but 8.29 before a time as an M.D date', () => {
    expect(extractDateTime('Arsenal v Chelsea 19.30', 'Europe/London')).toMatchObject({
      time: '19:30',
      date: null,
    });
    expect(extractDateTime('A AT B | 8.29 12:00PM |', NY)).toMatchObject({
      time: '12:00',
      date: { month: 8, day: 29 },
    });
  });

  it('reads DD/MM after a 24-hour kick-off, MM/DD after a 12-hour one', () => {
    expect(extractDateTime('FC Porto 20:00 FK Crvena zvezda Beograd 02/10', NY).date).toMatchObject({
      month: 10,
      day: 2,
    });
    expect(extractDateTime('02/10 7:30 PM ET Spurs vs Hornets', NY).date).toMatchObject({
      month: 2,
      day: 10,
    });
  });

  it('reads bracketed timestamps and start/stop stamps', () => {
    expect(extractDateTime('Reds at Pirates (2025-05-21 11:58:00)', NY)).toMatchObject({
      time: '11:58',
      date: { year: 2025, month: 5, day: 21 },
    });
    expect(extractDateTime('A @ B (2025-11-23)', NY)).toMatchObject({ time: null, date: { day: 23 } });
    expect(
      extractDateTime('Dodgers x Yankees start:2026-07-19 17:35:00 stop:2026-07-20 00:48:20', NY),
    ).toMatchObject({
      time: '17:35',
      date: { year: 2026, month: 7, day: 19 },
      stop: { ymd: '2026-07-20', hhmm: '00:48' },
    });
  });
});

describe('inferYear', () => {
  it('puts a date in the year nearest to today, across New Year both ways', () => {
    expect(inferYear(1, 2, '2025-12-30')).toBe(2026);
    expect(inferYear(12, 30, '2026-01-02')).toBe(2025);
    expect(inferYear(10, 22, '2025-12-12')).toBe(2025);
    expect(inferYear(3, 15, '2025-12-12')).toBe(2026);
  });

  it('only gives Feb 29 a leap year', () => {
    expect(inferYear(2, 29, '2027-12-01')).toBe(2028);
  });
});

describe('likelyOccurrence: the day of a time without a date', () => {
  // At each clock, the day a name's time is expected on (-1 yesterday, 0 today, +1 tomorrow): an occurrence that
  // has started counts while the event may still be on (three hours), else the next one to come.
  const EXPECTED: Record<string, Record<string, number>> = {
    '01:00': { '00:30': 0, '07:00': 0, '12:00': 0, '19:30': 0, '23:00': -1 },
    '08:30': { '00:30': 1, '07:00': 0, '12:00': 0, '19:30': 0, '23:00': 0 },
    '14:00': { '00:30': 1, '07:00': 1, '12:00': 0, '19:30': 0, '23:00': 0 },
    '23:30': { '00:30': 1, '07:00': 1, '12:00': 1, '19:30': 1, '23:00': 0 },
  };
  // Each zone on an ordinary day and on both of its DST change days.
  const DAYS: Record<string, string[]> = {
    [NY]: ['2026-12-01', '2026-03-08', '2026-11-01'],
    'Australia/Sydney': ['2026-12-01', '2026-04-05', '2026-10-04'],
  };

  for (const [zone, days] of Object.entries(DAYS)) {
    for (const day of days) {
      it(`follows the rule in ${zone} on ${day} at 01:00, 08:30, 14:00 and 23:30`, () => {
        for (const [clock, byTime] of Object.entries(EXPECTED)) {
          const now = zonedToUtc(day, clock, zone);
          for (const [time, offset] of Object.entries(byTime)) {
            const at = likelyOccurrence(time, zone, now);
            const read = wallClock(at, zone);
            expect([clock, time, read.ymd, hhmm(read)]).toEqual([clock, time, addDays(day, offset), time]);
          }
        }
      });
    }
  }

  it('keeps a started event while its sport may still be on, and only then', () => {
    const now = zonedToUtc('2026-12-01', '23:30', NY);
    expect(likelyOccurrence('20:00', NY, now, 165)).toEqual(zonedToUtc('2026-12-02', '20:00', NY));
    expect(likelyOccurrence('20:00', NY, now, 240)).toEqual(zonedToUtc('2026-12-01', '20:00', NY));
  });

  it('offers the day before, the day itself and the day after for the events to choose from', () => {
    const now = zonedToUtc('2026-11-01', '08:30', NY);
    expect(occurrencesOf('21:00', NY, now).map((d) => d.toISOString())).toEqual([
      '2026-11-01T01:00:00.000Z', // 21:00 EDT on Oct 31
      '2026-11-02T02:00:00.000Z', // 21:00 EST on Nov 1, after the change
      '2026-11-03T02:00:00.000Z',
    ]);
  });
});

describe('resolveWhen', () => {
  const now = new Date('2025-12-30T15:00:00Z');

  it('gives a date without a time no instant', () => {
    expect(resolveWhen({ year: null, month: 1, day: 2 }, null, NY, now)).toEqual({
      date: '2026-01-02',
      time: null,
      startsAt: null,
      timeOnly: false,
    });
  });

  it('marks a time without a date, and gives it the likely occurrence', () => {
    const w = resolveWhen(null, '19:00', NY, now);
    expect(w).toEqual({
      date: null,
      time: '19:00',
      startsAt: likelyOccurrence('19:00', NY, now),
      timeOnly: true,
    });
  });

  it('combines a written date and time in the zone of the name', () => {
    const w = resolveWhen({ year: null, month: 1, day: 2 }, '19:00', 'Europe/London', now);
    expect(w.startsAt?.toISOString()).toBe('2026-01-02T19:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap to after it', () => {
    const w = resolveWhen({ year: 2026, month: 3, day: 8 }, '02:30', NY, now);
    expect(w.startsAt?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
