import { describe, expect, it } from 'vitest';
import { createLeagueLexicon } from '../../src/domain/league-names.js';
import { leagues } from '../support/config.js';

const lexicon = createLeagueLexicon(
  leagues.map((l) => ({
    key: l.key,
    sport: l.sport,
    names: [l.name, ...l.aliases, ...(l.thesportsdb ? [l.thesportsdb.name] : [])],
  })),
);

describe('the league lexicon, built from the leagues data', () => {
  it('takes a whole hint for the league it names, whatever its case and accents', () => {
    expect(lexicon.exact('UEFA Champions League')).toBe('UCL');
    expect(lexicon.exact('la liga')).toBe('LALIGA');
    expect(lexicon.exact('NCAAB')).toBe('NCAAM');
    expect(lexicon.exact('Big 12')).toBeNull();
  });

  it('finds the leagues a family label or a group title names', () => {
    expect(lexicon.within('Premier League 4')).toEqual(['EPL']);
    expect(lexicon.within('UK| PREMIER LEAGUE')).toEqual(['EPL']);
    expect(lexicon.within('LaLiga TV')).toEqual(['LALIGA']);
    expect(lexicon.within('College Basketball')).toEqual(['NCAAM']);
    expect(lexicon.within('US| NBA PASS')).toEqual(['NBA']);
    expect(lexicon.within('US| ENTERTAINMENT')).toEqual([]);
  });

  it('prefers the longest name: the Champions League is not a league called League', () => {
    expect(lexicon.within('EU| CHAMPIONS LEAGUE')).toEqual(['UCL']);
  });

  it('reads a sport word as every league of that sport, and leaves the ambiguous football alone', () => {
    expect(lexicon.within('Hockey')).toEqual(['NHL']);
    expect(lexicon.within('Soccer Extra')).toEqual(
      expect.arrayContaining(['EPL', 'LALIGA', 'UCL', 'MLS', 'BUNDESLIGA']),
    );
    expect(lexicon.within('Football Extra')).toEqual([]);
  });
});
