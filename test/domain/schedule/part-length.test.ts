import { describe, expect, it } from 'vitest';
import { loadSportsConfig } from '../../../src/config/sports.js';
import type { GuideChannel } from '../../../src/domain/schedule/scheduler.js';
import type { EventPart, SportEvent } from '../../../src/domain/types.js';
import { parsedChannel } from '../../support/parsed-channel.js';
import { channelSchedule } from '../../support/schedule.js';

const sports = loadSportsConfig('config');
const MIN = 60_000;
const START = new Date('2026-09-12T14:00:00Z');

function session(part: Partial<EventPart> | null, over: Partial<SportEvent> = {}): GuideChannel {
  const event: SportEvent = {
    id: 'espn:600057443:5',
    league: 'F1',
    sport: 'racing',
    title: 'Formula 1: Spanish Grand Prix — Qualifying',
    startsAt: START,
    status: 'pre',
    statusDetail: null,
    venue: null,
    home: null,
    away: null,
    image: null,
    externalIds: {},
    part: part && {
      kind: 'session',
      label: 'Qualifying',
      parentId: 'espn:600057443',
      parentTitle: 'x',
      ...part,
    },
    ...over,
  };
  return {
    id: 'f1-01.acme',
    displayName: 'F1 01: Spanish Grand Prix - Qualifying',
    icon: null,
    parsed: parsedChannel({ kind: 'event' }),
    sport: 'racing',
    league: 'F1',
    event,
    durationMinutes: 150,
  };
}

const liveMinutes = (channel: GuideChannel) => {
  const programmes = channelSchedule(channel, {
    now: new Date('2026-09-12T10:00:00Z'),
    timeZone: 'UTC',
    sports,
  });
  const live = programmes.find((p) => p.kind === 'live')!;
  return (live.stop.getTime() - live.start.getTime()) / MIN;
};

describe("a part's programme", () => {
  it('is titled as the part, even with two sides (a tennis match, a card segment with its headliners)', () => {
    const segment = session(
      { kind: 'segment', label: 'Main Card' },
      { title: 'UFC 326: Main Card', home: 'Max Holloway', away: 'Charles Oliveira', sport: 'mma' },
    );
    const programmes = channelSchedule(segment, {
      now: new Date('2026-09-12T10:00:00Z'),
      timeZone: 'UTC',
      sports,
    });
    expect(programmes.find((p) => p.kind === 'live')?.title).toContain('UFC 326: Main Card');
  });
});

describe("a part's programme length", () => {
  it("runs a qualifying or practice session its usual hour, not the race's length", () => {
    expect(liveMinutes(session({ label: 'Qualifying' }))).toBe(60);
    expect(liveMinutes(session({ label: 'Practice 2' }))).toBe(60);
    expect(liveMinutes(session({ label: 'Sprint' }))).toBe(45);
  });

  it("runs the race, and an event that is no part, the league's length", () => {
    expect(liveMinutes(session({ label: 'Race' }))).toBe(150);
    expect(liveMinutes(session(null))).toBe(150);
  });

  it('runs until the end the event gives (a golf round all day, a card segment until the next)', () => {
    const endsAt = new Date(START.getTime() + 7 * 60 * MIN);
    expect(liveMinutes(session({ kind: 'round', label: 'Round 3' }, { endsAt }))).toBe(7 * 60);
  });
});
