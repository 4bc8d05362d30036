// Tournaments, race weekends and fight cards end to end, on real ESPN answers: a channel named as providers
// name them is matched to the part that airs (the session, the segment, the round, the match between the named
// players), and the guide shows that part at its time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackServer } from '../support/loopback-server.js';
import { firstReport, playlistOf } from '../support/first-report.js';
import { startRecordedEspn } from '../support/recorded-espn.js';
import type { TestApp } from '../support/test-app.js';

interface Row {
  name: string;
  status: string;
  why?: string;
  event?: { title: string; startsAt: string; part?: { kind: string; label: string; parentTitle: string } };
}

/** The service at `now`, its ESPN answering with the recorded scoreboards; the report of its first guide. */
async function reportAt(now: string, scoreboards: Record<string, string>, names: string[]) {
  const espn = await startRecordedEspn(scoreboards, playlistOf(names));
  const { t, byName } = await firstReport<Row>(espn.url, now);
  return { t, espn, byName };
}

function expectMatched(byName: Map<string, Row>, name: string, title: string, startsAt: string) {
  const row = byName.get(name);
  expect(row?.status, `${name}: ${row?.why ?? 'absent'}`).toBe('matched');
  expect(row?.event, name).toMatchObject({ title, startsAt });
}

describe('a Formula 1 weekend', () => {
  let t: TestApp;
  let espn: LoopbackServer;
  let byName: Map<string, Row>;
  beforeAll(async () => {
    ({ t, espn, byName } = await reportAt(
      '2026-09-12T12:00:00Z',
      { 'racing/f1': 'espn-racing-f1-2026-09-12.json' },
      [
        'F1 01: Spanish Grand Prix - Qualifying',
        'Formula 1 02: Spanish GP - Race',
        'F1 | Spanish Grand Prix - Practice 3',
        'F1 04: Spanish Grand Prix',
      ],
    ));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await espn.close();
  });

  it('matches the session a name says', () => {
    const gp = 'Formula 1: Tag Heuer Spanish Grand Prix';
    expectMatched(
      byName,
      'F1 01: Spanish Grand Prix - Qualifying',
      `${gp} — Qualifying`,
      '2026-09-12T14:00:00.000Z',
    );
    expectMatched(byName, 'Formula 1 02: Spanish GP - Race', `${gp} — Race`, '2026-09-13T13:00:00.000Z');
    expectMatched(
      byName,
      'F1 | Spanish Grand Prix - Practice 3',
      `${gp} — Practice 3`,
      '2026-09-12T10:30:00.000Z',
    );
  });

  it('matches the next session when a name says none', () => {
    expectMatched(
      byName,
      'F1 04: Spanish Grand Prix',
      'Formula 1: Tag Heuer Spanish Grand Prix — Qualifying',
      '2026-09-12T14:00:00.000Z',
    );
  });
});

describe('a UFC card', () => {
  let t: TestApp;
  let espn: LoopbackServer;
  let byName: Map<string, Row>;
  beforeAll(async () => {
    ({ t, espn, byName } = await reportAt(
      '2026-03-07T20:00:00Z',
      { 'mma/ufc': 'espn-mma-ufc-2026-02-22.json' },
      [
        'UFC 326: Holloway vs Oliveira 2 - Main Card',
        'UFC 01: UFC 326 Prelims',
        'ESPN+ 05: UFC 326 Early Prelims 5:00 PM ET',
        'UFC 02: Holloway vs. Oliveira 10 PM ET',
        'UFC 03: UFC 326 Holloway vs Oliveira 2 11:30 PM ET',
      ],
    ));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await espn.close();
  });

  it('matches the segment a name says, or the one its time or fighters point to', () => {
    expectMatched(
      byName,
      'UFC 326: Holloway vs Oliveira 2 - Main Card',
      'UFC 326: Main Card',
      '2026-03-08T02:00:00.000Z',
    );
    expectMatched(byName, 'UFC 01: UFC 326 Prelims', 'UFC 326: Prelims', '2026-03-08T00:00:00.000Z');
    expectMatched(
      byName,
      'ESPN+ 05: UFC 326 Early Prelims 5:00 PM ET',
      'UFC 326: Early Prelims',
      '2026-03-07T22:00:00.000Z',
    );
    expectMatched(
      byName,
      'UFC 02: Holloway vs. Oliveira 10 PM ET',
      'UFC 326: Main Card',
      '2026-03-08T02:00:00.000Z',
    );
    // The time of the main event, hours into the main card.
    expectMatched(
      byName,
      'UFC 03: UFC 326 Holloway vs Oliveira 2 11:30 PM ET',
      'UFC 326: Main Card',
      '2026-03-08T02:00:00.000Z',
    );
  });
});

describe('a golf tournament', () => {
  let t: TestApp;
  let espn: LoopbackServer;
  let byName: Map<string, Row>;
  beforeAll(async () => {
    ({ t, espn, byName } = await reportAt(
      '2026-02-22T17:00:00Z',
      { 'golf/pga': 'espn-golf-pga-2026-02-22.json' },
      [
        'PGA 02: The Genesis Invitational - Round 4',
        'PGA 03: Genesis Invitational @ 1:00 PM ET',
        'Golf 04: Genesis Invitational Final Round',
      ],
    ));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await espn.close();
  });

  it("matches the day's round, at any time of it", () => {
    const r4 = ['The Genesis Invitational — Round 4', '2026-02-22T12:00:00.000Z'] as const;
    expectMatched(byName, 'PGA 02: The Genesis Invitational - Round 4', ...r4);
    expectMatched(byName, 'PGA 03: Genesis Invitational @ 1:00 PM ET', ...r4);
    expectMatched(byName, 'Golf 04: Genesis Invitational Final Round', ...r4);
  });
});

describe('a tennis Grand Slam', () => {
  let t: TestApp;
  let espn: LoopbackServer;
  let byName: Map<string, Row>;
  beforeAll(async () => {
    ({ t, espn, byName } = await reportAt(
      '2025-09-01T20:00:00Z',
      { 'tennis/atp': 'espn-tennis-atp-2025-08-31.json' },
      ['ATP 01: Sinner vs Bublik', 'Tennis 02: Jannik Sinner v Alexander Bublik 7:00 PM ET'],
    ));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await espn.close();
  });

  it('matches the match between the named players, not the tournament', () => {
    const match = [
      "US Open: Jannik Sinner vs Alexander Bublik (Men's Singles, Round 4)",
      '2025-09-01T23:00:00.000Z',
    ] as const;
    expectMatched(byName, 'ATP 01: Sinner vs Bublik', ...match);
    // The report says which part of the tournament the channel carries.
    expect(byName.get('ATP 01: Sinner vs Bublik')?.event?.part).toEqual({
      kind: 'match',
      label: "Men's Singles, Round 4",
      parentTitle: 'US Open',
    });
    expectMatched(byName, 'Tennis 02: Jannik Sinner v Alexander Bublik 7:00 PM ET', ...match);
  });
});
