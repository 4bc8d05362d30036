// The real lineup of one provider (4,805 display names, EG-M): news, FAST, locals, movies and numbered event
// slots mixed as providers ship them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { compileAdminRegex } from '../../../src/domain/admin-regex.js';
import { parseChannelName } from '../../../src/domain/channel-name/parse.js';
import type { ParsedChannel } from '../../../src/domain/types.js';
import { defaultFamilies, FAMILIES_FILE } from './support.js';

const names = readFileSync(new URL('../../fixtures/real-playlist-names.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((n) => n.length > 0);
// Mid-October 2025, when the lineup was captured (its MLS and WNBA slots are dated 10 and 18 Oct).
const ctx = {
  now: new Date('2025-10-18T16:00:00Z'),
  timeZone: 'America/New_York',
  families: defaultFamilies(),
};
const parsed = new Map<string, ParsedChannel>(names.map((n) => [n, parseChannelName(n, ctx)]));
const parse = (name: string): ParsedChannel => {
  const p = parsed.get(name);
  if (!p) throw new Error(`not in the lineup: ${name}`);
  return p;
};

// Numbered slots of the event families in this lineup, written out independently of the YAML.
const EVENT_SLOT =
  /^(?:NBA|WNBA|NHL|NFL|NCAAF|MLB|MiLB|MLS|MLS NEXT PRO|ESPN\+|Paramount\+|Prime US|PPV)\s*\d{1,3}\b/i;

describe('parseChannelName on a real 4,805-name lineup', () => {
  it('reads every name, finding 171 events and 418 empty slots among 4,805 names', () => {
    expect(names).toHaveLength(4805);
    const counts = { event: 0, placeholder: 0, other: 0 };
    for (const name of names) counts[parse(name).kind]++;
    expect(counts).toEqual({ event: 171, placeholder: 418, other: 4216 });
  });

  it('reads every numbered slot of an event family as an event or a placeholder', () => {
    const slots = names.filter((n) => EVENT_SLOT.test(n));
    expect(slots.length).toBeGreaterThan(550);
    for (const name of slots) {
      const p = parse(name);
      expect([name, p.kind]).not.toEqual([name, 'other']);
      expect(p.slot).not.toBeNull();
    }
  });

  it('reads every name a default family pattern matches as an event or a placeholder', () => {
    const patterns = loadDefaultFamilies(FAMILIES_FILE).map((f) => compileAdminRegex(f.pattern).regex!);
    for (const name of names) {
      const oneLine = name.replace(/\s+/g, ' ').trim();
      if (!patterns.some((re) => re.test(oneLine))) continue;
      expect([name, parse(name).kind]).not.toEqual([name, 'other']);
    }
  });

  it('finds events only in numbered slots: nothing linear is taken for a game', () => {
    for (const [name, p] of parsed) {
      if (p.kind !== 'other') expect([name, p.family]).not.toEqual([name, null]);
    }
  });

  it.each([
    'CBS News 24/7', 'Fox 4 Dallas - Fort Worth', 'ABC 20/20', 'Crime 24/7', 'UFC 24/7', 'UFC', 'ESPN8: The Ocho',
    'US : ESPN 2', 'US: ESPN 2 FHD', 'US : Fox Sports 1', 'US : BeIN Sports 4', 'US : TUDNxtra 1', 'Spectrum XCast 1',
    'SPECTRUM NEWS 1 - DAYTON', '[Stirr] ABC 7 - WJLA - (Washington DC*)', '[Stirr] 6 NEWS NBC - WJAC - (Johnstown, PA*)',
    'MA | Boston | Unimas  WUTF', 'OH | Cleveland | CW 55 WBNX', 'Amazon US: NBC 5 Chicago News', 'TN | Memphis | NBC 5 WMC',
    'History 365', 'The First 48', '21 Jump Street', 'Hunter x Hunter', 'BET x Tyler Perry Comedy',
    "[Xumo] It's Showtime at the Apollo", 'USA MY WPWR 50 - CHICAGO', 'The Long Walk - 2025', 'NFL SAN FRANCISCO 49ERS',
    'US: VIX PREMIUM DEPORTES 3 FHD', 'Clarity 4K', '[Xumo] Boston 25', 'NHL Network HD', 'NEWSMAX2', 'Antena 3',
  ])('keeps the linear channel %s as other', (name) => {
    const p = parse(name);
    expect(p.kind).toBe('other');
    expect(p.slot).toBeNull();
    expect(p.startsAt).toBeNull();
  }); // prettier-ignore

  it.each([
    [
      'NHL 01: Minnesota Wild  vs  New Jersey Devils @ 07:00 PM ET',
      '19:00',
      ['Minnesota Wild', 'New Jersey Devils'],
    ],
    [
      'NCAAF 02 : Missouri State at New Mexico State @ 09:00 PM ET',
      '21:00',
      ['Missouri State', 'New Mexico State'],
    ],
    [
      'NBA 09: Utah Jazz vs Los Angeles Clippers @ 09:00 PM ET',
      '21:00',
      ['Utah Jazz', 'Los Angeles Clippers'],
    ],
    [
      'MiLB 71: Hillsboro Hops at Vancouver Canadians @ 29 May 10:05 PM ET',
      '22:05',
      ['Hillsboro Hops', 'Vancouver Canadians'],
    ],
  ])('reads the slot time of %s in New York time', (name, time, teams) => {
    const p = parse(name);
    expect(p).toMatchObject({ kind: 'event', time, timeZone: 'America/New_York', teams });
    const local = p.startsAt?.toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour12: false });
    expect(local?.slice(0, 5)).toBe(time);
  });

  it('reads the slot numbers of both MiLB spellings into one family', () => {
    expect(parse('MiLB 04:')).toMatchObject({ kind: 'placeholder', family: 'MiLB', slot: 4 });
    expect(parse('MILB 73')).toMatchObject({ kind: 'placeholder', family: 'MiLB', slot: 73 });
  });

  it('reads the studio shows of event slots as titled events', () => {
    expect(parse('MLS 37 | MLS Wrap-Up (English) 18 Oct 11:40PM ET')).toMatchObject({
      kind: 'event',
      teams: [],
      title: 'MLS Wrap-Up',
      date: '2025-10-18',
      flags: { language: ['en'] },
    });
    expect(parse('Paramount+ 03: Midday Rundown @ 22 Oct 12:00 PM ET')).toMatchObject({
      kind: 'event',
      teams: [],
    });
  });
});
