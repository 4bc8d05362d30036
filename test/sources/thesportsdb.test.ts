import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { wallClock } from '../../src/domain/time.js';
import { UpstreamError } from '../../src/errors.js';
import { createHttpClient } from '../../src/sources/http-client.js';
import {
  createTheSportsDbClient,
  mapTsdbEvents,
  mapTsdbTeams,
  parseTsdbStart,
} from '../../src/sources/thesportsdb.js';
import {
  loadCorpusEvents,
  startFakeSportsApi,
  type CorpusEvent,
  type FakeSportsApi,
} from '../support/fake-sports-api.js';
import { league, leagues } from '../support/config.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const wireText = (name: string) => readFileSync(`test/fixtures/wire/${name}`, 'utf8');
const wire = (name: string): unknown => JSON.parse(wireText(name));

describe('mapTsdbEvents on recorded answers', () => {
  it('reads an eventsnextleague row: UTC start, home-vs-away title for soccer, status, image', () => {
    const { events, skipped } = mapTsdbEvents(wire('tsdb-v1-eventsnextleague-id4328.json'), leagues);
    expect(skipped).toBe(0);
    expect(events).toEqual([
      {
        id: 'thesportsdb:2267282',
        league: 'EPL',
        sport: 'soccer',
        title: 'West Ham United vs Nottingham Forest',
        startsAt: new Date('2026-01-06T20:00:00Z'),
        status: 'pre',
        statusDetail: 'Not Started',
        venue: 'London Stadium',
        home: 'West Ham United',
        away: 'Nottingham Forest',
        homeId: '133636',
        awayId: '133720',
        image: 'https://r2.thesportsdb.com/images/media/event/thumb/0l6y3e1750320644.jpg',
        externalIds: { thesportsdb: '2267282' },
      },
    ]);
  });

  it('reads a finished game as post', () => {
    const { events } = mapTsdbEvents(wire('tsdb-v1-eventspastleague-id4328.json'), leagues);
    expect(events[0]).toMatchObject({ status: 'post', startsAt: new Date('2026-01-04T15:00:00Z') });
  });

  it('falls back to dateEvent and strTime, and titles US leagues away-at-home', () => {
    const { events } = mapTsdbEvents(wire('tsdb-v1-eventsday-d2014-10-10-sBaseball.json'), leagues);
    const mlb = events.find((e) => e.league === 'MLB');
    // strTimestamp is null on this row and strTime is "8:00".
    expect(mlb).toMatchObject({
      title: 'Kansas City Royals at Baltimore Orioles',
      startsAt: new Date('2014-10-10T08:00:00Z'),
      sport: 'baseball',
      venue: null,
      status: null,
    });
  });

  it('keeps the name and sport of leagues that are not configured', () => {
    const { events } = mapTsdbEvents(wire('tsdb-v1-eventsday-d2014-10-10-sBaseball.json'), leagues);
    const kbo = events.find((e) => e.externalIds.thesportsdb === '1188817');
    // strTimestamp without seconds: "2014-10-10T09:30".
    expect(kbo).toMatchObject({
      league: 'Korean KBO League',
      sport: 'baseball',
      title: 'Lotte Giants vs NC Dinos',
      startsAt: new Date('2014-10-10T09:30:00Z'),
      venue: null,
      image: null,
    });
  });

  it('reads every row of a season whose times carry +00:00 on the UTC date', () => {
    const raw = wire('tsdb-v1-eventsseason-id4328-s2014-2015.json') as { events: { dateEvent: string }[] };
    const { events, skipped } = mapTsdbEvents(raw, leagues);
    expect(skipped).toBe(0);
    expect(events).toHaveLength(raw.events.length);
    events.forEach((e, i) => expect(e.startsAt.toISOString().slice(0, 10)).toBe(raw.events[i]?.dateEvent));
  });

  it('reads {events: null} as no events', () => {
    expect(mapTsdbEvents({ events: null }, leagues)).toEqual({ events: [], skipped: 0 });
    expect(mapTsdbEvents({}, leagues).events).toEqual([]);
  });

  it('skips rows without an id or a start', () => {
    const answer = {
      events: [
        { strEvent: 'A vs B' },
        { idEvent: '5', strEvent: 'A vs B' },
        { idEvent: 6, strTimestamp: '2026-01-01T10:00:00' },
      ],
    };
    const { events, skipped } = mapTsdbEvents(answer, leagues);
    expect(events.map((e) => e.id)).toEqual(['thesportsdb:6']);
    expect(skipped).toBe(2);
  });

  it('turns an answer of another shape into a bad-body UpstreamError', () => {
    for (const bad of [null, '<html>', { events: 'x' }]) {
      expect(() => mapTsdbEvents(bad, leagues)).toThrow(
        expect.objectContaining({ source: 'thesportsdb', reason: 'bad-body' }),
      );
    }
  });
});

