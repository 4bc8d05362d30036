// The fake's answers, built from corpus events in the real ESPN and TheSportsDB wire shapes (see
// test/fixtures/wire/ for recorded originals). Pure: the fake server decides what to list.
import type { LeagueConfig } from '../../src/config/leagues.js';
import { wallClock } from '../../src/domain/time.js';
import type { CorpusEvent, CorpusTeam } from './corpus.js';

export type EventState = 'pre' | 'in' | 'post';
type Json = Record<string, unknown>;

export function stateAt(e: CorpusEvent, now: Date): EventState {
  const start = Date.parse(e.startUtc);
  if (now.getTime() < start) return 'pre';
  return now.getTime() < start + e.minutes * 60_000 ? 'in' : 'post';
}

// TheSportsDB's strSport for our sports.
const TSDB_SPORT: Record<string, string> = {
  basketball: 'Basketball',
  'american-football': 'American Football',
  hockey: 'Ice Hockey',
  baseball: 'Baseball',
  soccer: 'Soccer',
  mma: 'Fighting',
  racing: 'Motorsport',
  golf: 'Golf',
  tennis: 'Tennis',
};

export const tsdbEventId = (e: CorpusEvent) => e.tsdbId ?? `9${e.id}`;
const tsdbTeamId = (espnId: string) =>
  /^\d+$/.test(espnId) ? String(700000 + Number(espnId)) : `t${espnId}`;
// ESPN writes instants to the minute: 2026-11-26T00:30Z.
const espnDate = (iso: string) => new Date(iso).toISOString().slice(0, 16) + 'Z';
const pad2 = (n: number) => String(n).padStart(2, '0');

function espnStatus(state: EventState): Json {
  const [id, name, detail] = {
    pre: ['1', 'STATUS_SCHEDULED', 'Scheduled'],
    in: ['2', 'STATUS_IN_PROGRESS', 'In Progress'],
    post: ['3', 'STATUS_FINAL', 'Final'],
  }[state];
  const type = {
    id,
    name,
    state,
    completed: state === 'post',
    description: detail,
    detail,
    shortDetail: detail,
  };
  return { clock: 0, displayClock: '0:00', period: state === 'pre' ? 0 : 1, type };
}

export function espnTeamJson(leagueKey: string, t: CorpusTeam): Json {
  const { id, location, name, abbreviation, displayName, shortDisplayName } = t;
  const logo = `https://a.espncdn.com/i/teamlogos/${leagueKey.toLowerCase()}/500/${abbreviation.toLowerCase()}.png`;
  return {
    id,
    uid: `s:0~t:${id}`,
    location,
    name,
    abbreviation,
    displayName,
    shortDisplayName,
    isActive: true,
    logo,
  };
}

/** One scoreboard event; `rankOf` gives college teams their poll rank (99 = unranked). */
export function espnEventJson(e: CorpusEvent, state: EventState, rankOf: (t: CorpusTeam) => number): Json {
  const status = espnStatus(state);
  const competitor = (t: CorpusTeam, homeAway: string, order: number) => ({
    id: t.id,
    type: 'team',
    order,
    homeAway,
    team: espnTeamJson(e.league, t),
    score: '0',
    ...(t.college ? { curatedRank: { current: rankOf(t) } } : {}),
  });
  const competitors =
    e.card || !e.home || !e.away ? [] : [competitor(e.home, 'home', 0), competitor(e.away, 'away', 1)];
  const venue = { id: '1', fullName: e.venue ?? null, address: { city: e.home?.location ?? '' } };
  const date = espnDate(e.startUtc);
  const competition = {
    id: e.id,
    date,
    startDate: date,
    timeValid: true,
    neutralSite: false,
    venue,
    competitors,
  };
  return {
    id: e.id,
    uid: `s:0~l:0~e:${e.id}`,
    date,
    name: e.name,
    shortName: e.shortName ?? e.name,
    season: { year: Number(date.slice(0, 4)), type: 2, slug: 'regular-season' },
    competitions: [{ ...competition, status, broadcasts: [] }],
    links: [{ rel: ['summary', 'desktop', 'event'], href: `https://www.espn.com/game/_/gameId/${e.id}` }],
    status,
  };
}

