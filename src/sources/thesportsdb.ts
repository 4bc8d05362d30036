import type { LeagueConfig, Sport } from '../config/leagues.js';
import { teamAliases, type TeamRecord } from '../domain/matching/index.js';
import { hexColour } from '../domain/art/colour.js';
import { addDays, daysOverlapping, startOfLocalDay } from '../domain/time.js';
import type { SportEvent } from '../domain/types.js';
import { UpstreamError } from '../errors.js';
import type { HttpClient } from './http-client.js';
import {
  tsdbEventSchema,
  tsdbEventsSchema,
  tsdbLeagueSchema,
  tsdbLeaguesSchema,
  tsdbTeamSchema,
  tsdbTeamsSchema,
  type TsdbEvent,
  type TsdbLeague,
  type TsdbTeam,
} from './thesportsdb-schema.js';

export interface TsdbEvents {
  events: SportEvent[];
  /** Rows dropped because they did not validate or had no usable start. */
  skipped: number;
}

export interface TheSportsDbClient {
  /** Events of one UTC date (TheSportsDB buckets by UTC `dateEvent`), filtered on the league's id. */
  eventsDay(league: LeagueConfig, utcYmd: string): Promise<SportEvent[]>;
  /** Events starting within a local calendar day: every UTC date the day touches, merged and filtered. */
  eventsForLocalDay(league: LeagueConfig, localYmd: string, timeZone: string): Promise<SportEvent[]>;
  /** The league's next events (one row on the free key). */
  eventsNextLeague(league: LeagueConfig): Promise<SportEvent[]>;
  lookupAllTeams(league: LeagueConfig): Promise<TeamRecord[]>;
  /** Teams by league name (free key: 10 rows). */
  searchAllTeams(league: LeagueConfig): Promise<TeamRecord[]>;
  /** Teams by main or alternate name, across leagues. */
  searchTeams(name: string): Promise<TeamRecord[]>;
  /** Every league TheSportsDB lists: id, name, sport. */
  allLeagues(): Promise<TsdbLeague[]>;
}

const SPORTS: Record<string, Sport> = {
  basketball: 'basketball',
  'american football': 'american-football',
  'ice hockey': 'hockey',
  baseball: 'baseball',
  softball: 'softball',
  soccer: 'soccer',
  fighting: 'mma',
  motorsport: 'racing',
  golf: 'golf',
  tennis: 'tennis',
  rugby: 'rugby',
  cricket: 'cricket',
  'australian football': 'australian-football',
  volleyball: 'volleyball',
};

const PRE = new Set(['ns', 'not started', 'tbd', 'scheduled']);
const POST = new Set(['ft', 'aet', 'pen', 'ap', 'aot', 'match finished', 'finished', 'ended']);
const LIVE = new Set([
  '1h',
  '2h',
  'ht',
  'et',
  'bt',
  'p',
  'live',
  'in progress',
  'q1',
  'q2',
  'q3',
  'q4',
  'ot',
]);

function statusOf(s: string | null): SportEvent['status'] {
  if (!s) return null;
  const k = s.toLowerCase();
  if (PRE.has(k)) return 'pre';
  if (POST.has(k)) return 'post';
  return LIVE.has(k) ? 'in' : null;
}