describe('parseTsdbStart', () => {
  it('reads strTimestamp as UTC whatever its precision', () => {
    expect(parseTsdbStart({ strTimestamp: '2026-10-04T13:30:00', dateEvent: null, strTime: null })).toEqual(
      new Date('2026-10-04T13:30:00Z'),
    );
    expect(
      parseTsdbStart({ strTimestamp: '2026-10-04T13:30:00+00:00', dateEvent: null, strTime: null }),
    ).toEqual(new Date('2026-10-04T13:30:00Z'));
  });

  it('falls back to dateEvent with strTime written with an offset or one hour digit', () => {
    expect(
      parseTsdbStart({ strTimestamp: null, dateEvent: '2014-08-16', strTime: '14:00:00+00:00' }),
    ).toEqual(new Date('2014-08-16T14:00:00Z'));
    expect(parseTsdbStart({ strTimestamp: 'garbage', dateEvent: '2014-10-10', strTime: '8:00' })).toEqual(
      new Date('2014-10-10T08:00:00Z'),
    );
  });

  it('gives null when there is no time to read', () => {
    expect(parseTsdbStart({ strTimestamp: null, dateEvent: '2014-10-10', strTime: null })).toBeNull();
  });
});

describe('mapTsdbTeams', () => {
  it('builds aliases from strTeamAlternate, strTeamShort and strKeywords', () => {
    const [arsenal] = mapTsdbTeams(wire('tsdb-v1-searchteams-tArsenal.json'), leagues);
    expect(arsenal).toMatchObject({
      source: 'thesportsdb',
      id: '133604',
      league: 'EPL',
      name: 'Arsenal',
      abbreviation: 'ARS',
      espnId: '359',
      logo: 'https://r2.thesportsdb.com/images/media/team/badge/uyhbfe1612467038.png',
      color: 'ef0107',
      alternateColor: 'fbffff',
    });
    expect(arsenal?.aliases[0]).toBe('arsenal');
    expect(arsenal?.aliases).toEqual(
      expect.arrayContaining(['arsenal football club', 'afc', 'ars', 'gunners', 'gooners']),
    );
  });

  it('reads {teams: null} as no teams', () => {
    expect(mapTsdbTeams({ teams: null }, leagues)).toEqual([]);
  });
});

