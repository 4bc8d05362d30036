// Families a lineup reveals by itself: shared prefixes with distinct slot numbers, some of them carrying games.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  discoverFamilies,
  parseChannelName,
  prepareName,
  withDiscovered,
} from '../../../src/domain/channel-name/index.js';
import { defaultFamilies } from './support.js';

const families = defaultFamilies();
/** As a lineup does it: the names no listed family took. */
const discover = (names: string[]) =>
  discoverFamilies(names.map((n) => prepareName(n, families)).filter((p) => p.listed === null));

const LINEUP = [
  '[US] Sling 1 • Mavericks @ Bucks 9:00 PM',
  'US: Sling 2 - Lakers vs Celtics 7:30 PM',
  '(US) Sling 3 | ',
  'Sling 4',
  'Fubo Sports 01 Duke at UNC 7PM ET',
  'Fubo Sports 02: Kansas vs Baylor',
  'Fubo Sports 03',
  'beIN Sports 1 HD',
  'beIN Sports 2 HD',
  'beIN Sports 3 FHD',
  'beIN Sports 4',
  'Fox 4 Dallas - Fort Worth',
  'Fox 5 DC',
  'Fox 13 Seattle',
  'NBA 01: Hawks @ Wizards 7:00 PM ET',
  'NBA 02: Heat @ Knicks 7:30 PM ET',
  'NBA 03:',
];

describe('discoverFamilies', () => {
  it('finds numbered families that carry games, whatever their decorations and separators', () => {
    const found = discover(LINEUP);
    expect(found.map((f) => [f.family, f.slots])).toEqual([
      ['Sling', 4],
      ['Fubo Sports', 3],
    ]);
    expect(found[0]?.example).toBe('[US] Sling 1 • Mavericks @ Bucks 9:00 PM');
  });

  it('leaves linear brands with numbers alone, and the families already listed', () => {
    const keys = discover(LINEUP).map((f) => f.key);
    expect(keys).not.toContain('beinsports');
    expect(keys).not.toContain('fox');
    expect(keys).not.toContain('nba');
  });

  it('reveals a family whose label ends in a number of its own', () => {
    const found = discover([
      'Formula 1 01: Spanish Grand Prix - Race @ 9:00 AM ET',
      'Formula 1 02: Monaco Grand Prix @ 9:00 AM ET',
      'Formula 1 03 |',
      'F1 01: Spanish Grand Prix - Race @ 9:00 AM ET',
      'F1 02: Monaco Grand Prix @ 9:00 AM ET',
      'F1 03:',
    ]);
    expect(found.map((f) => [f.family, f.slots])).toEqual([
      ['Formula 1', 3],
      ['F1', 3],
    ]);
  });

  it('needs three slots and two games', () => {
    expect(discover(['Sling 1 • A @ B 9:00 PM', 'Sling 2 - C vs D 7:30 PM'])).toEqual([]);
    expect(discover(['Sling 1 • A @ B 9:00 PM', 'Sling 2', 'Sling 3'])).toEqual([]);
  });

  it('reads the names of a revealed family as its slots', () => {
    const all = withDiscovered(families, discover(LINEUP));
    const ctx = { now: new Date('2026-12-01T13:30:00Z'), timeZone: 'America/New_York', families: all };
    expect(parseChannelName('Sling 7 DAL @ MIL 12/01 9PM', ctx)).toMatchObject({
      kind: 'event',
      family: 'Sling',
      slot: 7,
      familySource: 'discovered',
      teams: ['DAL', 'MIL'],
    });
    expect(parseChannelName('(US) Sling 3 | ', ctx)).toMatchObject({ kind: 'placeholder', slot: 3 });
  });

  it('reveals nothing in a real 4,805-name lineup whose families are all listed', () => {
    const names = readFileSync(new URL('../../fixtures/real-playlist-names.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(discover(names)).toEqual([]);
  });
});
