// How long the part of a larger event runs when the source gives only its start: a practice or qualifying
// session is shorter than the race the league's length is set for; a round or a card segment that says when it
// ends runs until then.
import type { SportEvent } from '../types.js';

const MINUTE = 60_000;

/** Minutes of a race weekend's sessions other than the race, by the start of their label. */
const SESSION_MINUTES: readonly [RegExp, number][] = [
  [/^practice|^shakedown/i, 60],
  [/^sprint qualifying|^sprint shootout/i, 45],
  [/^qualifying/i, 60],
  [/^sprint/i, 45],
];

/**
 * The instant an event's programme ends by what the event itself says: its stored end (a golf round, a card
 * segment running until the next), or a session's usual length; null when the league's length applies.
 */
export function partEnd(event: SportEvent | null): number | null {
  if (!event) return null;
  const start = event.startsAt.getTime();
  if (event.endsAt && event.endsAt.getTime() > start) return event.endsAt.getTime();
  if (event.part?.kind !== 'session') return null;
  const label = event.part.label;
  const minutes = SESSION_MINUTES.find(([re]) => re.test(label))?.[1];
  return minutes === undefined ? null : start + minutes * MINUTE;
}
