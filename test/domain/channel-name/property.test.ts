// parseChannelName must never throw: names come from providers, mangled in every way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChannelName } from '../../../src/domain/channel-name/parse.js';
import { defaultFamilies } from './support.js';

const families = defaultFamilies();
const KINDS = ['event', 'placeholder', 'other'];

// Fragments real names are made of, so generated names reach the deep paths (slots, dates, matchups).
const fragment = fc.constantFrom(
  'NBA 01:', 'ESPN+ 023 |', 'US (Peacock 023) |', '(UK)', '[Tubi]', 'US:', 'Lakers', 'vs.', ' @ ', ' at ', ' x ',
  ' - ', '–', '7:30 PM ET', '19.30', '8.29', '22/10', '30 @ Jun', 'Sun 5th Oct', '(2025-05-20 22:08:00)',
  'start:2026-07-19 17:35:00', 'stop:', '#12', '(5)', '[1080p]', '( ESPN Feed )', 'En Español', 'NATIONAL', '|',
  'NO EVENT', 'TBD', 'UFC 324', 'Press Conference:', 'ⓧ', 'Ã¸', 'ᴴᴰ', '\n', '  ', '(', ')', '[', ']', ':', '24/7',
  'Feb 29', '02:30 AM', '99:99', '12 AM', 'UEFA Champions League:', 'CEST', '(GMT)',
); // prettier-ignore

function check(name: string, now: Date, timeZone: string): void {
  const p = parseChannelName(name, { now, timeZone, families });
  expect(KINDS).toContain(p.kind);
  expect(p.name).toBe(name);
  if (p.startsAt) expect(Number.isNaN(p.startsAt.getTime())).toBe(false);
  if (p.time) expect(p.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  if (p.kind === 'other') expect(p.teams).toEqual([]);
}

describe('parseChannelName on arbitrary input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        check(name, new Date('2026-11-25T17:00:00Z'), 'America/New_York');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on names built from real fragments, at any moment and in any zone', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 12 })
          .map((parts) => parts.join(' ')),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom(
          'America/New_York',
          'Europe/London',
          'Australia/Sydney',
          'Asia/Kolkata',
          'UTC',
          'Not/AZone',
        ),
        (name, now, timeZone) => check(name, now, timeZone),
      ),
      { numRuns: 1000 },
    );
  });
});

describe('parseChannelName on absurd input', () => {
  it('reads an absurdly long name up to its first few hundred characters, and no further', () => {
    const head = 'NBA 01: Lakers vs Celtics @ 7:30 PM ET ';
    const name = `${head}${'12/12 7:30 PM @ vs '.repeat(20_000)}`;
    const options = { now: new Date('2026-11-25T17:00:00Z'), timeZone: 'America/New_York', families };
    const p = parseChannelName(name, options);
    expect(p).toMatchObject({ kind: 'event', family: 'NBA', slot: 1, time: '19:30' });
    // What lies past the first few hundred characters changes nothing: it is never read.
    const other = parseChannelName(`${name.slice(0, 1000)}Zebras vs Yaks 9:00 PM ET`, options);
    expect({ ...other, name: p.name }).toEqual(p);
  });
});
