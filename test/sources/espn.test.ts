import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClock } from '../../src/domain/time.js';
import { UpstreamError } from '../../src/errors.js';
import {
  buildScoreboardPath,
  createEspnClient,
  mapEspnScoreboard,
  mapEspnTeams,
} from '../../src/sources/espn.js';
import { createHttpClient } from '../../src/sources/http-client.js';
import { league, leagues } from '../support/config.js';
import { loadCorpusEvents, startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';

const wire = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/wire/${name}`, 'utf8'));

interface RawNhl {
  events: {
    id: string;
    date: string;
    name: string;
    status: { type: { state: string; detail: string } };
    competitions: {
      venue: { fullName: string };
      competitors: { homeAway: string; team: { id: string } }[];
    }[];
  }[];
}

describe('mapEspnScoreboard on a recorded NHL scoreboard', () => {
  const raw = wire('espn-site-v2-scoreboard-hockey-nhl-2022-09-25.json') as RawNhl;
  const { events, teams, skipped } = mapEspnScoreboard(raw, league('NHL'));

  it('maps every event and skips none', () => {
    expect(skipped).toBe(0);
    expect(events).toHaveLength(raw.events.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('keeps the pre, in and post states and their detail', () => {
    expect(new Set(events.map((e) => e.status))).toEqual(new Set(['pre', 'in', 'post']));
    const final = events.find((e) => e.externalIds.espn === '401461562');
    expect(final).toMatchObject({ status: 'post', statusDetail: 'Final/OT' });
    const live = events.find((e) => e.status === 'in');
    expect(live?.statusDetail).toMatch(/Period/);
  });

  it('reads the start as UTC, the title, venue and both teams', () => {
    const first = events.find((e) => e.externalIds.espn === '401461562');
    expect(first).toEqual({
      id: 'espn:401461562',
      league: 'NHL',
      sport: 'hockey',
      title: 'Columbus Blue Jackets at Pittsburgh Penguins',
      startsAt: new Date('2022-09-25T17:00:00Z'),
      status: 'post',
      statusDetail: 'Final/OT',
      venue: 'PPG Paints Arena',
      home: 'Pittsburgh Penguins',
      away: 'Columbus Blue Jackets',
      homeId: '16',
      awayId: '29',
      image: null,
      externalIds: { espn: '401461562' },
    });
  });

  it('agrees with the raw answer on every event', () => {
    for (const r of raw.events) {
      const e = events.find((x) => x.externalIds.espn === r.id);
      const home = r.competitions[0]?.competitors.find((c) => c.homeAway === 'home');
      expect(e?.startsAt.getTime()).toBe(Date.parse(r.date));
      expect(e?.title).toBe(r.name);
      expect(e?.status).toBe(r.status.type.state);
      expect(e?.venue).toBe(r.competitions[0]?.venue.fullName);
      expect(e?.homeId).toBe(home?.team.id);
    }
  });

  it('collects each team once, with logo, colours and aliases', () => {
    expect(new Set(teams.map((t) => t.id)).size).toBe(teams.length);
    const pens = teams.find((t) => t.id === '16');
    expect(pens).toMatchObject({
      source: 'espn',
      league: 'NHL',
      name: 'Pittsburgh Penguins',
      shortName: 'Penguins',
      abbreviation: 'PIT',
      location: 'Pittsburgh',
      logo: 'https://a.espncdn.com/i/teamlogos/nhl/500/scoreboard/pit.png',
      color: '231f20',
      alternateColor: 'f0b128',
      espnId: '16',
    });
    expect(pens?.aliases).toEqual(expect.arrayContaining(['pittsburgh penguins', 'penguins', 'pit']));
  });
});

describe('mapEspnScoreboard on a recorded NASCAR scoreboard', () => {
  const { events } = mapEspnScoreboard(
    wire('espn-site-v2-scoreboard-racing-nascar-premier-2026.json'),
    league('NASCAR'),
  );

  it('reads the race as its one session, titled by its name, without home and away', () => {
    expect(events).toHaveLength(1);
    const race = events[0];
    expect(race).toMatchObject({
      id: 'espn:202605030054:race',
      sport: 'racing',
      title: 'NASCAR Cup Series at Texas — Race',
      part: { kind: 'session', label: 'Race', parentId: 'espn:202605030054' },
      startsAt: new Date('2026-05-03T19:30:00Z'),
      status: 'pre',
      statusDetail: 'Sun, May 3rd at 3:30 PM EDT',
      venue: null,
      home: null,
      away: null,
    });
  });
});

describe('mapEspnScoreboard on every recorded answer of an individual sport', () => {
  const answers: [string, string][] = [
    ['espn-racing-f1-2026-09-12.json', 'F1'],
    ['espn-racing-f1-2026-09-06.json', 'F1'],
    ['espn-racing-nascar-premier-2026-09-06.json', 'NASCAR'],
    ['espn-site-v2-scoreboard-racing-nascar-premier-2026.json', 'NASCAR'],
    ['espn-mma-ufc-2026-02-22.json', 'UFC'],
    ['espn-mma-ufc-2025-09-06.json', 'UFC'],
    ['espn-mma-pfl-2025-10-03.json', 'UFC'],
    ['espn-tennis-atp-2025-08-31.json', 'ATP'],
    ['espn-tennis-atp-2025-08-31.json', 'WTA'],
    ['espn-golf-pga-2026-02-22.json', 'PGA'],
    ['espn-golf-pga-2026-05-06.json', 'PGA'],
    ['espn-golf-leaderboard-2026-04-07.json', 'PGA'],
  ];
  const events = answers.flatMap(([file, key]) => mapEspnScoreboard(wire(file), league(key)).events);

  it('reads every event as its parts, each with an id of its own that is also its stored ESPN id', () => {
    expect(events.length).toBeGreaterThan(600);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) {
      expect(e.id).toBe(`espn:${e.externalIds.espn}`);
      expect(e.id.startsWith(`${e.part?.parentId}:`)).toBe(true);
    }
  });
});

describe('mapEspnScoreboard on odd answers', () => {
  const event = (over: Record<string, unknown>) => ({
    id: '1',
    date: '2026-11-25T23:00Z',
    name: 'UFC 324: Gaethje vs. Pimblett',
    competitions: [
      {
        competitors: [
          { id: 'a', type: 'athlete', homeAway: 'home', athlete: { displayName: 'Justin Gaethje' } },
          { id: 'b', type: 'athlete', homeAway: 'away', athlete: { displayName: 'Paddy Pimblett' } },
        ],
      },
    ],
    ...over,
  });

  it('reads a lone bout as the card’s main card, at the card’s start, with its fighters and no teams', () => {
    const { events, teams } = mapEspnScoreboard({ events: [event({})] }, league('UFC'));
    expect(events).toMatchObject([
      {
        id: 'espn:1:main-card',
        title: 'UFC 324: Main Card',
        startsAt: new Date('2026-11-25T23:00:00Z'),
        home: 'Justin Gaethje',
        away: 'Paddy Pimblett',
        homeId: null,
        sport: 'mma',
      },
    ]);
    expect(teams).toEqual([]);
  });

  it('keeps a card whose bouts name no fighter whole, without home and away', () => {
    const { events } = mapEspnScoreboard({ events: [event({ competitions: [{}] })] }, league('UFC'));
    expect(events).toMatchObject([{ id: 'espn:1', title: 'UFC 324: Gaethje vs. Pimblett', home: null }]);
  });

  it('skips events without an id or a readable start and keeps the rest', () => {
    const answer = { events: [event({ id: undefined }), event({ date: 'soon' }), event({ id: 7 }), 'junk'] };
    const { events, skipped } = mapEspnScoreboard(answer, league('UFC'));
    expect(events.map((e) => e.id)).toEqual(['espn:7:main-card']);
    expect(skipped).toBe(3);
  });

  it('reads a missing or null event list as no events', () => {
    expect(mapEspnScoreboard({ leagues: [] }, league('NBA')).events).toEqual([]);
    expect(mapEspnScoreboard({ events: null }, league('NBA')).events).toEqual([]);
  });

  it('turns an answer that is not a scoreboard into a bad-body UpstreamError', () => {
    for (const bad of [null, 'html', [1, 2], { events: 'none' }]) {
      const fn = () => mapEspnScoreboard(bad, league('NBA'));
      expect(fn).toThrow(UpstreamError);
      expect(fn).toThrow(expect.objectContaining({ source: 'espn', reason: 'bad-body' }));
    }
  });

  it('reads a teams answer and rejects one of another shape', () => {
    const teams = mapEspnTeams(
      {
        sports: [
          {
            leagues: [
              {
                teams: [
                  { team: { id: '13', displayName: 'Los Angeles Lakers', logos: [{ href: 'x.png' }] } },
                  { team: {} },
                ],
              },
            ],
          },
        ],
      },
      league('NBA'),
    );
    expect(teams).toMatchObject([{ id: '13', name: 'Los Angeles Lakers', logo: 'x.png' }]);
    expect(() => mapEspnTeams({ teams: [] }, league('NBA'))).toThrow(UpstreamError);
  });
});

describe('buildScoreboardPath', () => {
  it('asks for one day, a high limit, and no groups outside college basketball', () => {
    expect(buildScoreboardPath(league('NBA'), '2026-11-25')).toBe(
      '/apis/site/v2/sports/basketball/nba/scoreboard?dates=20261125&limit=1000',
    );
  });

  it('asks for all of Division I in college basketball', () => {
    const path = buildScoreboardPath(league('NCAAM'), { from: '2026-11-24', to: '2026-11-26' }) ?? '';
    const q = new URL(path, 'http://x').searchParams;
    expect(q.get('dates')).toBe('20261124-20261126');
    expect(q.get('groups')).toBe('50');
    expect(q.get('limit')).toBe('500');
  });

  it('has nothing to ask for a league ESPN does not carry', () => {
    expect(buildScoreboardPath({ ...league('NBA'), espn: null }, '2026-11-25')).toBeNull();
  });

  it('refuses a date that is not one', () => {
    expect(() => buildScoreboardPath(league('NBA'), '25/11/2026')).toThrow(TypeError);
  });
});

describe('the ESPN client against the fake', () => {
  const corpus = loadCorpusEvents();
  let fake: FakeSportsApi;
  const easternDay = (iso: string) => wallClock(new Date(iso), 'America/New_York').ymd;
  const expected = (key: string, day: string) =>
    corpus.filter((e) => e.league === key && easternDay(e.startUtc) === day).map((e) => `espn:${e.id}`);

  beforeAll(async () => {
    fake = await startFakeSportsApi({ events: corpus, leagues, now: new Date('2026-11-26T01:00:00Z') });
  });
  afterAll(() => fake.close());

  const client = () =>
    createEspnClient({ http: createHttpClient({ source: 'espn', baseUrl: fake.url, retries: 0 }) });

  it('reads a day of NBA games: the US Eastern day, with live status', async () => {
    const { events, teams } = await client().scoreboard(league('NBA'), '2026-11-25');
    const want = expected('NBA', '2026-11-25');
    expect(want.length).toBeGreaterThan(0);
    expect(events.map((e) => e.id).sort()).toEqual([...want].sort());
    expect(teams.length).toBe(events.length * 2);
    for (const e of events) {
      const end = e.startsAt.getTime() + 150 * 60_000;
      const now = Date.parse('2026-11-26T01:00:00Z');
      expect(e.status).toBe(now < e.startsAt.getTime() ? 'pre' : now < end ? 'in' : 'post');
      expect(e.home).not.toBeNull();
    }
  });

  it('gets unranked college basketball games too, thanks to groups=50', async () => {
    const { events } = await client().scoreboard(league('NCAAM'), '2026-11-25');
    expect(events.map((e) => e.id).sort()).toEqual(expected('NCAAM', '2026-11-25').sort());
    const withoutGroups = (await fetch(
      `${fake.url}/apis/site/v2/sports/basketball/mens-college-basketball/scoreboard?dates=20261125`,
    ).then((r) => r.json())) as { events: unknown[] };
    expect(withoutGroups.events.length).toBeGreaterThan(0);
    expect(withoutGroups.events.length).toBeLessThan(events.length);
  });

  it('reads a range of days', async () => {
    const { events } = await client().scoreboard(league('NHL'), { from: '2026-11-24', to: '2026-11-26' });
    expect(events).toHaveLength(corpus.filter((e) => e.league === 'NHL').length);
  });

  it('reads a fight card without teams', async () => {
    const card = corpus.find((e) => e.card);
    if (!card) throw new Error('corpus has no card');
    const { events } = await client().scoreboard(league('UFC'), easternDay(card.startUtc));
    expect(events).toMatchObject([{ id: `espn:${card.id}`, title: card.name, home: null, away: null }]);
  });

  it('lists a league’s teams with aliases', async () => {
    const teams = await client().teams(league('NBA'));
    const lakers = teams.find((t) => t.name === 'Los Angeles Lakers');
    expect(lakers?.aliases).toEqual(expect.arrayContaining(['los angeles lakers', 'lakers', 'lal']));
    expect(lakers?.logo).toMatch(/^https:/);
  });

  it('passes upstream failures on as UpstreamError', async () => {
    fake.setFaults({ failRate: 1 });
    try {
      await expect(client().scoreboard(league('NBA'), '2026-11-25')).rejects.toBeInstanceOf(UpstreamError);
    } finally {
      fake.setFaults({});
    }
  });
});
