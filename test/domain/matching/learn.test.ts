import { describe, expect, it } from 'vitest';
import { learnFamilyLeagues, type FamilyMatch } from '../../../src/domain/matching/learn.js';

const matches = (family: string, ...leagues: (string | null)[]): FamilyMatch[] =>
  leagues.map((league) => ({ family, league }));

describe('learnFamilyLeagues', () => {
  it("takes the league a family's matches agree on", () => {
    expect(learnFamilyLeagues(matches('sling', 'NHL', 'NHL', null, null))).toEqual(
      new Map([['sling', ['NHL']]]),
    );
  });

  it('keeps the few leagues of a mixed family, most matched first', () => {
    const mixed = matches('espn+', 'NCAAM', 'NHL', 'NCAAM', 'NCAAM', 'NHL', 'LALIGA', 'LALIGA', 'NCAAM');
    expect(learnFamilyLeagues(mixed).get('espn+')).toEqual(['NCAAM', 'LALIGA', 'NHL']);
  });

  it('never learns from one match, nor from a stray league among many', () => {
    expect(learnFamilyLeagues(matches('sling', 'NHL', null))).toEqual(new Map());
    const many = matches('cbb', ...Array<string>(20).fill('NCAAM'), 'NBA', 'NBA');
    expect(learnFamilyLeagues(many).get('cbb')).toEqual(['NCAAM']);
  });

  it('learns each family on its own', () => {
    const both = [...matches('a', 'NBA', 'NBA'), ...matches('b', 'EPL', 'EPL', 'EPL')];
    expect(learnFamilyLeagues(both)).toEqual(
      new Map([
        ['a', ['NBA']],
        ['b', ['EPL']],
      ]),
    );
  });
});
