// A fight card's segments. ESPN lists each bout as a competition, from the first fight to the main event
// (last), and has no segment field: a segment shows only as the bouts' shared start time. Numbered UFC cards
// have three (early prelims, prelims, main card), Fight Nights two, PFL cards often one.
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
  slugOf,
  stateOf,
  type EspnStatus,
} from './espn-part.js';

/** How long a main card runs: its start to the end of the main event, on a usual card. */
const MAIN_CARD_MS = 3 * 3_600_000;

type EspnCompetition = NonNullable<EspnEvent['competitions']>[number];

interface Bout {
  competition: EspnCompetition;
  startsAt: Date;
}

/** The segment of each start time, earliest first: the last is the main card, the one before it the prelims. */
export function segmentLabels(starts: number): string[] {
  return Array.from({ length: starts }, (_, i) =>
    i === starts - 1 ? 'Main Card' : i === starts - 2 ? 'Prelims' : 'Early Prelims',
  );
}

// `UFC 326`, `PFL 5`, `Bellator 300`: a series and a number, no matchup.
const NUMBERED_CARD = /^[\p{L}][\p{L}\s.&'-]*\s\d+$/u;

/**
 * What a card's parts are titled by: a numbered card's short name (`UFC 326`; its full name adds the headline
 * bout, which the main card's sides already say), else the card's whole name (`UFC Fight Night: Moreno vs.
 * Kavanagh`), since `UFC Fight Night` alone names every Fight Night.
 */
export function cardName(ev: EspnEvent, league: LeagueConfig): string {
  const candidates = [nonEmpty(ev.shortName), nonEmpty(ev.name?.split(':')[0])];
  return candidates.find((c) => c !== null && NUMBERED_CARD.test(c)) ?? eventTitle(ev, league);
}

/**
 * A segment's state from its bouts': over when every bout is, under way when one is or when some are over
 * and some to come, else to come. The detail is the bout that decides it: the first to come, the one under
 * way, or the last.
 */
function segmentStatus(bouts: readonly Bout[]): {
  status: SportEvent['status'];
  statusDetail: string | null;
} {
  const read = bouts
    .map((b) => ({ status: b.competition.status, state: stateOf(b.competition.status) }))
    .filter((b): b is { status: EspnStatus; state: 'pre' | 'in' | 'post' } => b.state !== null);
  const pick = (state: 'pre' | 'in' | 'post', last = false) =>
    (last ? [...read].reverse() : read).find((b) => b.state === state);
  if (read.length === 0) return { status: null, statusDetail: null };
  if (read.every((b) => b.state === 'post'))
    return { status: 'post', statusDetail: detailOf(pick('post', true)?.status) };
  if (read.every((b) => b.state === 'pre'))
    return { status: 'pre', statusDetail: detailOf(pick('pre')?.status) };
  return { status: 'in', statusDetail: detailOf(pick('in')?.status) };
}

/**
 * One part per segment: it starts with its first bout and lasts until the next segment starts (the main card
 * until the league's length has passed). Its sides are its last bout's fighters, the headline of the segment,
 * so a name like `UFC 326: Holloway vs Oliveira` finds the main card. A bout is a competition with a start
 * (a lone one may borrow the event's) and at least one fighter; null when there is none: the card stays whole.
 */
export function mapCardSegments(ev: EspnEvent, league: LeagueConfig): SportEvent[] | null {
  const competitions = ev.competitions ?? [];
  const bouts: Bout[] = [];
  for (const competition of competitions) {
    const startsAt = instantOf(competition.date) ?? (competitions.length === 1 ? instantOf(ev.date) : null);
    const fighters = (competition.competitors ?? []).filter((c) => c.athlete);
    if (startsAt && fighters.length > 0) bouts.push({ competition, startsAt });
  }
  if (bouts.length === 0) return null;

  const starts = [...new Set(bouts.map((b) => b.startsAt.getTime()))].sort((a, b) => a - b);
  const labels = segmentLabels(starts.length);
  const segments = new Map<string, Bout[]>();
  for (const bout of bouts) {
    const label = labels[starts.indexOf(bout.startsAt.getTime())] ?? 'Main Card';
    segments.set(label, [...(segments.get(label) ?? []), bout]);
  }

  const name = cardName(ev, league);
  const ordered = [...segments].sort(([a], [b]) => labels.indexOf(a) - labels.indexOf(b));
  return ordered.map(([label, inSegment], i) => {
    const startsAt = new Date(Math.min(...inSegment.map((b) => b.startsAt.getTime())));
    const next = ordered[i + 1]?.[1];
    const headline = inSegment.at(-1)?.competition;
    const sides = sidesOf(headline?.competitors ?? []);
    return partEvent(ev, league, {
      key: slugOf(label),
      kind: 'segment',
      label,
      title: name.includes(':') ? `${name} — ${label}` : `${name}: ${label}`,
      startsAt,
      // The main card runs about three hours: a name may give the time of its main event, hours in.
      endsAt: next
        ? new Date(Math.min(...next.map((b) => b.startsAt.getTime())))
        : new Date(startsAt.getTime() + MAIN_CARD_MS),
      ...segmentStatus(inSegment),
      venue: nonEmpty(headline?.venue?.fullName),
      home: sides ? competitorName(sides[0]) : null,
      away: sides ? competitorName(sides[1]) : null,
    });
  });
}