export function espnScoreboardJson(league: LeagueConfig, day: string, events: Json[]): Json {
  const info = { id: league.key, uid: `s:0~l:${league.key}`, name: league.name, abbreviation: league.key };
  const slug = league.espn?.split('/')[1];
  return { leagues: [{ ...info, slug }], season: { type: 2 }, day: { date: day }, events };
}

export function espnTeamsJson(league: LeagueConfig, teams: CorpusTeam[]): Json {
  const entries = teams.map((t) => {
    const { logo, ...team } = espnTeamJson(league.key, t);
    const slug = t.displayName.toLowerCase().replace(/\W+/g, '-');
    return { team: { ...team, slug, logos: [{ href: logo, rel: ['full', 'default'] }] } };
  });
  const inner = { id: league.key, name: league.name, abbreviation: league.key, teams: entries };
  return { sports: [{ id: '0', name: league.sport, leagues: [inner] }] };
}

export function tsdbEventJson(e: CorpusEvent, l: LeagueConfig, state: EventState): Json {
  const utc = new Date(e.startUtc).toISOString();
  const home = e.card ? null : (e.home?.displayName ?? null);
  const away = e.card ? null : (e.away?.displayName ?? null);
  const strEvent = home && away ? `${home} vs ${away}` : e.name;
  // Venue-local fields; the corpus has no venue zones, so US leagues read New York and others London.
  const local = wallClock(new Date(utc), l.usStyle ? 'America/New_York' : 'Europe/London');
  return {
    idEvent: tsdbEventId(e),
    strEvent,
    strEventAlternate: home && away ? `${away} @ ${home}` : e.name,
    strFilename: `${l.thesportsdb?.name} ${utc.slice(0, 10)} ${strEvent}`,
    strSport: e.sportName ?? TSDB_SPORT[l.sport] ?? null,
    idLeague: l.thesportsdb?.id,
    strLeague: l.thesportsdb?.name,
    strSeason: utc.slice(0, 4),
    strHomeTeam: home,
    strAwayTeam: away,
    intHomeScore: null,
    intAwayScore: null,
    intRound: '0',
    strTimestamp: utc.slice(0, 19),
    dateEvent: utc.slice(0, 10),
    dateEventLocal: local.ymd,
    strTime: utc.slice(11, 19),
    strTimeLocal: `${pad2(local.hour)}:${pad2(local.minute)}:00`,
    idHomeTeam: e.home && home ? tsdbTeamId(e.home.id) : null,
    idAwayTeam: e.away && away ? tsdbTeamId(e.away.id) : null,
    strVenue: e.venue ?? '',
    strThumb: `https://r2.thesportsdb.com/images/media/event/thumb/${tsdbEventId(e)}.jpg`,
    strStatus: { pre: 'Not Started', in: 'In Progress', post: 'Match Finished' }[state],
    strPostponed: 'no',
    strLocked: 'unlocked',
  };
}

export function tsdbTeamJson(t: CorpusTeam, l: LeagueConfig): Json {
  return {
    idTeam: tsdbTeamId(t.id),
    idESPN: t.id,
    strTeam: t.displayName,
    strTeamAlternate: (t.alternates ?? []).join(', '),
    strTeamShort: t.abbreviation,
    strKeywords: '',
    strSport: TSDB_SPORT[l.sport] ?? null,
    idLeague: l.thesportsdb?.id,
    strLeague: l.thesportsdb?.name,
    strLocation: t.location,
    strBadge: `https://r2.thesportsdb.com/images/media/team/badge/${t.abbreviation.toLowerCase()}.png`,
  };
}
