// A golf tournament's rounds. ESPN lists one event per tournament with `date`..`endDate` (midnight US
// Eastern placeholders for Thursday and Sunday) and no round times: a round shows only as the state's
// `period`. The leaderboard answer adds each player's tee time per round.
import type { LeagueConfig } from '../config/leagues.js';
import { addDays, dayRange, wallClock, zonedToUtc } from '../domain/time.js';
import type { SportEvent } from '../domain/types.js';
import type { EspnEvent } from './espn-schema.js';
import { detailOf, eventTitle, instantOf, nonEmpty, partEvent, stateOf } from './espn-part.js';

// ESPN's placeholders are midnight in New York; a round is played through that day.
const ZONE = 'America/New_York';
const ROUND_FROM = '07:00';
const ROUND_TO = '21:00';
// More rounds than this is not a stroke-play tournament: such an event stays whole.
const MAX_ROUNDS = 6;

/** `tournament.numberOfRounds` when the answer says it, else one round a day from `date` to `endDate`. */
function roundCount(ev: EspnEvent, firstDay: string): number | null {
  const said = ev.tournament?.numberOfRounds;
  if (said) return said;
  const end = instantOf(ev.endDate);
  return end ? dayRange(firstDay, wallClock(end, ZONE).ymd).length : null;
}

/** Round n's earliest tee time, when the answer gives tee times (the leaderboard does, the scoreboard not). */
function firstTeeTime(ev: EspnEvent, round: number): Date | null {
  let first: Date | null = null;
  for (const player of ev.competitions?.[0]?.competitors ?? []) {
    for (const line of player.linescores ?? []) {
      const at = line.period === round ? instantOf(line.teeTime) : null;
      if (at && (!first || at < first)) first = at;
    }
  }
  return first;
}

/**
 * Rounds before the current one (`status.period`) are over, the current one is in the tournament's state,
 * later ones are to come; once the tournament is over, so is every round (one never played, a tournament cut
 * short or called off, will not be), and the rounds from the current one on carry its detail (`Final`,
 * `Canceled`).
 */
function roundStatus(ev: EspnEvent, round: number): Pick<SportEvent, 'status' | 'statusDetail'> {
  const own = ev.competitions?.[0]?.status;
  const type = own?.type ?? ev.status?.type;
  const period = own?.period ?? ev.status?.period ?? 0;
  const state = stateOf({ type });
  const detail = detailOf({ type });
  if (round < period) return { status: 'post', statusDetail: null };
  if (round === period) return { status: state, statusDetail: detail };
  return state === 'post' ? { status: 'post', statusDetail: detail } : { status: 'pre', statusDetail: null };
}

/**
 * One part per round, `Round 1`..`Round N`, each on its own day in New York: from 07:00 (or the round's first
 * tee time, when the answer has them) to 21:00, since a round runs all day and a channel may join it at any
 * hour. Two tournaments of the same week stay apart: each part names its own. Null without a usable span.
 */
export function mapGolfRounds(ev: EspnEvent, league: LeagueConfig): SportEvent[] | null {
  const start = instantOf(ev.date);
  if (!start || (!ev.endDate && !ev.tournament?.numberOfRounds)) return null;
  const firstDay = wallClock(start, ZONE).ymd;
  const rounds = roundCount(ev, firstDay);
  if (!rounds || rounds < 1 || rounds > MAX_ROUNDS) return null;
  const name = eventTitle(ev, league);
  const host = ev.courses?.find((c) => c.host) ?? ev.courses?.[0];
  const venue = nonEmpty(host?.name) ?? nonEmpty(ev.competitions?.[0]?.venue?.fullName);
  return Array.from({ length: rounds }, (_, i) => {
    const round = i + 1;
    const day = addDays(firstDay, i);
    const label = `Round ${round}`;
    return partEvent(ev, league, {
      key: `round-${round}`,
      kind: 'round',
      label,
      title: `${name} — ${label}`,
      startsAt: firstTeeTime(ev, round) ?? zonedToUtc(day, ROUND_FROM, ZONE),
      endsAt: zonedToUtc(day, ROUND_TO, ZONE),
      ...roundStatus(ev, round),
      venue,
    });
  });
}
