// guideChannels: each guide channel's league, sport and event, and where an unmatched time without a date lands.
// The clock is fixed; the leagues are made up so their lengths straddle the default three hours still on.
import { describe, expect, it } from 'vitest';
import { parseLeagues } from '../../../src/config/leagues.js';
import type { SportEvent } from '../../../src/domain/types.js';
import type { MatchOutcome, UnderstoodChannel } from '../../../src/services/guides/guide-contracts.js';
import { guideChannels } from '../../../src/services/guides/guide-stages.js';
import { parsedChannel } from '../../support/parsed-channel.js';
import { playlistEntry } from '../../support/playlist-entry.js';

const LEAGUES = parseLeagues(`
leagues:
  - { key: LONG, name: Long League, sport: american-football, durationMinutes: 240, usStyle: true }
  - { key: SHORT, name: Short League, sport: soccer, durationMinutes: 90, usStyle: false }
`);

// 22:00 on Tuesday 1 December 2026 in New York.
const NOW = new Date('2026-12-02T03:00:00Z');
const NY = 'America/New_York';
/** 20:00 in New York, two hours before NOW: on 1 December, and on 2 December. */
const EIGHT_PM = { today: new Date('2026-12-02T01:00:00Z'), tomorrow: new Date('2026-12-03T01:00:00Z') };
/** 18:40 in New York, three hours and twenty minutes before NOW. */
const SIX_FORTY_PM = { today: new Date('2026-12-01T23:40:00Z'), tomorrow: new Date('2026-12-02T23:40:00Z') };

/**
 * An event channel of a family mapped to `leagues` whose name gives a time without a date; `startsAt` is what
 * reading the name chose, which the events may overrule.
 */
function channel(
  time: string,
  leagues: string[] | null,
  over: Partial<UnderstoodChannel['parsed']> = {},
): UnderstoodChannel {
  const name = `SPORTS 01: Away @ Home ${time}`;
  return {
    entry: playlistEntry({ name }),
    parsed: parsedChannel({
      name,
      family: 'SPORTS',
      time,
      timeZone: NY,
      timeOnly: true,
      // Yesterday's occurrence: never what placing by a league gives at NOW.
      startsAt: new Date(`2026-11-30T${time}:00-05:00`),
      ...over,
    }),
    channelId: `sports-01.acme`,
    leagues: leagues && { leagues, source: 'config' },
  };
}

function event(league: string, startsAt: Date): SportEvent {
  return {
    id: `${league}-1`,
    league,
    sport: league === 'SHORT' ? 'soccer' : 'american-football',
    title: 'Away at Home',
    startsAt,
    status: 'pre',
    statusDetail: null,
    venue: null,
    home: 'Home',
    away: 'Away',
    image: null,
    externalIds: {},
  };
}

function one(c: UnderstoodChannel, outcome?: MatchOutcome) {
  const outcomes = new Map(outcome ? [[c, outcome]] : []);
  const [g] = guideChannels([c], outcomes, LEAGUES, NOW);
  return g!;
}

describe('guideChannels: an unmatched time without a date', () => {
  it("stays on today's date while its league's length says the event may still be on", () => {
    const g = one(channel('20:00', ['LONG']));
    expect(g.parsed.startsAt).toEqual(EIGHT_PM.today);
    expect(g).toMatchObject({
      league: 'LONG',
      sport: 'american-football',
      durationMinutes: 240,
      event: null,
    });
  });

  it('moves to tomorrow once a short league would have ended, though three hours have not passed', () => {
    const g = one(channel('20:00', ['SHORT']));
    expect(g.parsed.startsAt).toEqual(EIGHT_PM.tomorrow);
    expect(g).toMatchObject({ league: 'SHORT', sport: 'soccer', durationMinutes: 90 });
  });

  it('stays today past three hours when a long league may still be on', () => {
    expect(one(channel('18:40', ['LONG'])).parsed.startsAt).toEqual(SIX_FORTY_PM.today);
  });

  it('is placed by the default three hours without a league', () => {
    expect(one(channel('20:00', null)).parsed.startsAt).toEqual(EIGHT_PM.today);
    const g = one(channel('18:40', null));
    expect(g.parsed.startsAt).toEqual(SIX_FORTY_PM.tomorrow);
    expect(g.league).toBeNull();
    expect(g.durationMinutes).toBeUndefined();
  });

  it("uses the family's league only when it is mapped to one league", () => {
    for (const leagues of [
      ['LONG', 'SHORT'],
      ['SHORT', 'LONG'],
    ]) {
      const g = one(channel('18:40', leagues));
      expect([leagues, g.parsed.startsAt]).toEqual([leagues, SIX_FORTY_PM.tomorrow]);
      expect([leagues, g.league, g.durationMinutes]).toEqual([leagues, null, undefined]);
    }
    expect(one(channel('20:00', ['SHORT', 'LONG'])).parsed.startsAt).toEqual(EIGHT_PM.today);
  });

  it("keeps the other fields of the name's reading", () => {
    const c = channel('20:00', ['SHORT']);
    expect(one(c).parsed).toEqual({ ...c.parsed, startsAt: EIGHT_PM.tomorrow });
  });

  it('is placed the same when matching found a candidate but did not match it', () => {
    const c = channel('20:00', ['LONG']);
    const g = one(c, { status: 'unmatched', event: event('SHORT', EIGHT_PM.tomorrow), why: 'too unsure' });
    expect(g.parsed.startsAt).toEqual(EIGHT_PM.today);
    expect(g).toMatchObject({ event: null, league: 'LONG', durationMinutes: 240 });
  });
});

describe('guideChannels: what the name placing leaves alone', () => {
  it("keeps a matched channel's reading, and takes league, sport and length from the event's league", () => {
    const c = channel('20:00', ['LONG']);
    const matched = event('SHORT', new Date('2026-12-01T01:00:00Z'));
    const g = one(c, { status: 'matched', event: matched, why: 'teams' });
    expect(g.parsed).toBe(c.parsed);
    expect(g).toMatchObject({ event: matched, league: 'SHORT', sport: 'soccer', durationMinutes: 90 });
  });

  it("keeps a dated name's start", () => {
    const c = channel('20:00', ['SHORT'], {
      date: '2026-12-01',
      timeOnly: false,
      startsAt: EIGHT_PM.today,
    });
    expect(one(c).parsed).toBe(c.parsed);
    const yesterday = channel('20:00', ['LONG'], { date: '2026-11-30', timeOnly: false });
    expect(one(yesterday).parsed).toBe(yesterday.parsed);
  });

  it('keeps a name without a time', () => {
    const c = channel('20:00', ['SHORT'], { time: null, timeZone: null, timeOnly: false, startsAt: null });
    expect(one(c).parsed).toBe(c.parsed);
  });
});
