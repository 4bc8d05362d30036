import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSportsConfig, parseSportsConfig, SportsConfigError } from '../../../src/config/sports.js';
import {
  createScheduler,
  type GuideChannel,
  type Programme,
  type ScheduleOptions,
} from '../../../src/domain/schedule/scheduler.js';
import { resolveSport } from '../../../src/domain/schedule/sports.js';
import { offsetMinutes, wallClock, zonedToUtc } from '../../../src/domain/time.js';
import type { ParsedChannel, SportEvent } from '../../../src/domain/types.js';
import { parsedChannel } from '../../support/parsed-channel.js';
import { channelSchedule, scheduleOf } from '../../support/schedule.js';

const sports = loadSportsConfig('config');
const MIN = 60_000;
const HOUR = 60 * MIN;

function guideChannel(
  over: Partial<Omit<GuideChannel, 'parsed'>> & { parsed?: Partial<ParsedChannel> } = {},
) {
  const { parsed, ...rest } = over;
  const channel: GuideChannel = {
    id: 'nba-01.acme',
    displayName: 'NBA 01: Lakers @ Celtics 7:30 PM ET',
    icon: null,
    parsed: parsedChannel(parsed),
    sport: 'basketball',
    league: 'NBA',
    event: null,
    ...rest,
  };
  return channel;
}

function sportEvent(over: Partial<SportEvent> = {}): SportEvent {
  return {
    id: '401810123',
    league: 'NBA',
    sport: 'basketball',
    title: 'Los Angeles Lakers at Boston Celtics',
    startsAt: new Date('2026-11-26T00:00:00Z'),
    status: 'pre',
    statusDetail: null,
    venue: 'TD Garden',
    home: 'Boston Celtics',
    away: 'Los Angeles Lakers',
    image: 'https://img.example/401810123.png',
    externalIds: { espn: '401810123' },
    ...over,
  };
}

const NY = 'America/New_York';
const options = (over: Partial<ScheduleOptions> = {}): ScheduleOptions => ({
  now: new Date('2026-11-25T17:00:00Z'),
  timeZone: NY,
  sports,
  ...over,
});

/** The tiling invariant: sorted, contiguous, non-empty, exactly the window. */
function expectTiles(programmes: Programme[], start: number, end: number): void {
  expect(programmes.length).toBeGreaterThan(0);
  expect(programmes[0]?.start.getTime()).toBe(start);
  expect(programmes[programmes.length - 1]?.stop.getTime()).toBe(end);
  programmes.forEach((p, i) => {
    expect(p.stop.getTime()).toBeGreaterThan(p.start.getTime());
    const next = programmes[i + 1];
    if (next) expect(next.start.getTime()).toBe(p.stop.getTime());
  });
}

/** Whether a local midnight falls strictly inside a programme (the local date is monotonic in these zones). */
function crossesMidnight(p: Programme, timeZone: string): boolean {
  return wallClock(new Date(p.stop.getTime() - 1), timeZone).ymd !== wallClock(p.start, timeZone).ymd;
}

describe('sports config', () => {
  it('reads the checked-in defaults for every sport', () => {
    const minutes = Object.fromEntries(
      Object.entries(sports.sports).map(([id, s]) => [id, s.durationMinutes]),
    );
    expect(minutes).toMatchObject({ basketball: 180, 'american-football': 210, soccer: 150, unknown: 180 });
    expect(sports.sports.basketball?.categories).toEqual(['Basketball']);
  });

  it('resolves source names such as ESPN football and TheSportsDB Ice Hockey', () => {
    expect(resolveSport(sports, 'football').id).toBe('american-football');
    expect(resolveSport(sports, 'Ice Hockey').id).toBe('hockey');
    expect(resolveSport(sports, 'Soccer').id).toBe('soccer');
    expect(resolveSport(sports, 'curling').id).toBe('unknown');
    expect(resolveSport(sports, null).profile.durationMinutes).toBe(180);
  });

  it('rejects a file without the unknown sport or with a bad duration, naming the field', () => {
    expect(() => parseSportsConfig('sports:\n  golf: { durationMinutes: 360 }\n')).toThrow(/unknown/);
    const text = readFileSync('config/sports.yaml', 'utf8').replace(
      'durationMinutes: 150',
      'durationMinutes: -5',
    );
    expect(() => parseSportsConfig(text)).toThrow(SportsConfigError);
    expect(() => parseSportsConfig(text)).toThrow(/sports\.soccer\.durationMinutes/);
    expect(() => parseSportsConfig('sports: [')).toThrow(SportsConfigError);
  });
});

