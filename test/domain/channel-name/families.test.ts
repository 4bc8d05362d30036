// Channel families as data: provider patterns before defaults, bad patterns reported, and the generic rule for
// families no list names.
import { describe, expect, it } from 'vitest';
import { compileFamilies, recogniseSlot } from '../../../src/domain/channel-name/families.js';
import { recogniseGenericSlot, stripRegionPrefix } from '../../../src/domain/channel-name/generic-slot.js';
import { MAX_REGEX_INPUT } from '../../../src/domain/admin-regex.js';
import type { ChannelFamily } from '../../../src/domain/types.js';
import { defaultFamilies } from './support.js';

const defaults = defaultFamilies();
const slot = (name: string) => recogniseSlot(name, defaults);
const TAIL = '\\s*(?<slot>\\d{1,3})\\s*[:|]?\\s*(?<payload>.*)$';

describe('compileFamilies', () => {
  it('runs provider patterns before the defaults, each list by priority', () => {
    const provider: ChannelFamily[] = [
      { family: 'Low', pattern: `^NBA${TAIL}`, priority: 1 },
      { family: 'High', pattern: `^NBA${TAIL}`, priority: 9 },
    ];
    const compiled = compileFamilies(provider, [{ family: 'NBA', pattern: `^NBA${TAIL}`, priority: 100 }]);
    expect(compiled.entries.map((e) => e.family)).toEqual(['High', 'Low', 'NBA']);
    expect(recogniseSlot('NBA 07: Lakers vs Celtics', compiled)).toEqual({
      family: 'High',
      slot: 7,
      payload: 'Lakers vs Celtics',
      source: 'provider',
    });
  });

  it('runs a provider pattern on the first MAX_REGEX_INPUT characters of a name only', () => {
    const compiled = compileFamilies([{ family: 'Tail', pattern: `^.*TAIL${TAIL}`, priority: 1 }], []);
    const name = (pad: number) => `${'x'.repeat(pad)}TAIL 7`;
    expect(recogniseSlot(name(MAX_REGEX_INPUT - 10), compiled)).toMatchObject({ family: 'Tail', slot: 7 });
    expect(recogniseSlot(name(MAX_REGEX_INPUT), compiled)?.family).not.toBe('Tail');
  });

  it('skips and reports a pattern that does not compile or lacks the slot and payload groups', () => {
    const compiled = compileFamilies(
      [
        { family: 'Broken', pattern: '^NBA (?<slot>\\d+', priority: 1 },
        { family: 'NoGroups', pattern: '^NBA (\\d+)(.*)$', priority: 1 },
        { family: 'Fine', pattern: `^XYZ${TAIL}`, priority: 1 },
      ],
      [],
    );
    expect(compiled.entries.map((e) => e.family)).toEqual(['Fine']);
    expect(compiled.problems).toEqual([
      expect.objectContaining({
        source: 'provider',
        family: 'Broken',
        reason: expect.stringContaining('regex'),
      }),
      expect.objectContaining({
        source: 'provider',
        family: 'NoGroups',
        reason: expect.stringContaining('slot'),
      }),
    ]);
  });

  it('runs a pattern that backtracks exponentially elsewhere on a long adversarial name without hanging', () => {
    const compiled = compileFamilies(
      [{ family: 'SLOW', pattern: '^(?<slot>\\d+)(?<payload>(a|a)+)$', priority: 1 }],
      [],
    );
    expect(compiled.problems).toEqual([]);
    expect(recogniseSlot(`1${'a'.repeat(300)}!`, compiled)?.family).not.toBe('SLOW');
    expect(recogniseSlot(`1${'a'.repeat(300)}`, compiled)).toMatchObject({ family: 'SLOW', slot: 1 });
    // Read on its first MAX_REGEX_INPUT characters, where nothing refuses it.
    expect(recogniseSlot(`1${'a'.repeat(5000)}!`, compiled)).toMatchObject({ family: 'SLOW', slot: 1 });
  });

  it('skips and reports a pattern with a lookahead or a backreference, which the engine cannot run', () => {
    const compiled = compileFamilies(
      [
        { family: 'Ahead', pattern: '^NBA (?<slot>\\d{1,3})(?!\\d)(?<payload>.*)$', priority: 1 },
        { family: 'Again', pattern: '^(NBA) \\1 (?<slot>\\d+)(?<payload>.*)$', priority: 1 },
      ],
      [],
    );
    expect(compiled.entries).toEqual([]);
    expect(compiled.problems.map((p) => [p.family, p.reason])).toEqual([
      [
        'Ahead',
        expect.stringMatching(/^uses a lookahead \(\?!…\), which the linear-time regex engine cannot run/),
      ],
      ['Again', expect.stringMatching(/^uses a backreference \\1/)],
    ]);
  });

  it('accepts an admin pattern written in legacy regex syntax', () => {
    const compiled = compileFamilies(
      [{ family: 'Legacy', pattern: '^Legacy\\-TV (?<slot>\\d+)(?<payload>.*)$', priority: 1 }],
      [],
    );
    expect(compiled.problems).toEqual([]);
    expect(recogniseSlot('Legacy-TV 4: A vs B', compiled)).toMatchObject({ family: 'Legacy', slot: 4 });
  });

  it('recognises what each pattern matches, whatever its opening text and the case of the name', () => {
    const compiled = compileFamilies(
      [
        { family: 'Game Pass', pattern: `^NFL Game ?Pass${TAIL}`, priority: 9 },
        { family: 'Center Ice', pattern: `^NHL Cent(?:er|re) Ice${TAIL}`, priority: 9 },
        { family: 'Either', pattern: `^(?:ABC|XYZ) Live${TAIL}`, priority: 9 },
        { family: 'Optional', pattern: `^Sports?Net${TAIL}`, priority: 9 },
      ],
      [],
    );
    const family = (name: string) => recogniseSlot(name, compiled)?.family ?? null;
    expect(family('NFL GamePass 03: A vs B')).toBe('Game Pass');
    expect(family('nfl game pass 03: A vs B')).toBe('Game Pass');
    expect(family('US: NFL Game Pass 03')).toBe('Game Pass');
    expect(family('NHL Centre Ice 2: A vs B')).toBe('Center Ice');
    expect(family('xyz live 5: A vs B')).toBe('Either');
    expect(family('SportNet 7: A vs B')).toBe('Optional');
    expect(family('SportsNet 7: A vs B')).toBe('Optional');
  });

  it('compiles every default pattern without a problem', () => {
    expect(defaults.problems).toEqual([]);
    expect(defaults.entries.length).toBeGreaterThan(60);
  });
});

