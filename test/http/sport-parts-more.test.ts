// More tournaments, weekends and cards, on recorded real ESPN answers the matching was not tuned on: each
// sport's channels named in several provider styles, scored like the whole service is scored (recall, and no
// channel matched to the wrong part).
import { afterAll, describe, expect, it } from 'vitest';
import type { LoopbackServer } from '../support/loopback-server.js';
import { firstReport, playlistOf } from '../support/first-report.js';
import { startRecordedEspn } from '../support/recorded-espn.js';
import type { TestApp } from '../support/test-app.js';

interface Row {
  name: string;
  status: string;
  why?: string;
  event?: { title: string; startsAt: string };
}

interface Case {
  sport: string;
  now: string;
  scoreboards: Record<string, string>;
  /** Name -> the part's title and start it must be matched to. */
  expect: Record<string, [string, string]>;
}

const cases: Case[] = [
  {
    sport: 'F1',
    now: '2026-09-05T12:00:00Z',
    scoreboards: { 'racing/f1': 'espn-racing-f1-2026-09-06.json' },
    expect: {
      'F1 01: Italian Grand Prix - Qualifying': [
        'Formula 1: Pirelli Italian Grand Prix — Qualifying',
        '2026-09-05T14:00:00.000Z',
      ],
      'Formula 1 02: Italian GP Race': [
        'Formula 1: Pirelli Italian Grand Prix — Race',
        '2026-09-06T13:00:00.000Z',
      ],
      'F1 03: Italian Grand Prix FP3': [
        'Formula 1: Pirelli Italian Grand Prix — Practice 3',
        '2026-09-05T10:30:00.000Z',
      ],
      'Formula 1: Italian Grand Prix - Race 9:00 AM ET': [
        'Formula 1: Pirelli Italian Grand Prix — Race',
        '2026-09-06T13:00:00.000Z',
      ],
    },
  },
  {
    sport: 'NASCAR',
    now: '2026-09-06T15:00:00Z',
    scoreboards: { 'racing/nascar-premier': 'espn-racing-nascar-premier-2026-09-06.json' },
    expect: {
      'NASCAR 01: Cup Series at Darlington': [
        'NASCAR Cup Series at Darlington — Race',
        '2026-09-06T21:00:00.000Z',
      ],
      'NASCAR 02: Darlington - Race 5:00 PM ET': [
        'NASCAR Cup Series at Darlington — Race',
        '2026-09-06T21:00:00.000Z',
      ],
    },
  },
  {
    sport: 'UFC',
    now: '2025-09-06T14:00:00Z',
    scoreboards: { 'mma/ufc': 'espn-mma-ufc-2025-09-06.json' },
    expect: {
      'UFC Fight Night: Imavov vs Borralho - Main Card': [
        'UFC Fight Night: Imavov vs. Borralho — Main Card',
        '2025-09-06T19:00:00.000Z',
      ],
      'UFC 01: Imavov vs. Borralho 3:00 PM ET': [
        'UFC Fight Night: Imavov vs. Borralho — Main Card',
        '2025-09-06T19:00:00.000Z',
      ],
      'ESPN+ 02: UFC Fight Night Prelims': [
        'UFC Fight Night: Imavov vs. Borralho — Prelims',
        '2025-09-06T16:00:00.000Z',
      ],
    },
  },
  {
    sport: 'Golf',
    now: '2026-05-07T16:00:00Z',
    scoreboards: { 'golf/pga': 'espn-golf-pga-2026-05-06.json' },
    expect: {
      'PGA 01: Truist Championship - Round 1': ['Truist Championship — Round 1', '2026-05-07T11:00:00.000Z'],
      'PGA 02: Myrtle Beach Classic Round 1': [
        'ONEflight Myrtle Beach Classic — Round 1',
        '2026-05-07T11:00:00.000Z',
      ],
      'Golf 03: Truist Championship 1:00 PM ET': [
        'Truist Championship — Round 1',
        '2026-05-07T11:00:00.000Z',
      ],
      'PGA TOUR: ONEflight Myrtle Beach Classic, First Round': [
        'ONEflight Myrtle Beach Classic — Round 1',
        '2026-05-07T11:00:00.000Z',
      ],
    },
  },
  {
    sport: 'Tennis',
    now: '2025-08-31T16:00:00Z',
    scoreboards: {
      'tennis/atp': 'espn-tennis-atp-2025-08-31.json',
      'tennis/wta': 'espn-tennis-atp-2025-08-31.json',
    },
    expect: {
      'ATP 01: Alcaraz vs Rinderknech': [
        "US Open: Arthur Rinderknech vs Carlos Alcaraz (Men's Singles, Round 4)",
        '2025-08-31T17:40:00.000Z',
      ],
      'WTA 02: Rybakina vs Vondrousova': [
        "US Open: Elena Rybakina vs Marketa Vondrousova (Women's Singles, Round 4)",
        '',
      ],
    },
  },
];

const measured: string[] = [];
const open: { t: TestApp; espn: LoopbackServer }[] = [];
afterAll(async () => {
  for (const { t, espn } of open) {
    await t.close();
    await espn.close();
  }
  console.log(['sport | channels | matched right | wrong part | missed', ...measured].join('\n'));
});

describe.each(cases)('$sport channels on a recorded answer', (c) => {
  it('are matched to the part that airs, none to a wrong one', async () => {
    const names = Object.keys(c.expect);
    const espn = await startRecordedEspn(c.scoreboards, playlistOf(names));
    const { t, report } = await firstReport<Row>(espn.url, c.now);
    open.push({ t, espn });
    const rows = report.channels;
    let right = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const [name, [title, start]] of Object.entries(c.expect)) {
      const row = rows.find((r) => r.name === name);
      if (row?.status !== 'matched') missed.push(`${name}: ${row?.why ?? 'absent'}`);
      else if (row.event?.title === title && (!start || row.event.startsAt === start)) right += 1;
      else wrong.push(`${name} -> ${row.event?.title} ${row.event?.startsAt}`);
    }
    measured.push(`${c.sport} | ${names.length} | ${right} | ${wrong.length} | ${missed.length}`);
    expect(wrong).toEqual([]);
    expect(missed).toEqual([]);
  }, 120_000);
});
