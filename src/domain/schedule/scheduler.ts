// The guide schedule: per channel, programmes that tile the window exactly (no gap, no overlap), cut at the
// provider's local midnights. Only the live block may cross a midnight: a recorder must see one game as one
// programme. Live status moves the block's end: `in` keeps it at least 30 minutes past now, `post` before
// the default end ends it at the next quarter hour after now, a postponed or canceled event keeps the
// default and loses `new`.
import { partEnd } from './part-length.js';
import { addDays, startOfLocalDay } from '../time.js';
import type { ParsedChannel, SportEvent } from '../types.js';
import { resolveSport, type SportsConfig, type ResolvedSport } from './sports.js';
import { blockCuts, guideWindow, splitRange, type GuideWindow } from './window.js';
import {
  calledOffWord,
  categoriesFor,
  eventDetails,
  eventTitle,
  formatDayLabel,
  formatStart,
  programmeIdFor,
} from './text.js';

export interface GuideChannel {
  /** From channel-id.ts, already unique in the guide. */
  id: string;
  /** The channel's current display name. */
  displayName: string;
  /** `tvg-logo`, or null. */
  icon: string | null;
  parsed: ParsedChannel;
  /** Sport id or alias (`basketball`, ESPN's `football`); null when unknown. */
  sport: string | null;
  /** League label (`NBA`); null when unknown. */
  league: string | null;
  /** A matched real event: it replaces only the facts taken from the name (start, teams, title). */
  event: SportEvent | null;
  /** The league's typical length in minutes; the sport's default from config when absent. */
  durationMinutes?: number;
}

export interface ScheduleOptions {
  now: Date;
  /** Provider zone: window days, block cuts and wording follow its clock. */
  timeZone: string;
  /** Whole local days before today in the window (default 1: from 00:00 yesterday). */
  windowDaysBack?: number;
  /** The window ends at 00:00 this many days after today (default 3). */
  windowDaysAhead?: number;
  /** Length of "No event scheduled" blocks of placeholders, aligned to local midnight (default 360). */
  placeholderBlockMinutes?: number;
  /** Longest "Upcoming:" / "Ended:" block, aligned to local midnight (default 360). */
  preEventBlockMinutes?: number;
  sports: SportsConfig;
  /** Put the sport's emoji before event titles (default false). */
  emoji?: boolean;
  /** The icon of a matched event's programmes (its matchup art); else the event's image or the channel logo. */
  eventArt?: (event: SportEvent) => string | undefined;
}

export type ProgrammeKind = 'pre' | 'live' | 'post' | 'day' | 'filler';

export interface Programme {
  channelId: string;
  start: Date;
  stop: Date;
  title: string;
  subTitle?: string;
  desc?: string;
  categories: string[];
  icon?: string;
  /** `dd_progid` value, unique per event. */
  episodeNum?: string;
  isNew?: boolean;
  live?: boolean;
  kind: ProgrammeKind;
}

export interface Scheduler {
  window: GuideWindow;
  buildChannel(channel: GuideChannel): Programme[];
}

const MINUTE = 60_000;
/** While an event is `in` progress its block reaches at least this far past now, even before the default end... */
const LIVE_LOOKAHEAD = 30 * MINUTE;
/** ...rounded up to a quarter hour so that regenerations a few minutes apart agree. */
const ROUND = 15 * MINUTE;
const ceilTo = (ms: number, step: number): number => Math.ceil(ms / step) * step;

/** What a channel says about its event after the name and the match are combined. */
interface EventFacts {
  /** The event's name, without emoji. */
  name: string;
  /** `🏀 ` when emoji titles are on, else ''. */
  emoji: string;
  subTitle: string | undefined;
  details: string[];
  categories: string[];
  eventCategories: string[];
  icon: string | undefined;
  key: string;
  sport: ResolvedSport;
}