describe('recogniseSlot with the default families', () => {
  it.each([
    ['NBA 01: Chicago Bulls vs Charlotte Hornets', 'NBA', 1, 'Chicago Bulls vs Charlotte Hornets'],
    ['NCAAF 75 :', 'NCAAF', 75, ''],
    ['NHL 19', 'NHL', 19, ''],
    ['MILB 104', 'MiLB', 104, ''],
    ['ESPN+ 045 | Duke vs UNC', 'ESPN+', 45, 'Duke vs UNC'],
    ['PPV 3: Fury vs Usyk', 'PPV', 3, 'Fury vs Usyk'],
    ['EPL03: Arsenal v Chelsea', 'EPL', 3, 'Arsenal v Chelsea'],
    ['NFL | 16 - TBD', 'NFL', 16, 'TBD'],
    ['NFL Game Pass 02: Falcons @ Buccaneers', 'NFL Game Pass', 2, 'Falcons @ Buccaneers'],
    ['MLS NEXT PRO 02 |', 'MLS NEXT PRO', 2, ''],
    ['DAZN CA 16: MLTT', 'DAZN CA', 16, 'MLTT'],
    ['Ligue1 05: PSG vs OM', 'Ligue 1', 5, 'PSG vs OM'],
    ['USA | MLS 04: A vs B', 'MLS', 4, 'A vs B'],
    ['US (Peacock 023) | Clippers vs. Lakers', 'Peacock', 23, 'Clippers vs. Lakers'],
    ['(UK) (Sky+ 08) | NFL: A @ B', 'Sky+', 8, 'NFL: A @ B'],
    ['US - MLB GAME 02 : A @ B', 'MLB', 2, 'A @ B'],
    ['NFL\n01: Bills vs Broncos', 'NFL', 1, 'Bills vs Broncos'],
  ])('recognises %j as %s slot %i', (name, family, number, payload) => {
    expect(slot(name)).toEqual({ family, slot: number, payload, source: 'config' });
  });

  it.each([
    'NBA TV HD', 'NBA 2K League', 'UFC 24/7', 'UFC 324 - Gaethje vs. Pimblett', 'Ligue 1', 'NFL SAN FRANCISCO 49ERS',
    'NHL | Toronto Maple Leafs', 'Peacock Original 11 HD', 'Tennis Channel 2', 'TSN 1', 'Sky Sports Main Event',
  ])('sees no slot in %j', (name) => {
    expect(slot(name)).toBeNull();
  }); // prettier-ignore
});

