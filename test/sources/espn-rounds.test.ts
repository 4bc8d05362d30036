import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/domain/time.js';
import { mapEspnScoreboard } from '../../src/sources/espn.js';
import { league } from '../support/config.js';

const wire = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/wire/${name}`, 'utf8'));
const newYork = (d: Date | null | undefined) => (d ? wallClock(d, 'America/New_York') : null);

describe('the Genesis Invitational on a recorded PGA TOUR scoreboard', () => {
  const { events, skipped } = mapEspnScoreboard(wire('espn-golf-pga-2026-02-22.json'), league('PGA'));
  const genesis = events.filter((e) => e.part?.parentId === 'espn:401811933');

  it('becomes four rounds, Thursday to Sunday, each from 07:00 to 21:00 in New York', () => {
    expect(skipped).toBe(0);
    expect(genesis.map((e) => e.part?.label)).toEqual(['Round 1', 'Round 2', 'Round 3', 'Round 4']);
    expect(genesis.map((e) => newYork(e.startsAt)?.weekday)).toEqual([4, 5, 6, 0]);
    expect(genesis.map((e) => [newYork(e.startsAt)?.ymd, e.startsAt.toISOString()])).toEqual([
      ['2026-02-19', '2026-02-19T12:00:00.000Z'],
      ['2026-02-20', '2026-02-20T12:00:00.000Z'],
      ['2026-02-21', '2026-02-21T12:00:00.000Z'],
      ['2026-02-22', '2026-02-22T12:00:00.000Z'],
    ]);
    for (const e of genesis) {
      const [start, end] = [newYork(e.startsAt), newYork(e.endsAt)];
      expect([start?.hour, end?.hour, end?.ymd]).toEqual([7, 21, start?.ymd]);
    }
  });

  it('has the first three rounds over and the fourth in progress', () => {
    expect(genesis.map((e) => [e.status, e.statusDetail])).toEqual([
      ['post', null],
      ['post', null],
      ['post', null],
      ['in', 'Round 4 - In Progress'],
    ]);
  });

  it('titles a round by its tournament, as a part of it', () => {
    expect(genesis.at(-1)).toEqual({
      id: 'espn:401811933:round-4',
      league: 'PGA',
      sport: 'golf',
      title: 'The Genesis Invitational — Round 4',
      startsAt: new Date('2026-02-22T12:00:00Z'),
      endsAt: new Date('2026-02-23T02:00:00Z'),
      part: {
        kind: 'round',
        label: 'Round 4',
        parentId: 'espn:401811933',
        parentTitle: 'The Genesis Invitational',
      },
      status: 'in',
      statusDetail: 'Round 4 - In Progress',
      venue: null,
      home: null,
      away: null,
      homeId: null,
      awayId: null,
      image: null,
      externalIds: { espn: '401811933:round-4' },
    });
  });

  it('has the coming tournaments’ rounds to come, at 07:00 New York across the change to summer time', () => {
    expect(events).toHaveLength(16);
    const palmer = events.filter((e) => e.part?.parentId === 'espn:401811935');
    expect(palmer.every((e) => e.status === 'pre')).toBe(true);
    expect(palmer.map((e) => e.startsAt.toISOString())).toEqual([
      '2026-03-05T12:00:00.000Z',
      '2026-03-06T12:00:00.000Z',
      '2026-03-07T12:00:00.000Z',
      '2026-03-08T11:00:00.000Z',
    ]);
  });

  it('gives every round of every tournament an id of its own', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(16);
    for (const e of events) expect(e.id).toBe(`espn:${e.externalIds.espn}`);
  });
});

describe('two PGA TOUR events of the same week', () => {
  const { events } = mapEspnScoreboard(wire('espn-golf-pga-2026-05-06.json'), league('PGA'));

  it('stay apart: the same days, each round named by its own tournament', () => {
    expect(events).toHaveLength(8);
    const round2 = events.filter((e) => e.part?.label === 'Round 2');
    expect(round2.map((e) => [e.id, e.title, e.startsAt.toISOString()])).toEqual([
      ['espn:401811945:round-2', 'Truist Championship — Round 2', '2026-05-08T11:00:00.000Z'],
      ['espn:401811946:round-2', 'ONEflight Myrtle Beach Classic — Round 2', '2026-05-08T11:00:00.000Z'],
    ]);
    expect(new Set(events.map((e) => e.part?.parentTitle))).toEqual(
      new Set(['Truist Championship', 'ONEflight Myrtle Beach Classic']),
    );
    expect(events.every((e) => e.status === 'pre')).toBe(true);
  });
});

describe('a finished tournament on the leaderboard answer', () => {
  const { events } = mapEspnScoreboard(wire('espn-golf-leaderboard-2026-04-07.json'), league('PGA'));

  it('starts each round at its first tee time, at the host course', () => {
    expect(events.map((e) => [e.part?.label, e.startsAt.toISOString()])).toEqual([
      ['Round 1', '2026-04-02T14:00:00.000Z'],
      ['Round 2', '2026-04-03T12:30:00.000Z'],
      ['Round 3', '2026-04-04T13:10:00.000Z'],
      ['Round 4', '2026-04-05T15:00:00.000Z'],
    ]);
    expect(events.map((e) => newYork(e.endsAt)?.hour)).toEqual([21, 21, 21, 21]);
    expect(new Set(events.map((e) => e.venue))).toEqual(new Set(['TPC San Antonio (Oaks Course)']));
  });

  it('has every round over, the last one final', () => {
    expect(events.map((e) => [e.status, e.statusDetail])).toEqual([
      ['post', null],
      ['post', null],
      ['post', null],
      ['post', 'Final'],
    ]);
  });
});

describe('tournaments of odd shapes', () => {
  const tournament = (over: Record<string, unknown>) => ({
    events: [
      { id: 'g1', date: '2026-07-16T04:00Z', endDate: '2026-07-19T04:00Z', name: 'The Open', ...over },
    ],
  });

  it('counts the rounds ESPN gives before the days', () => {
    const { events } = mapEspnScoreboard(tournament({ tournament: { numberOfRounds: 3 } }), league('LPGA'));
    expect(events.map((e) => e.id)).toEqual(['espn:g1:round-1', 'espn:g1:round-2', 'espn:g1:round-3']);
  });

  it('has every round over once a tournament is called off, each saying so', () => {
    const status = { period: 0, type: { state: 'post', detail: 'Canceled' } };
    const { events } = mapEspnScoreboard(tournament({ status }), league('PGA'));
    expect(events.map((e) => [e.status, e.statusDetail])).toEqual(Array(4).fill(['post', 'Canceled']));
  });

  it('stays whole without a last day or a count of rounds, or with more rounds than a tournament has', () => {
    expect(mapEspnScoreboard(tournament({ endDate: undefined }), league('PGA')).events).toMatchObject([
      { id: 'espn:g1', title: 'The Open' },
    ]);
    expect(
      mapEspnScoreboard(tournament({ endDate: '2026-07-30T04:00Z' }), league('PGA')).events,
    ).toMatchObject([{ id: 'espn:g1' }]);
  });
});
