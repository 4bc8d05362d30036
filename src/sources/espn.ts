import type { LeagueConfig, Sport } from '../config/leagues.js';
import { hexColour } from '../domain/art/colour.js';
import { teamAliases, type TeamRecord } from '../domain/matching/index.js';
import type { SportEvent } from '../domain/types.js';
import { UpstreamError } from '../errors.js';
import { mapCardSegments } from './espn-card.js';
import { mapTennisMatches } from './espn-matches.js';
import { detailOf, nonEmpty, stateOf } from './espn-part.js';
import { mapGolfRounds } from './espn-rounds.js';
import {
  espnEventSchema,
  espnScoreboardSchema,
  espnTeamSchema,
  espnTeamsSchema,
  type EspnEvent,
  type EspnTeam,
} from './espn-schema.js';
import { mapRaceSessions } from './espn-sessions.js';
import type { HttpClient } from './http-client.js';

export interface EspnScoreboard {
  events: SportEvent[];
  /** Teams seen in the events, one per id. */
  teams: TeamRecord[];
  /** Events dropped because they did not validate or had no usable start. */
  skipped: number;
}

export type EspnDates = string | { from: string; to: string };

export interface EspnClient {
  /** One day (`YYYY-MM-DD`) or a range of days; ESPN reads the days in US Eastern time. */
  scoreboard(league: LeagueConfig, dates: EspnDates): Promise<EspnScoreboard>;
  teams(league: LeagueConfig): Promise<TeamRecord[]>;
}

// Sports whose competitors are athletes or fields of entrants: no home and away.
const INDIVIDUAL_SPORTS: ReadonlySet<Sport> = new Set(['mma', 'boxing', 'racing', 'golf', 'tennis']);

/**
 * The sports whose events hold the parts a channel airs: a race weekend's sessions, a card's segments, a
 * tournament's matches or rounds. Each mapper answers null when the event has no such parts: it stays whole.
 */
const PARTS: Partial<Record<Sport, (ev: EspnEvent, league: LeagueConfig) => SportEvent[] | null>> = {
  racing: mapRaceSessions,
  mma: mapCardSegments,
  tennis: mapTennisMatches,
  golf: mapGolfRounds,
};

// High enough to return every game of a day; leagues.yaml may override it (college basketball).
const DEFAULT_LIMIT = '1000';

function badBody(message: string): UpstreamError {
  return new UpstreamError('espn', 'bad-body', message);
}

