// What the part mappers (sessions, card segments, matches, rounds) share: reading ESPN's states, dates and
// sides, and writing one part as a SportEvent of its own.
import type { LeagueConfig } from '../config/leagues.js';
import type { EventPart, SportEvent } from '../domain/types.js';
import type { z } from 'zod';
import type { espnCompetitorSchema, espnStatusSchema, EspnEvent } from './espn-schema.js';

export type EspnStatus = z.infer<typeof espnStatusSchema>;
export type EspnCompetitor = z.infer<typeof espnCompetitorSchema>;

export function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

/**
 * ESPN's state, `pre` | `in` | `post`. A racing session ESPN calls complete (`STATUS_SESSION_COMPLETE`, "End
 * of Session") is over although ESPN still says `in`: read as `in`, the guide would keep it live.
 */
export function stateOf(status: EspnStatus | null | undefined): SportEvent['status'] {
  const type = status?.type;
  if (type?.name === 'STATUS_SESSION_COMPLETE') return 'post';
  const s = type?.state;
  return s === 'pre' || s === 'in' || s === 'post' ? s : null;
}

export function detailOf(status: EspnStatus | null | undefined): string | null {
  const type = status?.type;
  return nonEmpty(type?.detail) ?? nonEmpty(type?.shortDetail) ?? nonEmpty(type?.description);
}

/** The instant of an ESPN date (`2026-09-13T13:00Z`), or null when there is none or it does not read. */
export function instantOf(date: string | null | undefined): Date | null {
  if (!date) return null;
  const at = new Date(date);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** `Main Card` -> `main-card`: a part's key in its id. */
export function slugOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The name a competitor goes by: an athlete's, a tennis pair's (`A / B`), else a team's. */
export function competitorName(c: EspnCompetitor): string | null {
  return (
    nonEmpty(c.athlete?.displayName) ??
    nonEmpty(c.athlete?.fullName) ??
    nonEmpty(c.roster?.displayName) ??
    nonEmpty(c.team?.displayName)
  );
}

/**
 * The two sides of a bout or match, first-named first: by `homeAway` when ESPN gives it (tennis), else by
 * `order` (a bout's 1 and 2), else as listed.
 */
export function sidesOf(competitors: readonly EspnCompetitor[]): [EspnCompetitor, EspnCompetitor] | null {
  const home = competitors.find((c) => c.homeAway === 'home');
  const away = competitors.find((c) => c.homeAway === 'away');
  if (home && away) return [home, away];
  const [first, second] = competitors
    .map((c, i) => ({ c, rank: c.order ?? competitors.length + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.c);
  return first && second ? [first, second] : null;
}

/** The whole event's title, which each part names as its parent. */
export function eventTitle(ev: EspnEvent, league: LeagueConfig): string {
  return nonEmpty(ev.name) ?? nonEmpty(ev.shortName) ?? league.name;
}

export interface PartFields {
  /** Unique within the event: the id is `espn:<eventId>:<key>`. */
  key: string;
  kind: EventPart['kind'];
  label: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  status: SportEvent['status'];
  statusDetail: string | null;
  venue: string | null;
  home?: string | null;
  away?: string | null;
}

/** One part as an event of its own; `externalIds.espn` is `<eventId>:<key>`, so each part is stored apart. */
export function partEvent(ev: EspnEvent, league: LeagueConfig, p: PartFields): SportEvent {
  const externalId = `${ev.id}:${p.key}`;
  return {
    id: `espn:${externalId}`,
    league: league.key,
    sport: league.sport,
    title: p.title,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    part: { kind: p.kind, label: p.label, parentId: `espn:${ev.id}`, parentTitle: eventTitle(ev, league) },
    status: p.status,
    statusDetail: p.statusDetail,
    venue: p.venue,
    home: p.home ?? null,
    away: p.away ?? null,
    homeId: null,
    awayId: null,
    image: nonEmpty(ev.images?.[0]?.href),
    externalIds: { espn: externalId },
  };
}

/** Keys made unique within an event: a repeated key gets a suffix (`race`, then `race-401839107`). */
export function uniqueKeys(): (key: string, fallback: string) => string {
  const seen = new Set<string>();
  return (key, fallback) => {
    let k = key || fallback;
    if (seen.has(k)) k = `${k}-${fallback}`;
    for (let n = 2; seen.has(k); n += 1) k = `${key || fallback}-${fallback}-${n}`;
    seen.add(k);
    return k;
  };
}
