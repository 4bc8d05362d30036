import { describe, expect, it } from 'vitest';
import {
  createCandidateIndex,
  type CandidateIndex,
  type IndexedTeam,
} from '../../../src/domain/matching/candidate-index.js';
import { scoreTeam, writtenTeam, type TeamHit } from '../../../src/domain/matching/team-scores.js';
import { normalizeTeamName } from '../../../src/domain/matching/team-names.js';
import { club, game, school, team } from './helpers.js';

const lakers = team('Los Angeles', 'Lakers', 'LAL');
const celtics = team('Boston', 'Celtics', 'BOS');
const kings = team('Los Angeles', 'Kings', 'LA');
const bruins = team('Boston', 'Bruins', 'BOS');
const sacramento = team('Sacramento', 'Kings', 'SAC');
const blazers = team('Portland', 'Trail Blazers', 'POR');
const spurs = team('San Antonio', 'Spurs', 'SA', ['SAS']);
const heat = team('Miami', 'Heat', 'MIA');

const AT = '2026-11-26T00:30:00Z';

function indexOf(...pairs: [ReturnType<typeof team>, ReturnType<typeof team>][]): CandidateIndex {
  return createCandidateIndex(pairs.map(([away, home], i) => game(`g${i}`, 'NBA', away, home, AT)));
}

function teamNamed(index: CandidateIndex, displayName: string): IndexedTeam {
  for (const e of index.entries) {
    for (const t of [e.home, e.away])
      if (t && t.aliases[0]?.text === normalizeTeamName(displayName)) return t;
  }
  throw new Error(`no team ${displayName}`);
}

function hit(index: CandidateIndex, written: string, displayName: string): TeamHit {
  return scoreTeam(writtenTeam(written), teamNamed(index, displayName), index);
}

