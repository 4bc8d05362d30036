import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapEspnScoreboard } from '../../src/sources/espn.js';
import { sessionLabel } from '../../src/sources/espn-sessions.js';
import { league } from '../support/config.js';

const wire = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/wire/${name}`, 'utf8'));

describe('a Formula 1 weekend on a recorded scoreboard', () => {
  const { events, skipped } = mapEspnScoreboard(wire('espn-racing-f1-2026-09-12.json'), league('F1'));

  it('becomes its five sessions, each starting at its own time', () => {
    expect(skipped).toBe(0);
    expect(events.map((e) => [e.part?.label, e.startsAt.toISOString()])).toEqual([
      ['Practice 1', '2026-09-11T11:30:00.000Z'],
      ['Practice 2', '2026-09-11T15:00:00.000Z'],
      ['Practice 3', '2026-09-12T10:30:00.000Z'],
      ['Qualifying', '2026-09-12T14:00:00.000Z'],
      ['Race', '2026-09-13T13:00:00.000Z'],
    ]);
  });

  it('keeps the race to come while qualifying is done, whatever the weekend’s own state says', () => {
    const state = Object.fromEntries(events.map((e) => [e.part?.label, [e.status, e.statusDetail]]));
    expect(state['Practice 3']).toEqual(['post', 'Final']);
    expect(state.Qualifying).toEqual(['post', 'End of Session']);
    expect(state.Race).toEqual(['pre', 'Sun, September 13th at 9:00 AM EDT']);
  });

  it('titles the race by the series and the Grand Prix, at the circuit, as a part of the weekend', () => {
    expect(events.at(-1)).toEqual({
      id: 'espn:600057443:race',
      league: 'F1',
      sport: 'racing',
      title: 'Formula 1: Tag Heuer Spanish Grand Prix — Race',
      startsAt: new Date('2026-09-13T13:00:00Z'),
      endsAt: null,
      part: {
        kind: 'session',
        label: 'Race',
        parentId: 'espn:600057443',
        parentTitle: 'Tag Heuer Spanish Grand Prix',
      },
      status: 'pre',
      statusDetail: 'Sun, September 13th at 9:00 AM EDT',
      venue: 'Madring',
      home: null,
      away: null,
      homeId: null,
      awayId: null,
      image: null,
      externalIds: { espn: '600057443:race' },
    });
  });

  it('gives each session an id of its own, which is also its stored ESPN id', () => {
    expect(events.map((e) => e.id)).toEqual([
      'espn:600057443:practice-1',
      'espn:600057443:practice-2',
      'espn:600057443:practice-3',
      'espn:600057443:qualifying',
      'espn:600057443:race',
    ]);
    for (const e of events) expect(e.id).toBe(`espn:${e.externalIds.espn}`);
  });
});

describe('a finished Formula 1 weekend', () => {
  it('has every session over, the race at Monza included', () => {
    const { events } = mapEspnScoreboard(wire('espn-racing-f1-2026-09-06.json'), league('F1'));
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.status === 'post' && e.venue === 'Autodromo Nazionale Monza')).toBe(true);
    expect(events.at(-1)?.title).toBe('Formula 1: Pirelli Italian Grand Prix — Race');
  });
});

describe('a NASCAR race on a recorded scoreboard', () => {
  it('is the one session its untyped competition holds, titled once by the series', () => {
    const { events } = mapEspnScoreboard(
      wire('espn-racing-nascar-premier-2026-09-06.json'),
      league('NASCAR'),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'espn:202609063891:race',
      title: 'NASCAR Cup Series at Darlington — Race',
      startsAt: new Date('2026-09-06T21:00:00Z'),
      endsAt: null,
      part: { kind: 'session', label: 'Race', parentId: 'espn:202609063891' },
      status: 'post',
      statusDetail: 'Final',
      home: null,
      away: null,
      externalIds: { espn: '202609063891:race' },
    });
  });
});

describe('sessionLabel', () => {
  it('writes ESPN’s abbreviations as a guide does and keeps one it does not know', () => {
    const labels = ['FP1', 'FP2', 'FP3', 'Qual', 'Race', 'Sprint', 'SR', 'SS', 'Sprint Shootout', 'SQ'];
    expect(labels.map(sessionLabel)).toEqual([
      'Practice 1',
      'Practice 2',
      'Practice 3',
      'Qualifying',
      'Race',
      'Sprint',
      'Sprint',
      'Sprint Qualifying',
      'Sprint Qualifying',
      'Sprint Qualifying',
    ]);
    expect(sessionLabel(' Warm Up ')).toBe('Warm Up');
  });

  it('calls a competition without a type the race', () => {
    expect(sessionLabel(undefined)).toBe('Race');
    expect(sessionLabel('')).toBe('Race');
  });
});

describe('race weekends of odd shapes', () => {
  const weekend = (competitions: unknown[]) => ({
    events: [{ id: '9', date: '2026-06-13T18:00Z', name: 'Indianapolis 500', competitions }],
  });

  it('keeps two sessions of the same name apart', () => {
    const { events } = mapEspnScoreboard(
      weekend([
        { id: '91', date: '2026-06-13T18:00Z', type: { abbreviation: 'Race' } },
        { id: '92', date: '2026-06-14T18:00Z', type: { abbreviation: 'Race' } },
      ]),
      league('INDYCAR'),
    );
    expect(events.map((e) => e.id)).toEqual(['espn:9:race', 'espn:9:race-92']);
    expect(events[0]?.title).toBe('IndyCar Series: Indianapolis 500 — Race');
  });

  it('leaves out a session without a start when the weekend has others, and lets a lone race borrow the event’s', () => {
    const two = mapEspnScoreboard(
      weekend([{ type: { abbreviation: 'Qual' } }, { date: '2026-06-14T18:00Z' }]),
      league('INDYCAR'),
    );
    expect(two.events.map((e) => e.part?.label)).toEqual(['Race']);
    const lone = mapEspnScoreboard(weekend([{}]), league('INDYCAR'));
    expect(lone.events.map((e) => [e.id, e.startsAt.toISOString()])).toEqual([
      ['espn:9:race', '2026-06-13T18:00:00.000Z'],
    ]);
  });

  it('stays whole when it lists no session', () => {
    const { events } = mapEspnScoreboard(weekend([]), league('INDYCAR'));
    expect(events).toMatchObject([{ id: 'espn:9', title: 'Indianapolis 500' }]);
    expect(events[0]?.part ?? null).toBeNull();
  });
});
