import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapEspnScoreboard } from '../../src/sources/espn.js';
import { league } from '../support/config.js';

interface RawMatch {
  id: string;
  round: { displayName: string };
  competitors: { id: string; athlete?: { displayName: string } }[];
}
interface RawTennis {
  events: { groupings: { grouping: { slug: string }; competitions: RawMatch[] }[] }[];
}

const raw = JSON.parse(
  readFileSync('test/fixtures/wire/espn-tennis-atp-2025-08-31.json', 'utf8'),
) as RawTennis;

describe('the US Open on a recorded ATP scoreboard', () => {
  // ATP's answer lists the women's draws too: they are the WTA's, each match stored under one league.
  const atp = mapEspnScoreboard(raw, league('ATP'));
  const wta = mapEspnScoreboard(raw, league('WTA'));
  const events = [...atp.events, ...wta.events];
  const skipped = atp.skipped + wta.skipped;
  const byId = (id: string) => events.find((e) => e.id === `espn:189-2025:${id}`);
  const matches = raw.events[0]?.groupings.flatMap((g) => g.competitions) ?? [];
  const undecided = matches.filter((m) => m.competitors.some((c) => c.id.startsWith('-')));

  it('becomes one part per match of every draw whose two sides are known', () => {
    expect(skipped).toBe(0);
    expect(matches).toHaveLength(619);
    expect(undecided).toHaveLength(30);
    expect(events).toHaveLength(619 - 30);
    const draws = (list: typeof events) => new Set(list.map((e) => e.part?.label.split(',')[0]));
    expect(draws(atp.events)).toEqual(new Set(["Men's Singles", "Men's Doubles", 'Mixed Doubles']));
    expect(draws(wta.events)).toEqual(new Set(["Women's Singles", "Women's Doubles"]));
    expect(wta.events.every((e) => e.league === 'WTA')).toBe(true);
  });

  it('leaves out the men’s final and every other match whose players are still to be decided', () => {
    const final = matches.find((m) => m.round.displayName === 'Final' && m.id === '161412');
    expect(final?.competitors.map((c) => c.athlete?.displayName)).toEqual(['TBD', 'TBD']);
    expect(byId('161412')).toBeUndefined();
    for (const m of undecided) expect(byId(m.id)).toBeUndefined();
    expect(events.some((e) => /\bTBD\b/.test(e.title))).toBe(false);
  });

  it('reads a match to come with its players, draw and round, court and start', () => {
    expect(byId('161392')).toEqual({
      id: 'espn:189-2025:161392',
      league: 'ATP',
      sport: 'tennis',
      title: "US Open: Jannik Sinner vs Alexander Bublik (Men's Singles, Round 4)",
      startsAt: new Date('2025-09-01T23:00:00Z'),
      endsAt: null,
      part: {
        kind: 'match',
        label: "Men's Singles, Round 4",
        parentId: 'espn:189-2025',
        parentTitle: 'US Open',
      },
      status: 'pre',
      statusDetail: 'Mon, September 1st at 7:00 PM EDT',
      venue: 'Arthur Ashe Stadium',
      home: 'Jannik Sinner',
      away: 'Alexander Bublik',
      homeId: null,
      awayId: null,
      image: null,
      externalIds: { espn: '189-2025:161392' },
    });
  });

  it('keeps each match’s own state although the tournament says it is final', () => {
    expect(byId('161394')).toMatchObject({
      title: "US Open: Arthur Rinderknech vs Carlos Alcaraz (Men's Singles, Round 4)",
      status: 'post',
      startsAt: new Date('2025-08-31T17:40:00Z'),
    });
    expect(byId('161274')).toMatchObject({
      title: "US Open: Elena Rybakina vs Marketa Vondrousova (Women's Singles, Round 4)",
      status: 'in',
      venue: 'Arthur Ashe Stadium',
    });
  });

  it('names a doubles match by its pairs', () => {
    expect(byId('161443')).toMatchObject({
      title: 'US Open: Iga Swiatek / Casper Ruud vs Andrea Vavassori / Sara Errani (Mixed Doubles, Final)',
      home: 'Iga Swiatek / Casper Ruud',
      away: 'Andrea Vavassori / Sara Errani',
      status: 'post',
    });
  });

  it('lets a match not timed yet run through its day, at the tournament’s place until it has a court', () => {
    expect(byId('161382')).toMatchObject({
      title: "US Open: Jiri Lehecka vs Carlos Alcaraz (Men's Singles, Quarterfinal)",
      startsAt: new Date('2025-09-02T04:00:00Z'),
      endsAt: new Date('2025-09-03T04:00:00Z'),
      venue: 'New York, USA',
    });
  });

  it('gives every match an id of its own', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) expect(e.id).toBe(`espn:${e.externalIds.espn}`);
  });
});

describe('tournaments of odd shapes', () => {
  const tournament = (over: Record<string, unknown>) => ({
    events: [{ id: 't1', date: '2026-01-12T00:00Z', name: 'Australian Open', ...over }],
  });
  const player = (id: string, name: string, homeAway: string) => ({
    id,
    homeAway,
    athlete: { displayName: name },
  });

  it('reads a match listed as a competition, its draw from its type', () => {
    const { events } = mapEspnScoreboard(
      tournament({
        competitions: [
          {
            id: 'c1',
            date: '2026-01-31T08:30Z',
            type: { text: "Women's Singles" },
            round: { displayName: 'Final' },
            competitors: [player('2', 'Coco Gauff', 'away'), player('1', 'Aryna Sabalenka', 'home')],
          },
        ],
      }),
      league('WTA'),
    );
    expect(events).toMatchObject([
      {
        id: 'espn:t1:c1',
        title: "Australian Open: Aryna Sabalenka vs Coco Gauff (Women's Singles, Final)",
      },
    ]);
  });

  it('has no parts while every match waits for its players, and stays whole when it lists none', () => {
    const tbd = [player('-3', 'TBD', 'home'), player('-4', 'TBD', 'away')];
    const waiting = mapEspnScoreboard(
      tournament({
        groupings: [{ competitions: [{ id: 'c2', date: '2026-01-31T08:30Z', competitors: tbd }] }],
      }),
      league('WTA'),
    );
    expect(waiting).toMatchObject({ events: [], skipped: 0 });
    const bare = mapEspnScoreboard(tournament({}), league('WTA'));
    expect(bare.events).toMatchObject([{ id: 'espn:t1', title: 'Australian Open', home: null }]);
  });
});
