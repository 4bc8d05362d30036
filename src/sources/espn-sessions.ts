// A race weekend's sessions (Formula 1: practice, qualifying, sprint, race; NASCAR and IndyCar: the race):
// one competition each, with its own start and state. The event's own state is no guide: Formula 1's says
// final once qualifying is over, before the race has run.
import type { LeagueConfig } from '../config/leagues.js';
import type { SportEvent } from '../domain/types.js';
import type { EspnEvent } from './espn-schema.js';
import {
  detailOf,
  eventTitle,
  instantOf,
  nonEmpty,
  partEvent,
  slugOf,
  stateOf,
  uniqueKeys,
} from './espn-part.js';

const SESSION_LABELS: readonly [RegExp, string][] = [
  [/^(?:fp|p|practice\s*)(\d)$/i, 'Practice $1'],
  [/^(?:q|qual|quali|qualifying)$/i, 'Qualifying'],
  [/^(?:ss|sq|sprint\s*(?:shootout|qual|quali|qualifying))$/i, 'Sprint Qualifying'],
  [/^(?:sr|sprint|sprint\s*race)$/i, 'Sprint'],
  [/^race$/i, 'Race'],
];

/**
 * A session's `type.abbreviation` as a guide writes it: `FP2` -> `Practice 2`, `Qual` -> `Qualifying`, `SS`
 * (sprint shootout) -> `Sprint Qualifying`. One ESPN does not name is kept as written; a competition without a
 * type (NASCAR, IndyCar: the scoreboard lists only the race) is the `Race`.
 */
export function sessionLabel(abbreviation: string | null | undefined): string {
  const abbr = nonEmpty(abbreviation);
  if (!abbr) return 'Race';
  for (const [pattern, label] of SESSION_LABELS) {
    if (pattern.test(abbr)) return abbr.replace(pattern, label);
  }
  return abbr;
}

/**
 * `Formula 1: Tag Heuer Spanish Grand Prix — Qualifying`; an event whose name already says the series
 * (`NASCAR Cup Series at Darlington`) is not prefixed with it again.
 */
function sessionTitle(ev: EspnEvent, league: LeagueConfig, label: string): string {
  const name = eventTitle(ev, league);
  const named = name.toLowerCase().includes(league.name.toLowerCase());
  return `${named ? name : `${league.name}: ${name}`} — ${label}`;
}

/**
 * One part per competition, in ESPN's order. A session starts at its own `date`; only a lone competition may
 * borrow the event's. Null when no session has a start: the event stays whole.
 */
export function mapRaceSessions(ev: EspnEvent, league: LeagueConfig): SportEvent[] | null {
  const competitions = ev.competitions ?? [];
  const keyOf = uniqueKeys();
  const parts: SportEvent[] = [];
  competitions.forEach((c, i) => {
    const startsAt = instantOf(c.date) ?? (competitions.length === 1 ? instantOf(ev.date) : null);
    if (!startsAt) return;
    const label = sessionLabel(c.type?.abbreviation);
    parts.push(
      partEvent(ev, league, {
        key: keyOf(slugOf(label), c.id ?? String(i + 1)),
        kind: 'session',
        label,
        title: sessionTitle(ev, league, label),
        startsAt,
        endsAt: null,
        status: stateOf(c.status),
        statusDetail: detailOf(c.status),
        venue: nonEmpty(ev.circuit?.fullName) ?? nonEmpty(c.venue?.fullName),
      }),
    );
  });
  return parts.length > 0 ? parts : null;
}
