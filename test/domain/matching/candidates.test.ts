import { describe, expect, it } from 'vitest';
import { parseFamilyLeagueMappings } from '../../../src/config/leagues.js';
import { familyLeaguesLookup } from '../../../src/domain/family-leagues.js';
import {
  admitsLeague,
  candidateQuery,
  inWindow,
  type CandidateQueryContext,
} from '../../../src/domain/matching/candidates.js';
import { channel } from './helpers.js';

const mappings = parseFamilyLeagueMappings(`
families:
  - { family: NBA, leagues: [NBA] }
  - { family: ESPN+, leagues: [NCAAM, LALIGA, UFC] }
  - { family: PPV, leagues: [] }
`);
const ZONE = 'America/New_York';
const NOW = new Date('2026-11-25T17:00:00Z');
const ctx: CandidateQueryContext = {
  leaguesForFamily: familyLeaguesLookup(mappings),
  now: NOW,
  timeZone: ZONE,
};
const hints: Record<string, string> = { NFL: 'NFL', 'UEFA Champions League': 'UCL' };
const withHints: CandidateQueryContext = { ...ctx, leagueForHint: (h) => hints[h] ?? null };

describe('candidateQuery leagues', () => {
  it('takes the leagues of a mapped family, whatever its case and spacing', () => {
    expect(candidateQuery(channel({ family: 'NBA' }), ctx).leagues).toEqual(['NBA']);
    expect(candidateQuery(channel({ family: 'espn +' }), ctx).leagues).toEqual(['NCAAM', 'LALIGA', 'UFC']);
  });

  it('searches any league for a generic, unmapped or missing family', () => {
    expect(candidateQuery(channel({ family: 'PPV' }), ctx).leagues).toBe('any');
    expect(candidateQuery(channel({ family: 'Fubo Sports Network' }), ctx).leagues).toBe('any');
    expect(candidateQuery(channel({ family: null, slot: null }), ctx).leagues).toBe('any');
  });

  it('narrows a generic slot to the league its name names, and widens a mapped one', () => {
    expect(candidateQuery(channel({ family: 'PPV', leagueHints: ['NFL'] }), withHints).leagues).toEqual([
      'NFL',
    ]);
    expect(candidateQuery(channel({ family: 'PPV', leagueHints: ['Big 12'] }), withHints).leagues).toBe(
      'any',
    );
    const espn = candidateQuery(
      channel({ family: 'ESPN+', leagueHints: ['UEFA Champions League'] }),
      withHints,
    );
    expect(espn.leagues).toEqual(['UCL', 'NCAAM', 'LALIGA', 'UFC']);
  });

  it('admits a league when listed, or any when the query is open', () => {
    const nba = candidateQuery(channel({ family: 'NBA' }), ctx);
    expect(admitsLeague(nba, 'NBA')).toBe(true);
    expect(admitsLeague(nba, 'NHL')).toBe(false);
    expect(admitsLeague(candidateQuery(channel({ family: 'PPV' }), ctx), 'NHL')).toBe(true);
  });
});

describe('candidateQuery window', () => {
  it('reaches 90 minutes either side of a time, both ends included', () => {
    const q = candidateQuery(channel({ at: '2026-11-26T00:30:00Z' }), ctx);
    expect(q.basis).toBe('time');
    expect(inWindow(q, new Date('2026-11-25T23:00:00Z'))).toBe(true);
    expect(inWindow(q, new Date('2026-11-26T02:00:00Z'))).toBe(true);
    expect(inWindow(q, new Date('2026-11-26T02:01:00Z'))).toBe(false);
    expect(inWindow(q, new Date('2026-11-25T22:59:00Z'))).toBe(false);
  });

  it('honours a narrower time reach', () => {
    const q = candidateQuery(channel({ at: '2026-11-26T00:30:00Z' }), { ...ctx, maxTimeDeltaMinutes: 30 });
    expect(inWindow(q, new Date('2026-11-26T01:15:00Z'))).toBe(false);
  });

  it('takes the named date as a day in the provider zone, a few hours of slack each side', () => {
    const q = candidateQuery(channel({ date: '2026-11-27' }), ctx);
    expect(q.basis).toBe('date');
    // 2026-11-27 00:00 in New York is 05:00Z.
    expect(inWindow(q, new Date('2026-11-27T05:00:00Z'))).toBe(true);
    // A 10:30 PM Pacific game on the 27th starts 06:30Z on the 28th.
    expect(inWindow(q, new Date('2026-11-28T06:30:00Z'))).toBe(true);
    expect(inWindow(q, new Date('2026-11-26T17:00:00Z'))).toBe(false);
    expect(inWindow(q, new Date('2026-11-28T17:00:00Z'))).toBe(false);
  });

  it('reads a date across a DST change by the zone, not a fixed offset', () => {
    const q = candidateQuery(channel({ date: '2026-03-08' }), {
      ...ctx,
      now: new Date('2026-03-08T12:00:00Z'),
    });
    // Midnight EST (-5) opens the day; the next midnight is EDT (-4).
    expect(q.fromUtc.toISOString()).toBe('2026-03-08T02:00:00.000Z');
    expect(q.toUtc.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it('searches the provider day when the name has neither time nor date', () => {
    const q = candidateQuery(channel({}), ctx);
    expect(q.basis).toBe('today');
    expect(inWindow(q, new Date('2026-11-25T16:30:00Z'))).toBe(true);
    expect(inWindow(q, new Date('2026-11-26T04:30:00Z'))).toBe(true);
    expect(inWindow(q, new Date('2026-11-24T23:00:00Z'))).toBe(false);
    expect(inWindow(q, new Date('2026-11-26T18:00:00Z'))).toBe(false);
  });

  it('keeps last night late game in the day searched just after midnight', () => {
    const q = candidateQuery(channel({}), { ...ctx, now: new Date('2026-11-26T06:00:00Z') });
    // 01:00 in New York; the 10 PM game of the evening before started three hours ago.
    expect(inWindow(q, new Date('2026-11-26T03:00:00Z'))).toBe(true);
  });
});