describe('scoreTeam', () => {
  const nba = indexOf([lakers, celtics], [spurs, heat], [sacramento, blazers]);

  it('takes the full name and the nickname of a pro team as sure', () => {
    expect(hit(nba, 'Los Angeles Lakers', 'Los Angeles Lakers')).toMatchObject({
      score: 1,
      kind: 'full',
      strong: true,
    });
    expect(hit(nba, 'Lakers', 'Los Angeles Lakers')).toMatchObject({
      score: 1,
      kind: 'nickname',
      strong: true,
    });
  });

  it('takes a city or a code alone as a weaker hit that cannot decide on its own', () => {
    const city = hit(nba, 'Boston', 'Boston Celtics');
    expect(city.kind).toBe('place');
    expect(city.strong).toBe(false);
    expect(city.score).toBeLessThan(1);
    expect(hit(nba, 'LAL', 'Los Angeles Lakers')).toMatchObject({ kind: 'abbreviation', strong: false });
  });

  it('reads a college school name as sure and its mascot as weak', () => {
    const ncaa = createCandidateIndex([
      game('c1', 'NCAAM', school('Duke', 'Blue Devils', 'DUKE'), school('Kansas', 'Jayhawks', 'KU'), AT),
    ]);
    expect(hit(ncaa, 'Duke', 'Duke Blue Devils')).toMatchObject({ kind: 'place', strong: true });
    const mascot = hit(ncaa, 'Jayhawks', 'Kansas Jayhawks');
    expect(mascot.strong).toBe(false);
    expect(mascot.score).toBeLessThan(0.8);
  });

  it('marks an alias that two teams of the set share as shared, never strong', () => {
    const mixed = createCandidateIndex([
      game('a', 'NBA', lakers, celtics, AT),
      game('b', 'NHL', kings, bruins, AT),
      game('c', 'NBA', sacramento, blazers, AT),
    ]);
    expect(hit(mixed, 'Los Angeles', 'Los Angeles Lakers')).toMatchObject({ kind: 'shared', strong: false });
    expect(hit(mixed, 'Kings', 'Sacramento Kings')).toMatchObject({ kind: 'shared', strong: false });
    expect(hit(mixed, 'Kings', 'Sacramento Kings').score).toBeLessThan(0.6);
  });

  it('pins a team down with a code or a city before a shared nickname', () => {
    const mixed = createCandidateIndex([
      game('b', 'NHL', kings, bruins, AT),
      game('c', 'NBA', sacramento, blazers, AT),
    ]);
    expect(hit(mixed, 'LA Kings', 'Los Angeles Kings')).toMatchObject({ kind: 'compound', strong: true });
    expect(hit(mixed, 'LA Kings', 'Sacramento Kings').kind).toBe('none');
    expect(hit(nba, 'SAS Spurs', 'San Antonio Spurs')).toMatchObject({ kind: 'compound', strong: true });
    expect(hit(nba, 'MIA Heat', 'Miami Heat').score).toBeGreaterThan(0.9);
  });

  it('reads a shortened word as the start of the team word', () => {
    const epl = createCandidateIndex([
      game('e', 'EPL', club('Manchester United', 'MAN'), club('Manchester City', 'MNC'), AT),
    ]);
    expect(hit(epl, 'Man United', 'Manchester United')).toMatchObject({ kind: 'compound', strong: true });
    expect(hit(epl, 'Man Utd', 'Manchester United').strong).toBe(true);
    expect(hit(epl, 'Man United', 'Manchester City').kind).toBe('none');
  });

  it('gives part of a name a partial score that is not sure on its own', () => {
    const partial = hit(nba, 'Blazers', 'Portland Trail Blazers');
    expect(partial.kind).toBe('partial');
    expect(partial.strong).toBe(false);
    expect(partial.score).toBeGreaterThan(0.5);
    expect(partial.score).toBeLessThan(0.8);
  });

  it('finds nothing when a written word belongs to another club', () => {
    expect(hit(nba, 'Boston College', 'Boston Celtics').kind).toBe('none');
    const ncaa = createCandidateIndex([
      game('t', 'NCAAM', school('Tennessee', 'Volunteers', 'TENN'), school('LSU', 'Tigers', 'LSU'), AT),
    ]);
    expect(hit(ncaa, 'Auburn Tigers', 'LSU Tigers').kind).toBe('none');
    const laLiga = createCandidateIndex([
      game('r', 'LALIGA', club('Real Madrid', 'RMA'), club('Real Sociedad', 'RSO'), AT),
    ]);
    expect(hit(laLiga, 'Real Madrid', 'Real Sociedad').kind).toBe('none');
  });

  it('does not let a name that is another team of the set reach this one partly', () => {
    const ncaa = createCandidateIndex([
      game(
        'm1',
        'NCAAM',
        school('Michigan', 'Wolverines', 'MICH'),
        school('Purdue', 'Boilermakers', 'PUR'),
        AT,
      ),
      game(
        'm2',
        'NCAAM',
        school('Michigan State', 'Spartans', 'MSU'),
        school('Kentucky', 'Wildcats', 'UK'),
        AT,
      ),
    ]);
    expect(hit(ncaa, 'Michigan', 'Michigan State Spartans').kind).toBe('none');
    expect(hit(ncaa, 'Michigan', 'Michigan Wolverines').strong).toBe(true);
    expect(hit(ncaa, 'Michigan State', 'Michigan Wolverines').kind).toBe('none');
  });

  it('reads accents, St. and & the way the sources write them', () => {
    const mixed = createCandidateIndex([
      game('x', 'NHL', team('St. Louis', 'Blues', 'STL'), team('Montréal', 'Canadiens', 'MTL'), AT),
      game('y', 'EPL', club('Brighton & Hove Albion', 'BHA'), club('Atlético Madrid', 'ATM'), AT),
    ]);
    expect(hit(mixed, 'Saint Louis Blues', 'St. Louis Blues').kind).toBe('full');
    expect(hit(mixed, 'Montreal Canadiens', 'Montréal Canadiens').kind).toBe('full');
    expect(hit(mixed, 'Brighton and Hove Albion', 'Brighton & Hove Albion').kind).toBe('full');
    expect(hit(mixed, 'Atletico Madrid', 'Atlético Madrid').kind).toBe('full');
  });
});