describe('the guide window', () => {
  it('runs from 00:00 yesterday to 00:00 three days ahead in the provider zone', () => {
    const { window } = createScheduler(options());
    expect(new Date(window.start).toISOString()).toBe('2026-11-24T05:00:00.000Z');
    expect(new Date(window.end).toISOString()).toBe('2026-11-28T05:00:00.000Z');
  });

  it('uses the provider zone rather than the process zone for today', () => {
    // 03:30 UTC on the 26th is still the 25th in Chicago but the 26th in Berlin.
    const { window } = createScheduler(
      options({ now: new Date('2026-11-26T03:30:00Z'), timeZone: 'Europe/Berlin' }),
    );
    expect(window.today).toBe('2026-11-26');
    expect(new Date(window.start).toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('takes configurable days back and ahead', () => {
    const { window } = createScheduler(options({ windowDaysBack: 0, windowDaysAhead: 1 }));
    expect(window.end - window.start).toBe(24 * HOUR);
  });
});

describe('an event channel built from its name', () => {
  const startsAt = zonedToUtc('2026-11-25', '19:30', NY);
  const channel = guideChannel({ parsed: { time: '19:30', timeZone: NY, startsAt } });
  const programmes = channelSchedule(channel, options());
  const { window } = createScheduler(options());

  it('tiles the window with upcoming, live and ended blocks', () => {
    expectTiles(programmes, window.start, window.end);
    const kinds = programmes.map((p) => p.kind);
    expect(kinds.indexOf('live')).toBe(kinds.lastIndexOf('live'));
    expect(kinds.slice(0, kinds.indexOf('live')).every((k) => k === 'pre')).toBe(true);
    expect(kinds.slice(kinds.indexOf('live') + 1).every((k) => k === 'post')).toBe(true);
  });

  it('starts the live block at the named time and runs it for the sport default', () => {
    const live = programmes.find((p) => p.kind === 'live');
    expect(live?.start).toEqual(startsAt);
    expect(live && (live.stop.getTime() - live.start.getTime()) / MIN).toBe(180);
    expect(live).toMatchObject({ title: 'Lakers at Celtics', isNew: true, live: true, subTitle: 'NBA' });
    expect(live?.categories).toEqual(['Sports', 'Sports event', 'Basketball', 'NBA']);
    expect(live?.episodeNum).toMatch(/^EP\d{8}\.\d{4}$/);
  });

  it('words the blocks around it and keeps "Sports event" for the event itself', () => {
    const pre = programmes.find((p) => p.kind === 'pre');
    const post = programmes.find((p) => p.kind === 'post');
    expect(pre?.title).toBe('Upcoming: Lakers at Celtics');
    expect(pre?.desc).toContain('Starts Wed, Nov 25 at 7:30 PM EST.');
    expect(post?.title).toBe('Ended: Lakers at Celtics');
    expect(pre?.categories).not.toContain('Sports event');
    expect(programmes.filter((p) => p.isNew)).toHaveLength(1);
  });

  it('cuts the blocks around the event at local midnights and at the block length', () => {
    for (const p of programmes) if (p.kind !== 'live') expect(crossesMidnight(p, NY)).toBe(false);
    for (const p of programmes) expect(p.stop.getTime() - p.start.getTime()).toBeLessThanOrEqual(6 * HOUR);
  });

  it('keeps a game that crosses midnight in one live block', () => {
    const late = guideChannel({ parsed: { startsAt: zonedToUtc('2026-11-25', '22:30', NY), time: '22:30' } });
    const out = channelSchedule(late, options());
    const live = out.find((p) => p.kind === 'live');
    expect(live && crossesMidnight(live, NY)).toBe(true);
    expectTiles(out, window.start, window.end);
  });

  it('uses the sport default for an unknown sport: three hours', () => {
    const out = channelSchedule({ ...channel, sport: null, league: null }, options());
    const live = out.find((p) => p.kind === 'live');
    expect(live && (live.stop.getTime() - live.start.getTime()) / HOUR).toBe(3);
    expect(live?.subTitle).toBe('NBA');
  });

  it('ends at an explicit stop time from the name', () => {
    const stopsAt = new Date(startsAt.getTime() + 95 * MIN);
    const out = channelSchedule(guideChannel({ parsed: { startsAt, stopsAt } }), options());
    expect(out.find((p) => p.kind === 'live')?.stop).toEqual(stopsAt);
  });

  it('prefixes the sport emoji when enabled', () => {
    const out = channelSchedule(channel, options({ emoji: true }));
    expect(out.find((p) => p.kind === 'live')?.title).toBe('🏀 Lakers at Celtics');
    expect(out.find((p) => p.kind === 'pre')?.title).toBe('🏀 Upcoming: Lakers at Celtics');
  });

  it('fills the whole window with upcoming blocks when the event is after it', () => {
    const later = guideChannel({ parsed: { startsAt: new Date('2026-12-05T00:30:00Z'), time: '19:30' } });
    const out = channelSchedule(later, options());
    expect(new Set(out.map((p) => p.kind))).toEqual(new Set(['pre']));
    expectTiles(out, window.start, window.end);
  });

  it('treats a name whose event ended before the window as a placeholder', () => {
    const stale = guideChannel({ parsed: { startsAt: new Date('2026-11-20T00:30:00Z'), time: '19:30' } });
    const out = channelSchedule(stale, options());
    expect(out.every((p) => p.kind === 'filler' && p.title === 'No event scheduled')).toBe(true);
  });
});

describe('an event channel with a matched event', () => {
  const nameStart = zonedToUtc('2026-11-25', '19:30', NY);
  const base = { parsed: { time: '19:30', timeZone: NY, startsAt: nameStart } };

  it('takes the real start, the league duration and the canonical US title', () => {
    const event = sportEvent();
    const out = channelSchedule(guideChannel({ ...base, event, durationMinutes: 150 }), options());
    const live = out.find((p) => p.kind === 'live');
    expect(live?.start).toEqual(event.startsAt);
    expect(live && (live.stop.getTime() - live.start.getTime()) / MIN).toBe(150);
    expect(live?.title).toBe('Los Angeles Lakers at Boston Celtics');
    expect(live?.desc).toContain('Venue: TD Garden.');
    expect(live?.desc).toContain('Home: Boston Celtics.');
    expect(live?.icon).toBe(event.image);
    expect(live?.categories).toContain('NBA');
  });

  it('writes soccer as Home vs Away', () => {
    const event = sportEvent({ sport: 'soccer', league: 'EPL', home: 'Arsenal', away: 'Chelsea' });
    const out = channelSchedule(guideChannel({ ...base, event, sport: 'soccer', league: 'EPL' }), options());
    expect(out.find((p) => p.kind === 'live')?.title).toBe('Arsenal vs Chelsea');
    const live = out.find((p) => p.kind === 'live');
    expect(live && (live.stop.getTime() - live.start.getTime()) / MIN).toBe(150);
  });

  it('gives the same event the same programme id on every channel and a different one to another event', () => {
    const a = channelSchedule(guideChannel({ ...base, event: sportEvent() }), options());
    const b = channelSchedule(guideChannel({ ...base, id: 'nba-02.acme', event: sportEvent() }), options());
    const c = channelSchedule(guideChannel({ ...base, event: sportEvent({ id: '401810124' }) }), options());
    const id = (ps: Programme[]) => ps.find((p) => p.kind === 'live')?.episodeNum;
    expect(id(a)).toBe(id(b));
    expect(id(a)).not.toBe(id(c));
  });

  it('extends an event still in progress past its default end to at least 30 minutes after now', () => {
    const now = new Date(sportEvent().startsAt.getTime() + 200 * MIN);
    const out = channelSchedule(
      guideChannel({ ...base, event: sportEvent({ status: 'in' }) }),
      options({ now }),
    );
    const live = out.find((p) => p.kind === 'live');
    expect(live?.stop.getTime()).toBeGreaterThanOrEqual(now.getTime() + 30 * MIN);
    expect(live?.stop.getTime()).toBeLessThan(now.getTime() + 45 * MIN);
    expectTiles(
      out,
      createScheduler(options({ now })).window.start,
      createScheduler(options({ now })).window.end,
    );
  });

  it('ends a finished event at the quarter hour after now when it finished early', () => {
    const now = new Date(sportEvent().startsAt.getTime() + 100 * MIN);
    const out = channelSchedule(
      guideChannel({ ...base, event: sportEvent({ status: 'post' }) }),
      options({ now }),
    );
    expect(out.find((p) => p.kind === 'live')?.stop).toEqual(
      new Date(sportEvent().startsAt.getTime() + 105 * MIN),
    );
    expect(out.find((p) => p.kind === 'post')?.start).toEqual(
      new Date(sportEvent().startsAt.getTime() + 105 * MIN),
    );
  });

  it('marks a postponed event and does not flag it new', () => {
    const event = sportEvent({ status: 'post', statusDetail: 'Postponed' });
    const out = channelSchedule(guideChannel({ ...base, event }), options());
    const live = out.find((p) => p.kind === 'live');
    expect(live?.title).toBe('Los Angeles Lakers at Boston Celtics (Postponed)');
    expect(live?.isNew).toBe(false);
  });

  it('builds a schedule around a matched event even when the name had no time', () => {
    const out = channelSchedule(guideChannel({ event: sportEvent() }), options());
    expect(out.find((p) => p.kind === 'live')?.start).toEqual(sportEvent().startsAt);
  });
});

describe('an event channel without a time', () => {
  const { window } = createScheduler(options());

  it('gives a named date one honest block over that local day', () => {
    const out = channelSchedule(guideChannel({ parsed: { date: '2026-11-26' } }), options());
    const day = out.filter((p) => p.kind === 'day');
    expect(day).toHaveLength(1);
    expect(day[0]?.title).toBe('Thu, Nov 26: Lakers at Celtics, time TBA');
    expect(day[0]?.start).toEqual(zonedToUtc('2026-11-26', '00:00', NY));
    expect(day[0]?.stop).toEqual(zonedToUtc('2026-11-27', '00:00', NY));
    expect(out.some((p) => p.kind === 'live')).toBe(false);
    expectTiles(out, window.start, window.end);
  });

  it('puts a name with neither date nor time on today', () => {
    const out = channelSchedule(guideChannel(), options());
    const day = out.find((p) => p.kind === 'day');
    expect(day?.title).toBe('Today: Lakers at Celtics, time TBA');
    expect(day?.start).toEqual(zonedToUtc('2026-11-25', '00:00', NY));
  });

  it('treats a date older than the window as stale', () => {
    const out = channelSchedule(guideChannel({ parsed: { date: '2026-11-01' } }), options());
    expect(new Set(out.map((p) => p.kind))).toEqual(new Set(['filler']));
  });
});

describe('placeholders and other channels', () => {
  it('fills a placeholder with fixed blocks aligned to local midnight', () => {
    const placeholder = guideChannel({ parsed: { kind: 'placeholder', teams: [], payload: '' } });
    const out = channelSchedule(placeholder, options({ placeholderBlockMinutes: 120 }));
    expect(out).toHaveLength(48);
    expect(out.every((p) => p.title === 'No event scheduled' && p.kind === 'filler')).toBe(true);
    expect(out.every((p) => p.stop.getTime() - p.start.getTime() === 2 * HOUR)).toBe(true);
    expect(wallClock(out[1]?.start ?? new Date(0), NY).hour).toBe(2);
  });

  it('titles a channel that is not an event channel with its name', () => {
    const other = guideChannel({
      displayName: 'ESPN HD',
      parsed: { kind: 'other', family: null, slot: null },
    });
    expect(channelSchedule(other, options())[0]?.title).toBe('ESPN HD');
  });

  it('lists channels in input order, each sorted', () => {
    const a = guideChannel({ id: 'a.acme', parsed: { kind: 'placeholder' } });
    const b = guideChannel({ id: 'b.acme' });
    const out = scheduleOf([b, a], options());
    const firstA = out.findIndex((p) => p.channelId === 'a.acme');
    expect(out.slice(0, firstA).every((p) => p.channelId === 'b.acme')).toBe(true);
  });
});

describe('across DST changes', () => {
  const cases = [
    { zone: 'America/New_York', day: '2026-03-08', hours: 23 },
    { zone: 'America/New_York', day: '2026-11-01', hours: 25 },
    { zone: 'Europe/Berlin', day: '2026-03-29', hours: 23 },
    { zone: 'Europe/London', day: '2026-10-25', hours: 25 },
  ];

  for (const { zone, day, hours } of cases) {
    it(`makes ${day} in ${zone} a ${hours}-hour day with blocks cut at its local midnights`, () => {
      const now = zonedToUtc(day, '12:00', zone);
      const opts = options({ now, timeZone: zone });
      const { window } = createScheduler(opts);
      const placeholder = guideChannel({ parsed: { kind: 'placeholder' } });
      const out = channelSchedule(placeholder, opts);
      expectTiles(out, window.start, window.end);
      const dayStart = zonedToUtc(day, '00:00', zone).getTime();
      const inDay = out.filter((p) => p.start.getTime() >= dayStart && wallClock(p.start, zone).ymd === day);
      const total = inDay.reduce((sum, p) => sum + p.stop.getTime() - p.start.getTime(), 0);
      expect(total).toBe(hours * HOUR);
      for (const p of out) expect(crossesMidnight(p, zone)).toBe(false);
    });

    it(`keeps an event on ${day} in ${zone} contiguous with its neighbours`, () => {
      const now = zonedToUtc(day, '12:00', zone);
      const opts = options({ now, timeZone: zone });
      const startsAt = zonedToUtc(day, '00:30', zone);
      const out = channelSchedule(
        guideChannel({ parsed: { startsAt, time: '00:30', timeZone: zone } }),
        opts,
      );
      const { window } = createScheduler(opts);
      expectTiles(out, window.start, window.end);
      const live = out.find((p) => p.kind === 'live');
      // 180 elapsed minutes, whatever the wall clock did meanwhile.
      expect(live && live.stop.getTime() - live.start.getTime()).toBe(3 * HOUR);
      expect(offsetMinutes(zone, live?.start ?? new Date(0))).not.toBe(
        offsetMinutes(zone, live?.stop ?? new Date(0)),
      );
    });
  }
});

describe('the schedule invariant', () => {
  const zones = [
    'America/New_York',
    'America/Chicago',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Kolkata',
    'UTC',
  ];
  const statuses = [null, 'pre', 'in', 'post'] as const;

  it('covers the window exactly, without gap or overlap, for random channels and times', () => {
    const base = Date.UTC(2026, 0, 1);
    const channelArb = fc.record({
      kind: fc.constantFrom('event' as const, 'placeholder' as const, 'other' as const),
      startOffsetMin: fc.option(fc.integer({ min: -10 * 1440, max: 10 * 1440 })),
      dateOffsetDays: fc.option(fc.integer({ min: -6, max: 6 })),
      stopAfterMin: fc.option(fc.integer({ min: -60, max: 2000 })),
      withEvent: fc.boolean(),
      status: fc.constantFrom(...statuses),
      statusDetail: fc.constantFrom(null, 'Final', 'Postponed'),
      duration: fc.option(fc.integer({ min: 0, max: 3000 })),
      sport: fc.constantFrom(null, 'basketball', 'soccer', 'golf', 'curling'),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 * 1440 }),
        fc.constantFrom(...zones),
        fc.constantFrom(15, 45, 90, 120, 360, 1440),
        fc.constantFrom(30, 120, 360),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(channelArb, { minLength: 1, maxLength: 4 }),
        (nowMin, timeZone, fillerBlock, aroundBlock, back, ahead, specs) => {
          const now = new Date(base + nowMin * MIN);
          const opts = options({
            now,
            timeZone,
            placeholderBlockMinutes: fillerBlock,
            preEventBlockMinutes: aroundBlock,
            windowDaysBack: back,
            windowDaysAhead: ahead,
          });
          const scheduler = createScheduler(opts);
          const { window } = scheduler;
          specs.forEach((spec, i) => {
            const startsAt =
              spec.startOffsetMin === null ? null : new Date(now.getTime() + spec.startOffsetMin * MIN);
            const date =
              spec.dateOffsetDays === null
                ? null
                : new Date(now.getTime() + spec.dateOffsetDays * 86_400_000).toISOString().slice(0, 10);
            const channel = guideChannel({
              id: `c${i}.acme`,
              sport: spec.sport,
              ...(spec.duration === null ? {} : { durationMinutes: spec.duration }),
              event: spec.withEvent
                ? sportEvent({
                    startsAt: startsAt ?? now,
                    status: spec.status,
                    statusDetail: spec.statusDetail,
                  })
                : null,
              parsed: {
                kind: spec.kind,
                startsAt,
                date,
                stopsAt:
                  startsAt && spec.stopAfterMin !== null
                    ? new Date(startsAt.getTime() + spec.stopAfterMin * MIN)
                    : null,
              },
            });
            const out = scheduler.buildChannel(channel);
            expectTiles(out, window.start, window.end);
            for (const p of out) {
              expect(p.start.getTime()).toBeGreaterThanOrEqual(window.start);
              expect(p.stop.getTime()).toBeLessThanOrEqual(window.end);
              if (p.kind !== 'live') expect(crossesMidnight(p, timeZone)).toBe(false);
            }
            expect(out.filter((p) => p.kind === 'live').length).toBeLessThanOrEqual(1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
