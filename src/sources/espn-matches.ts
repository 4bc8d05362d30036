// A tennis tournament's matches. ESPN lists one event per tournament, spanning two or three weeks, whose
// matches sit in `groupings[]` (one per draw: men's singles, women's doubles...) rather than in competitions;
// each match has its own start, court and state. The event's state says nothing about the matches left.
import type { LeagueConfig } from '../config/leagues.js';
import type { SportEvent } from '../domain/types.js';
import type { EspnEvent } from './espn-schema.js';
import {
  competitorName,
  detailOf,
  eventTitle,
  instantOf,
  nonEmpty,
  partEvent,
  sidesOf,
  stateOf,
  uniqueKeys,
  type EspnCompetitor,
} from './espn-part.js';

type EspnCompetition = NonNullable<EspnEvent['competitions']>[number];

const DAY_MS = 86_400_000;

/** A player not drawn yet: ESPN writes `TBD` with a negative id. */
function isUndecided(c: EspnCompetitor): boolean {
  const name = competitorName(c);
  return !name || /\bTBD\b/i.test(name) || /^-\d+$/.test(c.id ?? '');
}

/**
 * Whether a tour's league carries a draw: ESPN's ATP and WTA answers both list every draw of a shared
 * tournament (a Grand Slam), so the women's draws are the WTA's and the others (men's, mixed) the ATP's; each
 * match is then stored under one league only. Leagues of neither tour keep every draw.
 */
function carriesDraw(league: LeagueConfig, draw: string | null): boolean {
  const tour = /tennis\/(atp|wta)\b/i.exec(league.espn ?? '')?.[1]?.toLowerCase();
  if (!tour || !draw) return true;
  const womens = /^women'?s\b|^womens-/i.test(draw);
  return tour === 'wta' ? womens : !womens;
}

/** Each match with its draw's name: from its grouping, else (a match listed as a competition) its type. */
function matchesOf(ev: EspnEvent, league: LeagueConfig): { match: EspnCompetition; draw: string | null }[] {
  const grouped = (ev.groupings ?? [])
    .filter((g) => carriesDraw(league, nonEmpty(g.grouping?.displayName) ?? nonEmpty(g.grouping?.slug)))
    .flatMap((g) =>
      (g.competitions ?? []).map((match) => ({ match, draw: nonEmpty(g.grouping?.displayName) })),
    );
  const listed = (ev.competitions ?? []).map((match) => ({ match, draw: nonEmpty(match.type?.text) }));
  return [...grouped, ...listed];
}

/**
 * One part per match whose two sides are known (singles: the players; doubles: the pairs, `A / B`), titled
 * `US Open: Jannik Sinner vs Alexander Bublik (Men's Singles, Round 4)` with the first-named (ESPN's home)
 * side first. A match ESPN has not timed yet (`timeValid` false: `date` is midnight US Eastern) may be played
 * any time that day, so it may end a day after that. Null when the event lists no match at all: it stays
 * whole; a tournament whose matches are all still undrawn has no parts.
 */
export function mapTennisMatches(ev: EspnEvent, league: LeagueConfig): SportEvent[] | null {
  const listsMatches = (ev.groupings ?? []).some((g) => (g.competitions ?? []).length > 0);
  if (!listsMatches && (ev.competitions ?? []).length === 0) return null;
  const matches = matchesOf(ev, league);
  const tournament = eventTitle(ev, league);
  const keyOf = uniqueKeys();
  const parts: SportEvent[] = [];
  matches.forEach(({ match, draw }, i) => {
    const startsAt = instantOf(match.date);
    const sides = sidesOf(match.competitors ?? []);
    if (!startsAt || !sides || sides.some(isUndecided)) return;
    const [home, away] = sides.map((s) => competitorName(s) ?? '');
    const label = [draw, nonEmpty(match.round?.displayName)].filter(Boolean).join(', ') || 'Match';
    parts.push(
      partEvent(ev, league, {
        key: keyOf(match.id ?? '', `m${i + 1}`),
        kind: 'match',
        label,
        title: `${tournament}: ${home} vs ${away} (${label})`,
        startsAt,
        endsAt: match.timeValid === false ? new Date(startsAt.getTime() + DAY_MS) : null,
        status: stateOf(match.status),
        statusDetail: detailOf(match.status),
        venue: nonEmpty(match.venue?.court) ?? nonEmpty(match.venue?.fullName),
        home,
        away,
      }),
    );
  });
  return parts;
}