describe('the TheSportsDB client against the fake', () => {
  let fake: FakeSportsApi | undefined;
  let loopback: LoopbackServer | undefined;
  afterEach(async () => {
    await fake?.close();
    await loopback?.close();
    fake = loopback = undefined;
  });
  const clientFor = (baseUrl: string, apiKey?: string) =>
    createTheSportsDbClient({
      http: createHttpClient({ source: 'thesportsdb', baseUrl, retries: 0 }),
      apiKey,
      leagues,
    });

  const game = (id: string, startUtc: string): CorpusEvent => {
    const team = (tid: string, name: string) => ({
      id: tid,
      location: name,
      name,
      abbreviation: name.slice(0, 3).toUpperCase(),
      displayName: name,
      shortDisplayName: name,
    });
    return {
      id,
      tsdbId: `7${id}`,
      league: 'NBA',
      sportName: 'Basketball',
      startUtc,
      minutes: 150,
      name: `${id}`,
      home: team(`h${id}`, `Home ${id}`),
      away: team(`a${id}`, `Away ${id}`),
    };
  };

  it('asks both UTC dates of a local day and keeps only that day’s events', async () => {
    const events = [
      game('1', '2026-11-25T04:00:00Z'), // Nov 24, 23:00 in New York
      game('2', '2026-11-25T18:00:00Z'), // Nov 25, 13:00
      game('3', '2026-11-26T03:30:00Z'), // Nov 25, 22:30
      game('4', '2026-11-26T06:00:00Z'), // Nov 26, 01:00
    ];
    fake = await startFakeSportsApi({ events, leagues });
    const found = await clientFor(fake.url).eventsForLocalDay(
      league('NBA'),
      '2026-11-25',
      'America/New_York',
    );
    expect(found.map((e) => e.externalIds.thesportsdb)).toEqual(['72', '73']);
    for (const e of found) expect(wallClock(e.startsAt, 'America/New_York').ymd).toBe('2026-11-25');
    expect(fake.stats()).toEqual({ '/api/v1/json/123/eventsday.php': 2 });
  });

  it('gets at most five rows a day on the free key, all of them on a paid one', async () => {
    const corpus = loadCorpusEvents();
    fake = await startFakeSportsApi({ events: corpus, leagues });
    const inDay = corpus.filter((e) => e.league === 'NBA' && e.startUtc.startsWith('2026-11-26'));
    expect(inDay.length).toBeGreaterThan(5);
    expect(await clientFor(fake.url).eventsDay(league('NBA'), '2026-11-26')).toHaveLength(5);
    expect(await clientFor(fake.url, '998877').eventsDay(league('NBA'), '2026-11-26')).toHaveLength(
      inDay.length,
    );
  });

  it('keeps only the asked league when upstream ignores l=', async () => {
    const body = wireText('tsdb-v1-eventsday-d2014-10-10-sBaseball.json');
    loopback = await startLoopbackServer((_req, res) => {
      res.end(body);
    });
    const found = await clientFor(loopback.url).eventsDay(league('MLB'), '2014-10-10');
    expect(found.map((e) => e.title)).toEqual(['Kansas City Royals at Baltimore Orioles']);
    expect(loopback.requests[0]?.url).toBe('/api/v1/json/123/eventsday.php?d=2014-10-10&l=4424');
  });

  it('reads the next event, and league teams by id and by name', async () => {
    const corpus = loadCorpusEvents();
    const now = new Date('2026-11-25T12:00:00Z');
    fake = await startFakeSportsApi({ events: corpus, leagues, now });
    const client = clientFor(fake.url);
    const next = await client.eventsNextLeague(league('NBA'));
    const firstAfter = corpus
      .filter((e) => e.league === 'NBA' && Date.parse(e.startUtc) >= now.getTime())
      .sort((a, b) => a.startUtc.localeCompare(b.startUtc))[0];
    expect(next.map((e) => e.externalIds.thesportsdb)).toEqual([firstAfter?.tsdbId]);

    const byId = await client.lookupAllTeams(league('NBA'));
    expect(byId.length).toBeGreaterThan(10);
    expect(byId.every((t) => t.league === 'NBA')).toBe(true);
    expect(byId.find((t) => t.name === 'Los Angeles Lakers')?.aliases).toContain('la lakers');
    expect(await client.searchAllTeams(league('NBA'))).toHaveLength(10);
  });

  it('finds a team by an alternate name', async () => {
    fake = await startFakeSportsApi({ events: loadCorpusEvents(), leagues });
    const [porto] = await clientFor(fake.url).searchTeams('FC Porto');
    expect(porto).toMatchObject({ name: 'Porto', league: 'UCL' });
    expect(await clientFor(fake.url).searchTeams('Nobody United')).toEqual([]);
  });

  it('asks nothing for a league TheSportsDB does not carry', async () => {
    fake = await startFakeSportsApi({ events: [], leagues });
    expect(await clientFor(fake.url).eventsForLocalDay(league('NCAAW'), '2026-11-25', 'UTC')).toEqual([]);
    expect(fake.stats()).toEqual({});
  });

  it('passes a dropped connection on as UpstreamError', async () => {
    fake = await startFakeSportsApi({ events: [], leagues });
    fake.setFaults({ down: true });
    await expect(clientFor(fake.url).eventsDay(league('NBA'), '2026-11-25')).rejects.toBeInstanceOf(
      UpstreamError,
    );
  });
});
