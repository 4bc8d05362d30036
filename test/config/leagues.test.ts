import { describe, expect, it } from 'vitest';
import {
  loadFamilyLeagueMappings,
  loadLeagues,
  parseFamilyLeagueMappings,
  parseLeagues,
} from '../../src/config/leagues.js';
import { findLeague, leaguesForFamily } from '../../src/domain/family-leagues.js';
import { problemsOf } from '../support/config.js';

const REQUIRED =
  'NFL NBA WNBA MLB NHL NCAAF NCAAM NCAAW MLS EPL LALIGA BUNDESLIGA SERIEA LIGUE1 UCL UEL LIGAMX UFC F1 PGA';

describe('the checked-in leagues file', () => {
  const leagues = loadLeagues();

  it('holds every league the matcher needs', () => {
    const keys = new Set(leagues.map((l) => l.key));
    for (const key of REQUIRED.split(' ')) expect(keys, key).toContain(key);
  });

  it('carries the TheSportsDB ids seen in real responses', () => {
    const ids = Object.fromEntries(leagues.map((l) => [l.key, l.thesportsdb?.id]));
    expect(ids).toMatchObject({
      EPL: '4328',
      BUNDESLIGA: '4331',
      SERIEA: '4332',
      LIGUE1: '4334',
      LALIGA: '4335',
      NFL: '4391',
      MLB: '4424',
      MLS: '4346',
      UCL: '4480',
      F1: '4370',
      NBA: '4387',
      NHL: '4380',
      NCAAF: '4479',
      NCAAM: '4607',
      UFC: '4443',
    });
  });

  it('titles US leagues away-at-home and soccer home-vs-away', () => {
    expect(findLeague(leagues, 'nba')?.usStyle).toBe(true);
    expect(findLeague(leagues, 'EPL')?.usStyle).toBe(false);
    for (const l of leagues.filter((x) => x.sport === 'soccer')) expect(l.usStyle, l.key).toBe(false);
  });

  it('asks ESPN for all of Division I in college basketball', () => {
    expect(findLeague(leagues, 'NCAAM')?.espnQuery).toEqual({ groups: '50', limit: '500' });
    expect(findLeague(leagues, 'NCAAW')?.espnQuery.groups).toBe('50');
    expect(findLeague(leagues, 'NBA')?.espnQuery).toEqual({});
  });
});

describe('the checked-in family mappings', () => {
  const leagues = loadLeagues();
  const mappings = loadFamilyLeagueMappings(undefined, leagues);

  it('maps league families to their league', () => {
    expect(leaguesForFamily(mappings, 'NBA')).toEqual(['NBA']);
    expect(leaguesForFamily(mappings, 'USA Real NBA')).toEqual(['NBA']);
    expect(leaguesForFamily(mappings, 'NCAAB')).toEqual(['NCAAM']);
    expect(leaguesForFamily(mappings, 'Premier League')).toEqual(['EPL']);
    expect(leaguesForFamily(mappings, 'UEFA Champions League')).toEqual(['UCL']);
  });

  it('maps a streaming service to several leagues', () => {
    expect(leaguesForFamily(mappings, 'ESPN+')).toEqual(
      expect.arrayContaining(['NCAAM', 'NCAAW', 'NCAAF', 'NHL', 'LALIGA', 'UFC']),
    );
  });

  it('maps generic event slots to any league, and unknown families to nothing', () => {
    expect(leaguesForFamily(mappings, 'PPV')).toEqual([]);
    expect(leaguesForFamily(mappings, 'live event')).toEqual([]);
    expect(leaguesForFamily(mappings, 'Curling Plus')).toBeNull();
  });

  it('ignores case and spacing in family labels', () => {
    expect(leaguesForFamily(mappings, 'espn +')).toEqual(leaguesForFamily(mappings, 'ESPN+'));
  });
});

describe('parseLeagues', () => {
  const minimal = (extra: string, sport = 'basketball') =>
    `leagues:\n  - key: NBA\n    name: NBA\n    sport: ${sport}\n${extra}`;

  it('fills defaults and reads numeric ids as strings', () => {
    const [nba] = parseLeagues(
      minimal('    thesportsdb: { id: 4387, name: NBA }\n    durationMinutes: 165\n    usStyle: true\n'),
    );
    expect(nba).toEqual({
      key: 'NBA',
      name: 'NBA',
      sport: 'basketball',
      espn: null,
      espnQuery: {},
      thesportsdb: { id: '4387', name: 'NBA' },
      durationMinutes: 165,
      usStyle: true,
      aliases: [],
    });
  });

  it('names every bad field', () => {
    const problems = problemsOf(() =>
      parseLeagues(minimal('    espn: NBA\n    durationMinutes: -5\n', 'curling'), 'x.yaml'),
    );
    const text = problems.join('\n');
    expect(text).toMatch(/x\.yaml: leagues\.0\.espn/);
    expect(text).toMatch(/leagues\.0\.durationMinutes/);
    expect(text).toMatch(/leagues\.0\.usStyle/);
    expect(text).toMatch(/leagues\.0\.sport/);
  });

  it('rejects duplicate keys', () => {
    const one = '  - { key: NBA, name: NBA, sport: basketball, durationMinutes: 1, usStyle: true }\n';
    const problems = problemsOf(() => parseLeagues(`leagues:\n${one}${one}`));
    expect(problems.join('\n')).toMatch(/leagues\.1\.key: duplicate/);
  });

  it('rejects text that is not YAML', () => {
    expect(problemsOf(() => parseLeagues('leagues: [')).join('')).toMatch(/not valid YAML/);
  });
});

describe('parseFamilyLeagueMappings', () => {
  const leagues = parseLeagues(
    'leagues:\n  - { key: NBA, name: NBA, sport: basketball, durationMinutes: 165, usStyle: true }\n',
  );

  it('rejects league keys that the leagues file does not know', () => {
    const problems = problemsOf(() =>
      parseFamilyLeagueMappings('families:\n  - { family: NBA, leagues: [NBA, XYZ] }\n', 'f.yaml', leagues),
    );
    expect(problems).toEqual(['f.yaml: families.0.leagues.1: unknown league "XYZ"']);
  });

  it('rejects a family listed twice under another spelling', () => {
    const text = 'families:\n  - { family: ESPN+, leagues: [] }\n  - { family: espn +, leagues: [NBA] }\n';
    expect(problemsOf(() => parseFamilyLeagueMappings(text)).join('')).toMatch(/families\.1\.family/);
  });
});
