// The identity of a channel's current content, for remembering what it matched: the slot and what it says now,
// and the provider's day it speaks of.
import { familyKey } from '../family-leagues.js';
import type { ParsedChannel } from '../types.js';
import { normalizeTeamName } from './team-names.js';
import { wallClock } from '../time.js';

export interface ChannelFingerprint {
  /** `family|slot|payload`, each part normalised: the match cache and the matches table key on it. */
  key: string;
  /** Family without case or spaces (`espn+`), '' when none. */
  family: string;
  slot: number | null;
  /** Payload in the comparable form of team names (see `normalizeTeamName`). */
  payload: string;
  /** Local day "YYYY-MM-DD" in the provider's zone that the name speaks of. */
  day: string;
}

/**
 * The day a name speaks of, in the provider's zone: its date when it writes one, else the day of its start,
 * else today. Keys the match cache so that tomorrow's same-named channel is matched afresh.
 */
export function matchDay(parsed: ParsedChannel, ctx: { now: Date; timeZone: string }): string {
  if (parsed.date) return parsed.date;
  return wallClock(parsed.startsAt ?? ctx.now, ctx.timeZone).ymd;
}

export function channelFingerprint(
  parsed: ParsedChannel,
  ctx: { now: Date; timeZone: string },
): ChannelFingerprint {
  const family = parsed.family ? familyKey(parsed.family) : '';
  // A name without a slot is identified by the whole of it.
  const payload = normalizeTeamName(parsed.family ? parsed.payload : parsed.name);
  return {
    key: `${family}|${parsed.slot ?? ''}|${payload}`,
    family,
    slot: parsed.slot,
    payload,
    day: matchDay(parsed, ctx),
  };
}
