import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LeagueConfig } from '../../src/config/leagues.js';
import { mapEspnScoreboard } from '../../src/sources/espn.js';
import { segmentLabels } from '../../src/sources/espn-card.js';
import { league } from '../support/config.js';

const wire = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/wire/${name}`, 'utf8'));

describe('two UFC cards on a recorded scoreboard', () => {
  const { events, skipped } = mapEspnScoreboard(wire('espn-mma-ufc-2026-02-22.json'), league('UFC'));
  const card = (id: string) => events.filter((e) => e.part?.parentId === `espn:${id}`);

  it('splits the numbered card into early prelims, prelims and main card by its bouts’ start times', () => {
    expect(skipped).toBe(0);
    const ufc326 = card('600057326');
    expect(ufc326.map((e) => [e.title, e.startsAt.toISOString(), e.endsAt?.toISOString() ?? null])).toEqual([
      ['UFC 326: Early Prelims', '2026-03-07T22:00:00.000Z', '2026-03-08T00:00:00.000Z'],
      ['UFC 326: Prelims', '2026-03-08T00:00:00.000Z', '2026-03-08T02:00:00.000Z'],
      // The main card runs three hours: its main event's time fits it.
      ['UFC 326: Main Card', '2026-03-08T02:00:00.000Z', '2026-03-08T05:00:00.000Z'],
    ]);
  });

  it('puts the main event’s fighters on the main card, and each segment’s last bout on it', () => {
    const [early, prelims, main] = card('600057326');
    expect(main).toEqual({
      id: 'espn:600057326:main-card',
      league: 'UFC',
      sport: 'mma',
      title: 'UFC 326: Main Card',
      startsAt: new Date('2026-03-08T02:00:00Z'),
      endsAt: new Date('2026-03-08T05:00:00Z'),
      part: {
        kind: 'segment',
        label: 'Main Card',
        parentId: 'espn:600057326',
        parentTitle: 'UFC 326: Holloway vs. Oliveira 2',
      },
      status: 'pre',
      statusDetail: 'Sat, March 7th at 9:00 PM EST',
      venue: 'T-Mobile Arena',
      home: 'Max Holloway',
      away: 'Charles Oliveira',
      homeId: null,
      awayId: null,
      image: null,
      externalIds: { espn: '600057326:main-card' },
    });
    expect([early?.home, early?.away]).toEqual(['Sumudaerji', 'Jesus Aguilar']);
    expect([prelims?.home, prelims?.away]).toEqual(['Cody Garbrandt', 'Xiao Long']);
  });

  it('titles a Fight Night by its whole name and splits it into prelims and main card', () => {
    expect(card('600057330')).toMatchObject([
      {
        id: 'espn:600057330:prelims',
        title: 'UFC Fight Night: Moreno vs. Kavanagh — Prelims',
        startsAt: new Date('2026-02-28T22:00:00Z'),
        endsAt: new Date('2026-03-01T01:00:00Z'),
        venue: 'Arena CDMX',
      },
      {
        id: 'espn:600057330:main-card',
        title: 'UFC Fight Night: Moreno vs. Kavanagh — Main Card',
        startsAt: new Date('2026-03-01T01:00:00Z'),
        endsAt: new Date('2026-03-01T04:00:00Z'),
        home: 'Brandon Moreno',
        away: "Lone'er Kavanagh",
      },
    ]);
  });

  it('gives every segment an id of its own', () => {
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => e.id)).size).toBe(5);
    expect(new Set(events.map((e) => e.externalIds.espn)).size).toBe(5);
  });
});

describe('a Fight Night in Paris', () => {
  it('has its prelims at noon Eastern and its main card at three, headed by Imavov and Borralho', () => {
    const { events } = mapEspnScoreboard(wire('espn-mma-ufc-2025-09-06.json'), league('UFC'));
    expect(events.map((e) => [e.part?.label, e.startsAt.toISOString(), e.home, e.away])).toEqual([
      ['Prelims', '2025-09-06T16:00:00.000Z', 'Oumar Sy', 'Brendson Ribeiro'],
      ['Main Card', '2025-09-06T19:00:00.000Z', 'Nassourdine Imavov', 'Caio Borralho'],
    ]);
  });
});

describe('a PFL card whose bouts all start together', () => {
  const pfl: LeagueConfig = { ...league('UFC'), key: 'PFL', name: 'PFL', espn: 'mma/pfl', aliases: [] };

  it('is one main card, titled by its whole name, headed by its last bout', () => {
    const { events } = mapEspnScoreboard(wire('espn-mma-pfl-2025-10-03.json'), pfl);
    expect(events).toEqual([
      expect.objectContaining({
        id: 'espn:600055484:main-card',
        league: 'PFL',
        title: 'PFL Champions Series Dubai: Nurmagomedov vs. Hughes 2 — Main Card',
        startsAt: new Date('2025-10-03T15:00:00Z'),
        endsAt: new Date('2025-10-03T18:00:00Z'),
        part: expect.objectContaining({ kind: 'segment', label: 'Main Card' }),
        venue: 'Coca-Cola Arena',
        home: 'Usman Nurmagomedov',
        away: 'Paul Hughes',
      }),
    ]);
  });
});

describe('segmentLabels', () => {
  it('names one, two and three start times main card, prelims and early prelims from the last back', () => {
    expect(segmentLabels(1)).toEqual(['Main Card']);
    expect(segmentLabels(2)).toEqual(['Prelims', 'Main Card']);
    expect(segmentLabels(3)).toEqual(['Early Prelims', 'Prelims', 'Main Card']);
  });

  it('calls every start time before the prelims early prelims', () => {
    expect(segmentLabels(5)).toEqual([
      'Early Prelims',
      'Early Prelims',
      'Early Prelims',
      'Prelims',
      'Main Card',
    ]);
  });
});

describe('cards of odd shapes', () => {
  const bout = (date: string, state: string, a: string, b: string) => ({
    date,
    status: { type: { state, detail: `${a} ${state}` } },
    competitors: [
      { order: 2, athlete: { displayName: b } },
      { order: 1, athlete: { displayName: a } },
    ],
  });
  const card = (competitions: unknown[]) => ({
    events: [
      { id: '5', date: '2026-03-07T20:00Z', name: 'UFC 327: A vs. B', shortName: 'UFC 327', competitions },
    ],
  });

  it('merges the start times before the prelims into one early prelims segment', () => {
    const { events } = mapEspnScoreboard(
      card([
        bout('2026-03-07T20:00Z', 'post', 'P', 'Q'),
        bout('2026-03-07T21:00Z', 'post', 'R', 'S'),
        bout('2026-03-07T22:00Z', 'post', 'T', 'U'),
        bout('2026-03-08T00:00Z', 'in', 'V', 'W'),
        bout('2026-03-08T02:00Z', 'pre', 'A', 'B'),
      ]),
      league('UFC'),
    );
    expect(events.map((e) => [e.id, e.startsAt.toISOString(), e.endsAt?.toISOString() ?? null])).toEqual([
      ['espn:5:early-prelims', '2026-03-07T20:00:00.000Z', '2026-03-08T00:00:00.000Z'],
      ['espn:5:prelims', '2026-03-08T00:00:00.000Z', '2026-03-08T02:00:00.000Z'],
      ['espn:5:main-card', '2026-03-08T02:00:00.000Z', '2026-03-08T05:00:00.000Z'],
    ]);
    expect(events.map((e) => [e.home, e.away])).toEqual([
      ['T', 'U'],
      ['V', 'W'],
      ['A', 'B'],
    ]);
  });

  it('reads a segment as under way while some of its bouts are over and some to come', () => {
    const { events } = mapEspnScoreboard(
      card([
        bout('2026-03-08T02:00Z', 'post', 'C', 'D'),
        bout('2026-03-08T02:00Z', 'pre', 'A', 'B'),
        bout('2026-03-08T00:00Z', 'post', 'E', 'F'),
      ]),
      league('UFC'),
    );
    expect(events.map((e) => [e.part?.label, e.status])).toEqual([
      ['Prelims', 'post'],
      ['Main Card', 'in'],
    ]);
  });
});
