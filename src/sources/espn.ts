import type { LeagueConfig, Sport } from '../config/leagues.js';
import { hexColour } from '../domain/art/colour.js';
import { teamAliases, type TeamRecord } from '../domain/matching/index.js';
import type { SportEvent } from '../domain/types.js';
import { UpstreamError } from '../errors.js';
import {
  espnEventSchema,
  espnScoreboardSchema,
  espnTeamSchema,
  espnTeamsSchema,
  type EspnEvent,
  type EspnTeam,
} from './espn-schema.js';
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

function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
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

function stateOf(s: string | null | undefined): SportEvent['status'] {
  return s === 'pre' || s === 'in' || s === 'post' ? s : null;
}

function mapEvent(ev: EspnEvent, league: LeagueConfig, teams: Map<string, TeamRecord>): SportEvent | null {
  const competition = ev.competitions?.[0];
  const startsAt = new Date(ev.date || competition?.date || '');
  if (Number.isNaN(startsAt.getTime())) return null;
  const status = ev.status?.type ?? competition?.status?.type;

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
    status: stateOf(status?.state),
    statusDetail: nonEmpty(status?.detail) ?? nonEmpty(status?.shortDetail) ?? nonEmpty(status?.description),
    venue: nonEmpty(competition?.venue?.fullName),
    home: home?.name ?? null,
    away: away?.name ?? null,
    homeId: home?.id ?? null,
    awayId: away?.id ?? null,
    image: nonEmpty(ev.images?.[0]?.href),
    externalIds: { espn: ev.id },
  };
}

/**
 * Reads a scoreboard answer. Events that do not validate are skipped and counted; an answer that is not a
 * scoreboard at all is an UpstreamError('bad-body'). Team sports get home/away from the competitors;
 * fight cards, races and tournaments keep home/away null and are titled by their name.
 */
export function mapEspnScoreboard(json: unknown, league: LeagueConfig): EspnScoreboard {
  const envelope = espnScoreboardSchema.safeParse(json);
  if (!envelope.success) throw badBody(`scoreboard for ${league.key} is not a scoreboard`);
  const teams = new Map<string, TeamRecord>();
  const events: SportEvent[] = [];
  let skipped = 0;
  for (const raw of envelope.data.events ?? []) {
    const parsed = espnEventSchema.safeParse(raw);
    const event = parsed.success ? mapEvent(parsed.data, league, teams) : null;
    if (event) events.push(event);
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