/** Precomputes the window and block cuts once for many channels. */
export function createScheduler(opts: ScheduleOptions): Scheduler {
  const window = guideWindow(opts.now, opts.timeZone, opts.windowDaysBack ?? 1, opts.windowDaysAhead ?? 3);
  const fillerCuts = blockCuts(window, opts.timeZone, opts.placeholderBlockMinutes ?? 360);
  const aroundCuts = blockCuts(window, opts.timeZone, opts.preEventBlockMinutes ?? 360);
  const now = opts.now.getTime();

  const facts = (channel: GuideChannel): EventFacts => {
    const { parsed, event } = channel;
    const sport = resolveSport(opts.sports, channel.sport ?? event?.sport);
    const league = channel.league ?? event?.league ?? null;
    const calledOff = calledOffWord(event);
    const base = eventTitle(parsed, event, sport.id, channel.displayName);
    const named = calledOff ? `${base} (${calledOff})` : base;
    const emoji = opts.emoji && sport.profile.emoji ? `${sport.profile.emoji} ` : '';
    return {
      name: named,
      emoji,
      subTitle: league ?? parsed.family ?? undefined,
      details: eventDetails(parsed, event, league),
      categories: categoriesFor(sport.profile.categories, league, false),
      eventCategories: categoriesFor(sport.profile.categories, league, true),
      icon: (event && opts.eventArt?.(event)) ?? event?.image ?? channel.icon ?? undefined,
      key: event ? `event:${event.id}` : `name:${channel.id}:${base}`,
      sport,
    };
  };

  const programme = (
    channel: GuideChannel,
    start: number,
    stop: number,
    kind: ProgrammeKind,
    fields: Omit<Programme, 'channelId' | 'start' | 'stop' | 'kind'>,
  ): Programme => {
    const p: Programme = {
      channelId: channel.id,
      start: new Date(start),
      stop: new Date(stop),
      title: fields.title,
      categories: fields.categories,
      kind,
    };
    // Fields left undefined are left out, so a programme reads the same whether built or compared; assigned
    // rather than spread and deleted, which would leave a slow dictionary-mode object per programme.
    if (fields.subTitle !== undefined) p.subTitle = fields.subTitle;
    if (fields.desc !== undefined) p.desc = fields.desc;
    if (fields.icon !== undefined) p.icon = fields.icon;
    if (fields.episodeNum !== undefined) p.episodeNum = fields.episodeNum;
    if (fields.isNew !== undefined) p.isNew = fields.isNew;
    if (fields.live !== undefined) p.live = fields.live;
    return p;
  };

  const filler = (channel: GuideChannel, from: number, to: number): Programme[] => {
    const fields = {
      title: channel.parsed.kind === 'other' ? channel.displayName.trim() || 'Live TV' : 'No event scheduled',
      subTitle: channel.league ?? channel.parsed.family ?? undefined,
      categories: [],
      icon: channel.icon ?? undefined,
    };
    return splitRange(from, to, fillerCuts).map(([s, e]) => programme(channel, s, e, 'filler', fields));
  };

  /**
   * `Upcoming:` blocks up to `to` and `Ended:` blocks from `from`, cut at midnights and block length. The blocks
   * share their texts (the same strings, which the writer recognises).
   */
  const around = (
    channel: GuideChannel,
    f: EventFacts,
    kind: 'pre' | 'post',
    from: number,
    to: number,
    lead: string,
  ): Programme[] => {
    if (to <= from) return [];
    const fields = {
      title: `${f.emoji}${kind === 'pre' ? 'Upcoming' : 'Ended'}: ${f.name}`,
      subTitle: f.subTitle,
      desc: [lead, ...f.details].filter(Boolean).join(' ') || undefined,
      categories: f.categories,
      icon: f.icon,
    };
    return splitRange(from, to, aroundCuts).map(([s, e]) => programme(channel, s, e, kind, fields));
  };

  const timed = (channel: GuideChannel, startsAt: Date): Programme[] => {
    const f = facts(channel);
    const { event, parsed } = channel;
    const start = startsAt.getTime();
    const minutes = Math.max(1, channel.durationMinutes ?? f.sport.profile.durationMinutes);
    const explicitStop =
      !event && parsed.stopsAt && parsed.stopsAt.getTime() > start ? parsed.stopsAt.getTime() : null;
    const defaultEnd = explicitStop ?? partEnd(event) ?? start + minutes * MINUTE;
    const calledOff = calledOffWord(event) !== null;
    let end = defaultEnd;
    if (event?.status === 'in') end = Math.max(defaultEnd, ceilTo(now + LIVE_LOOKAHEAD, ROUND));
    // Over before its usual length (a blowout, an early stoppage): the block ends now, so the guide and a
    // recorder stop. This moves with each regeneration until the default end passes; a stored real end
    // would be better.
    if (event?.status === 'post' && !calledOff && now >= start && now < defaultEnd) {
      end = Math.min(defaultEnd, Math.max(start + ROUND, ceilTo(now, ROUND)));
    }
    if (end <= window.start) return filler(channel, window.start, window.end);

    const startText = `Starts ${formatStart(startsAt, opts.timeZone)}.`;
    const liveFrom = Math.max(start, window.start);
    const liveTo = Math.min(end, window.end);
    const out = around(channel, f, 'pre', window.start, Math.min(start, window.end), startText);
    if (liveTo > liveFrom) {
      out.push(
        programme(channel, liveFrom, liveTo, 'live', {
          title: `${f.emoji}${f.name}`,
          subTitle: f.subTitle,
          desc: f.details.join(' ') || undefined,
          categories: f.eventCategories,
          icon: f.icon,
          episodeNum: programmeIdFor(event ? f.key : `${f.key}:${new Date(start).toISOString()}`),
          isNew: !calledOff,
          live: !calledOff,
        }),
      );
    }
    out.push(...around(channel, f, 'post', Math.max(end, window.start), window.end, ''));
    return out;
  };

  /** A date (or today) but no time: one block over that local day, never an invented hour. */
  const dated = (channel: GuideChannel): Programme[] => {
    const f = facts(channel);
    const ymd = channel.parsed.date ?? window.today;
    const dayStart = startOfLocalDay(ymd, opts.timeZone).getTime();
    const dayEnd = startOfLocalDay(addDays(ymd, 1), opts.timeZone).getTime();
    if (dayEnd <= window.start) return filler(channel, window.start, window.end);
    const label = channel.parsed.date === null ? 'Today' : formatDayLabel(ymd);
    const out = around(
      channel,
      f,
      'pre',
      window.start,
      Math.min(dayStart, window.end),
      `On ${formatDayLabel(ymd)}, time TBA.`,
    );
    const from = Math.max(dayStart, window.start);
    const to = Math.min(dayEnd, window.end);
    if (to > from) {
      out.push(
        programme(channel, from, to, 'day', {
          title: `${f.emoji}${label}: ${f.name}, time TBA`,
          subTitle: f.subTitle,
          desc: ['Start time to be announced.', ...f.details].join(' '),
          categories: f.eventCategories,
          icon: f.icon,
          episodeNum: programmeIdFor(`${f.key}:${ymd}`),
        }),
      );
    }
    out.push(...around(channel, f, 'post', Math.max(dayEnd, window.start), window.end, ''));
    return out;
  };

  const buildChannel = (channel: GuideChannel): Programme[] => {
    const { event, parsed } = channel;
    // A matched event decides whatever the name looked like; a time read from the name only counts on an
    // event channel.
    const startsAt = event ? event.startsAt : parsed.kind === 'event' ? parsed.startsAt : null;
    if (startsAt && Number.isFinite(startsAt.getTime())) return timed(channel, startsAt);
    if (parsed.kind === 'event') return dated(channel);
    return filler(channel, window.start, window.end);
  };

  return { window, buildChannel };
}