// `2026-01-06T20:00:00`, `2014-10-10T09:30`, `2014-10-10 8:00`, with or without `Z` / `+00:00`.
const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function parseUtc(s: string): Date | null {
  const m = INSTANT.exec(s.trim());
  if (!m) return null;
  const [, date, hh = '0', mm, ss = '00', zone] = m;
  let offset = 'Z';
  if (zone && zone.toUpperCase() !== 'Z')
    offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const d = new Date(`${date}T${hh.padStart(2, '0')}:${mm}:${ss}${offset}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `strTimestamp` read as UTC, else `dateEvent` + `strTime` (also UTC); null when neither is usable. */
export function parseTsdbStart(ev: Pick<TsdbEvent, 'strTimestamp' | 'dateEvent' | 'strTime'>): Date | null {
  const fromStamp = ev.strTimestamp ? parseUtc(ev.strTimestamp) : null;
  if (fromStamp) return fromStamp;
  return ev.dateEvent && ev.strTime ? parseUtc(`${ev.dateEvent}T${ev.strTime}`) : null;
}

function leagueOf(leagues: readonly LeagueConfig[], idLeague: string | null): LeagueConfig | undefined {
  return idLeague ? leagues.find((l) => l.thesportsdb?.id === idLeague) : undefined;
}

function mapEvent(ev: TsdbEvent, leagues: readonly LeagueConfig[]): SportEvent | null {
  const startsAt = parseTsdbStart(ev);
  if (!startsAt) return null;
  const league = leagueOf(leagues, ev.idLeague);
  const home = ev.strHomeTeam;
  const away = ev.strAwayTeam;
  const usStyle = league?.usStyle ?? false;
  const title =
    home && away ? (usStyle ? `${away} at ${home}` : (ev.strEvent ?? `${home} vs ${away}`)) : ev.strEvent;
  const postponed = ev.strPostponed?.toLowerCase() === 'yes';
  return {
    id: `thesportsdb:${ev.idEvent}`,
    league: league?.key ?? ev.strLeague ?? 'unknown',
    sport: league?.sport ?? SPORTS[ev.strSport?.toLowerCase() ?? ''] ?? 'other',
    title: title ?? ev.strEventAlternate ?? league?.name ?? ev.strLeague ?? `Event ${ev.idEvent}`,
    startsAt,
    status: postponed ? null : statusOf(ev.strStatus),
    statusDetail: postponed ? 'Postponed' : ev.strStatus,
    venue: ev.strVenue,
    home,
    away,
    homeId: ev.idHomeTeam,
    awayId: ev.idAwayTeam,
    image: ev.strThumb ?? ev.strPoster,
    externalIds: { thesportsdb: ev.idEvent },
  };
}

function badBody(what: string): UpstreamError {
  return new UpstreamError('thesportsdb', 'bad-body', `${what}: unexpected answer`);
}

/**
 * Reads an `{events: [...]}` answer (eventsday, eventsnextleague, eventspastleague, lookupevent). `null`
 * reads as no events. Titles follow the league's style: `Away at Home` for US leagues, TheSportsDB's
 * `Home vs Away` otherwise. Leagues not in `leagues` keep TheSportsDB's name.
 */
export function mapTsdbEvents(json: unknown, leagues: readonly LeagueConfig[]): TsdbEvents {
  const envelope = tsdbEventsSchema.safeParse(json);
  if (!envelope.success) throw badBody('events');
  const events: SportEvent[] = [];
  let skipped = 0;
  for (const raw of envelope.data.events ?? []) {
    const row = tsdbEventSchema.safeParse(raw);
    const event = row.success ? mapEvent(row.data, leagues) : null;
    if (event) events.push(event);
    else skipped += 1;
  }
  return { events, skipped };
}

function toTeamRecord(t: TsdbTeam, leagues: readonly LeagueConfig[]): TeamRecord {
  return {
    source: 'thesportsdb',
    id: t.idTeam,
    league: leagueOf(leagues, t.idLeague)?.key ?? t.strLeague ?? 'unknown',
    name: t.strTeam,
    shortName: null,
    abbreviation: t.strTeamShort,
    location: t.strLocation,
    logo: t.strBadge ?? t.strLogo,
    color: hexColour(t.strColour1),
    alternateColor: hexColour(t.strColour2),
    espnId: t.idESPN,
    aliases: teamAliases({
      strTeam: t.strTeam,
      strTeamAlternate: t.strTeamAlternate,
      strTeamShort: t.strTeamShort,
      strKeywords: t.strKeywords,
    }),
  };
}

/** Reads an `all_leagues.php` answer; rows that do not validate are left out. */
export function mapTsdbLeagues(json: unknown): TsdbLeague[] {
  const envelope = tsdbLeaguesSchema.safeParse(json);
  if (!envelope.success) throw badBody('leagues');
  return (envelope.data.leagues ?? []).flatMap((raw) => {
    const row = tsdbLeagueSchema.safeParse(raw);
    return row.success ? [row.data] : [];
  });
}

/** Reads a `{teams: [...]}` answer (searchteams, search_all_teams, lookup_all_teams); `null` is none. */
export function mapTsdbTeams(json: unknown, leagues: readonly LeagueConfig[]): TeamRecord[] {
  const envelope = tsdbTeamsSchema.safeParse(json);
  if (!envelope.success) throw badBody('teams');
  const out: TeamRecord[] = [];
  for (const raw of envelope.data.teams ?? []) {
    const row = tsdbTeamSchema.safeParse(raw);
    if (row.success) out.push(toTeamRecord(row.data, leagues));
  }
  return out;
}

// TheSportsDB reads `_` as a space in names.
const nameParam = (s: string) => encodeURIComponent(s.trim().replace(/\s+/g, '_'));

/**
 * Thin client for the v1 JSON API; the key is a path segment (`/api/v1/json/{key}/...`). The HttpClient
 * should be built with `rateLimit: { perMinute: 30 }` on the free key and the key among its `secrets`.
 */
export function createTheSportsDbClient(deps: {
  http: HttpClient;
  apiKey?: string;
  /** Maps `idLeague` to league keys in results; leagues not listed keep TheSportsDB's name. */
  leagues?: readonly LeagueConfig[];
}): TheSportsDbClient {
  const { http } = deps;
  const leagues = deps.leagues ?? [];
  const base = `/api/v1/json/${encodeURIComponent(deps.apiKey ?? '123')}`;
  const known = (league: LeagueConfig) => (leagues.includes(league) ? leagues : [...leagues, league]);

  async function events(path: string, league: LeagueConfig): Promise<SportEvent[]> {
    const { events } = mapTsdbEvents(await http.getJson(`${base}/${path}`), known(league));
    // `l=` on eventsday is not reliably honoured upstream; the league is checked here either way.
    return events.filter((e) => e.league === league.key);
  }

  async function teams(path: string, extra: readonly LeagueConfig[] = []): Promise<TeamRecord[]> {
    return mapTsdbTeams(await http.getJson(`${base}/${path}`), [...leagues, ...extra]);
  }

  const client: TheSportsDbClient = {
    async eventsDay(league, utcYmd) {
      if (!league.thesportsdb) return [];
      const id = encodeURIComponent(league.thesportsdb.id);
      return events(`eventsday.php?d=${encodeURIComponent(utcYmd)}&l=${id}`, league);
    },
    async eventsForLocalDay(league, localYmd, timeZone) {
      if (!league.thesportsdb) return [];
      const from = startOfLocalDay(localYmd, timeZone).getTime();
      const to = startOfLocalDay(addDays(localYmd, 1), timeZone).getTime();
      const byId = new Map<string, SportEvent>();
      // One after the other: the free key allows 30 requests a minute.
      for (const utcYmd of daysOverlapping(localYmd, timeZone, 'UTC')) {
        for (const e of await client.eventsDay(league, utcYmd)) byId.set(e.id, e);
      }
      return [...byId.values()]
        .filter((e) => e.startsAt.getTime() >= from && e.startsAt.getTime() < to)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    },
    async eventsNextLeague(league) {
      if (!league.thesportsdb) return [];
      return events(`eventsnextleague.php?id=${encodeURIComponent(league.thesportsdb.id)}`, league);
    },
    async lookupAllTeams(league) {
      if (!league.thesportsdb) return [];
      return teams(`lookup_all_teams.php?id=${encodeURIComponent(league.thesportsdb.id)}`, [league]);
    },
    async searchAllTeams(league) {
      if (!league.thesportsdb) return [];
      return teams(`search_all_teams.php?l=${nameParam(league.thesportsdb.name)}`, [league]);
    },
    async searchTeams(name) {
      return teams(`searchteams.php?t=${nameParam(name)}`);
    },
    async allLeagues() {
      return mapTsdbLeagues(await http.getJson(`${base}/all_leagues.php`));
    },
  };
  return client;
}