function compactYmd(ymd: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(ymd);
  if (!m) throw new TypeError(`not a YYYY-MM-DD date: ${ymd}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

/** `/apis/site/v2/sports/basketball/nba/scoreboard?dates=20261125&limit=1000`; null for non-ESPN leagues. */
export function buildScoreboardPath(league: LeagueConfig, dates: EspnDates): string | null {
  if (!league.espn) return null;
  const days =
    typeof dates === 'string' ? compactYmd(dates) : `${compactYmd(dates.from)}-${compactYmd(dates.to)}`;
  const query = new URLSearchParams({ dates: days, limit: DEFAULT_LIMIT });
  for (const [k, v] of Object.entries(league.espnQuery)) query.set(k, v);
  return `/apis/site/v2/sports/${league.espn}/scoreboard?${query.toString()}`;
}

export function buildTeamsPath(league: LeagueConfig): string | null {
  return league.espn ? `/apis/site/v2/sports/${league.espn}/teams?limit=${DEFAULT_LIMIT}` : null;
}

function toTeamRecord(team: EspnTeam, league: LeagueConfig): TeamRecord {
  const name =
    nonEmpty(team.displayName) ??
    ([team.location, team.name].filter(Boolean).join(' ') || nonEmpty(team.abbreviation) || team.id);
  return {
    source: 'espn',
    id: team.id,
    league: league.key,
    name,
    shortName: nonEmpty(team.shortDisplayName),
    abbreviation: nonEmpty(team.abbreviation),
    location: nonEmpty(team.location),
    logo: nonEmpty(team.logo) ?? nonEmpty(team.logos?.[0]?.href),
    color: hexColour(team.color),
    alternateColor: hexColour(team.alternateColor),
    espnId: team.id,
    aliases: teamAliases({ ...team, displayName: name }),
  };
}

function mapEvent(ev: EspnEvent, league: LeagueConfig, teams: Map<string, TeamRecord>): SportEvent | null {
  const competition = ev.competitions?.[0];
  const startsAt = new Date(ev.date || competition?.date || '');
  if (Number.isNaN(startsAt.getTime())) return null;
  const status = ev.status?.type ? ev.status : competition?.status;

  let home: TeamRecord | null = null;
  let away: TeamRecord | null = null;
  if (!INDIVIDUAL_SPORTS.has(league.sport)) {
    for (const c of competition?.competitors ?? []) {
      if (!c.team || (c.type && c.type !== 'team')) continue;
      const record = teams.get(c.team.id) ?? toTeamRecord(c.team, league);
      teams.set(record.id, record);
      if (c.homeAway === 'home') home = record;
      else if (c.homeAway === 'away') away = record;
    }
  }
  const matchup = home && away ? `${away.name} at ${home.name}` : null;
  return {
    id: `espn:${ev.id}`,
    league: league.key,
    sport: league.sport,
    title: nonEmpty(ev.name) ?? nonEmpty(ev.shortName) ?? matchup ?? league.name,
    startsAt,
    status: stateOf(status),
    statusDetail: detailOf(status),
    venue: nonEmpty(competition?.venue?.fullName),
    home: home?.name ?? null,
    away: away?.name ?? null,
    homeId: home?.id ?? null,
    awayId: away?.id ?? null,
    image: nonEmpty(ev.images?.[0]?.href),
    externalIds: { espn: ev.id },
  };
}

/** An event as the events a channel airs: its parts (sessions, segments, matches, rounds), else itself. */
function mapEventOrParts(
  ev: EspnEvent,
  league: LeagueConfig,
  teams: Map<string, TeamRecord>,
): SportEvent[] | null {
  const parts = PARTS[league.sport]?.(ev, league);
  if (parts) return parts;
  const event = mapEvent(ev, league, teams);
  return event ? [event] : null;
}

/**
 * Reads a scoreboard answer (golf's leaderboard answer reads the same). Events that do not validate are
 * skipped and counted; an answer that is not a scoreboard at all is an UpstreamError('bad-body'). Team sports
 * get home/away from the competitors. Races, fight cards and tennis and golf tournaments become their parts,
 * each an event with its own id (`espn:<eventId>:<partKey>`), start and state; one of these without parts
 * stays whole, with home/away null, titled by its name.
 */
export function mapEspnScoreboard(json: unknown, league: LeagueConfig): EspnScoreboard {
  const envelope = espnScoreboardSchema.safeParse(json);
  if (!envelope.success) throw badBody(`scoreboard for ${league.key} is not a scoreboard`);
  const teams = new Map<string, TeamRecord>();
  const events: SportEvent[] = [];
  let skipped = 0;
  for (const raw of envelope.data.events ?? []) {
    const parsed = espnEventSchema.safeParse(raw);
    const mapped = parsed.success ? mapEventOrParts(parsed.data, league, teams) : null;
    if (mapped) events.push(...mapped);
    else skipped += 1;
  }
  return { events, teams: [...teams.values()], skipped };
}

/** Reads a `/teams` answer (`sports[].leagues[].teams[].team`); teams that do not validate are dropped. */
export function mapEspnTeams(json: unknown, league: LeagueConfig): TeamRecord[] {
  const parsed = espnTeamsSchema.safeParse(json);
  if (!parsed.success) throw badBody(`teams for ${league.key} is not a team list`);
  const out = new Map<string, TeamRecord>();
  for (const sport of parsed.data.sports) {
    for (const l of sport.leagues ?? []) {
      for (const entry of l.teams ?? []) {
        const team = espnTeamSchema.safeParse(entry.team);
        if (team.success) out.set(team.data.id, toTeamRecord(team.data, league));
      }
    }
  }
  return [...out.values()];
}

/** Thin: builds the path, asks the HttpClient (timeouts, retries, breaker live there), maps the answer. */
export function createEspnClient(deps: { http: HttpClient }): EspnClient {
  const { http } = deps;
  return {
    async scoreboard(league, dates) {
      const path = buildScoreboardPath(league, dates);
      if (!path) return { events: [], teams: [], skipped: 0 };
      return mapEspnScoreboard(await http.getJson(path), league);
    },
    async teams(league) {
      const path = buildTeamsPath(league);
      if (!path) return [];
      return mapEspnTeams(await http.getJson(path), league);
    },
  };
}
