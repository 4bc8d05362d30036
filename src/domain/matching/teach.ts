// Which written team of a channel name stands for which team of the event it carries, so that the names it
// wrote can become that team's aliases.
import type { ParsedChannel, SportEvent } from '../types.js';
import { normalizeTeamName } from './team-names.js';
import { dice, trigrams } from './trigrams.js';

export interface TaughtName {
  written: string;
  side: 'home' | 'away';
}

function likeness(written: string, team: string | null): number {
  return team ? dice(trigrams(normalizeTeamName(written)), trigrams(normalizeTeamName(team))) : 0;
}

/**
 * The written teams paired with the event's sides: for two, the pairing whose spellings are closer (the name's
 * own order when neither is); for one, the side it resembles, if any. Names already equal to the team's name are
 * left out: they teach nothing.
 */
export function namesToTeach(
  parsed: Pick<ParsedChannel, 'teams' | 'awayFirst'>,
  event: SportEvent,
): TaughtName[] {
  const [first, second] = parsed.teams;
  let pairs: TaughtName[] = [];
  if (first !== undefined && second !== undefined) {
    const straight = likeness(first, event.away) + likeness(second, event.home);
    const crossed = likeness(first, event.home) + likeness(second, event.away);
    const awayFirst = straight > crossed || (straight === crossed && parsed.awayFirst);
    pairs = [
      { written: first, side: awayFirst ? 'away' : 'home' },
      { written: second, side: awayFirst ? 'home' : 'away' },
    ];
  } else if (first !== undefined) {
    const home = likeness(first, event.home);
    const away = likeness(first, event.away);
    if (home !== away) pairs = [{ written: first, side: home > away ? 'home' : 'away' }];
  }
  return pairs.filter((p) => {
    const written = normalizeTeamName(p.written);
    const team = p.side === 'home' ? event.home : event.away;
    return written !== '' && written !== normalizeTeamName(team ?? '');
  });
}