describe('the generic rule for families no list names', () => {
  it.each([
    [
      'Channel Number 2 : Bananas @ Apples @ 01:00 PM ET',
      'Channel Number',
      2,
      'Bananas @ Apples @ 01:00 PM ET',
    ],
    ['Boxing 3 : MOSES vs HRGOVIC 4:00pm', 'Boxing', 3, 'MOSES vs HRGOVIC 4:00pm'],
    ['Fight Zone 07', 'Fight Zone', 7, ''],
    ['Fight Zone 7 :', 'Fight Zone', 7, ''],
    ['Rugby Pass 12 |', 'Rugby Pass', 12, ''],
    ['Rugby Pass 12 - All Blacks vs Springboks', 'Rugby Pass', 12, 'All Blacks vs Springboks'],
    ['Rugby Pass 04: Leinster Rugby', 'Rugby Pass', 4, 'Leinster Rugby'],
    ['Cricket Live 3 - 7:30 PM India vs Australia', 'Cricket Live', 3, '7:30 PM India vs Australia'],
    ['Game Zone 5 1PM Packers at Lions', 'Game Zone', 5, '1PM Packers at Lions'],
    ['PPV EVENT 9', 'PPV EVENT', 9, ''],
    ['Volley 08: NO EVENT', 'Volley', 8, 'NO EVENT'],
    // Zero-padded numbers are slot numbering even after a network word (teamarr: `Channel N` placeholders).
    ['Channel 04', 'Channel', 4, ''],
  ])('recognises %j', (name, family, number, payload) => {
    expect(recogniseGenericSlot(name)).toEqual({ family, slot: number, payload });
  });

  it('looks behind region prefixes and bracketed slots', () => {
    expect(stripRegionPrefix('US: Rugby Pass 12 |')).toBe('Rugby Pass 12 |');
    expect(stripRegionPrefix('USA | Rugby Pass 12 |')).toBe('Rugby Pass 12 |');
    expect(stripRegionPrefix('US - Rugby Pass 12 |')).toBe('Rugby Pass 12 |');
    expect(stripRegionPrefix('(UK) [VIP] Rugby Pass 12 |')).toBe('Rugby Pass 12 |');
    expect(stripRegionPrefix('US (Rugby Pass 023) | A vs B')).toBe('Rugby Pass 023 | A vs B');
    expect(slot('US: Rugby Pass 12 | A vs B')).toEqual({
      family: 'Rugby Pass',
      slot: 12,
      payload: 'A vs B',
      source: 'generic',
    });
    expect(slot('(UK) (Fight Zone 070) | A @ B')).toMatchObject({ family: 'Fight Zone', slot: 70 });
  });

  it.each([
    'CBS News 24/7', 'Fox 4 Dallas - Fort Worth', 'ABC 20/20', 'ESPN2', 'ESPN8: The Ocho', 'Sky Sports Main Event',
    'NBC 5 Chicago', '6 NEWS NBC - WJAC', 'Peacock Original 11 HD', 'MA | Boston | Unimas WUTF', 'US : ESPN 2',
    'US : Fox Sports 1', 'Antena 3', 'History 365', 'The First 48', 'SPECTRUM NEWS 1 - DAYTON', 'ABC 7 - WJLA',
    'OH | Cleveland | CW 55 WBNX', 'CW 55 - WBNX', 'Channel 5', 'Silent Silent S08 E09', 'Clarity 4K',
    'Fox 4: Dallas News', 'UFC 324: Main English', 'Local 12 - WKRC', 'Vevo 2010s', 'QVC2', 'US : TUDNxtra 1',
  ])('does not turn the linear channel %j into a slot', (name) => {
    expect(slot(name)).toBeNull();
  }); // prettier-ignore
});
