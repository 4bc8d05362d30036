// A name's part (`Race`, `Round 4`, `Main Card`) against a candidate's part: the same part confirms it (as a
// time would), another part of the same kind rules it out, and a name that names no part takes the part that is
// next (the session to come, the card's main card).
import type { ChannelPart, EventPart } from '../types.js';

export interface PartFit {
  /** The name names this very part: it stands in for a time. */
  agrees: boolean;
  factor: number;
  /**
   * How far a title without a time may take this candidate: a part of a weekend or a card named by the whole
   * event's title on its day is the next part, which `factor` ranks above the others.
   */
  noTimeCap?: number;
  reason?: string;
  rejected?: string;
}

const NEUTRAL: PartFit = { agrees: false, factor: 1 };
const NEXT_PART_CAP = 0.8;
/** How long a part without an end is taken to run, to tell one on now from one over. */
const DEFAULT_PART_MS = 2 * 3_600_000;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A label names the other: equal, a generic one for a numbered one (`Practice` for `Practice 2`), or a tennis round within a match's label. */
function names(named: string, label: string): boolean {
  if (same(named, label)) return true;
  // A tournament's final round is its third or fourth (a 54- or 72-hole event); the day tells which.
  if (/^final round$/i.test(named) && /^round [34]$/i.test(label)) return true;
  if (/^practice$/i.test(named) && /^practice \d/i.test(label)) return true;
  return label.toLowerCase().endsWith(`, ${named.toLowerCase()}`);
}

/** Parts of one kind that may be compared label to label. */
function comparable(named: ChannelPart, part: EventPart): boolean {
  if (named.kind === part.kind) return true;
  return named.kind === 'round' && part.kind === 'match';
}

/** How well the part a name names (or none) fits a candidate that is a part; null-like when it is whole. */
export function fitPart(
  named: ChannelPart | null | undefined,
  event: { id: string; part?: EventPart | null },
  next: ReadonlyMap<string, string> | undefined,
): PartFit {
  const part = event.part;
  if (!part) return NEUTRAL;
  if (named && comparable(named, part)) {
    if (names(named.label, part.label))
      return { agrees: true, factor: 1, reason: `the ${part.kind} named: ${part.label}` };
    // A tennis round the name gives that is not this match's: the players decide, not the round.
    if (part.kind === 'match') return NEUTRAL;
    const rejected = `the name says ${named.label}, this is the ${part.label}`;
    return { agrees: false, factor: 0, rejected };
  }
  if (named || !next || part.kind === 'round' || part.kind === 'match') return NEUTRAL;
  // No part named: the part on now or to come next; a card's main card when the card is still ahead.
  if (next.get(part.parentId) !== event.id) return NEUTRAL;
  return {
    agrees: false,
    factor: 1,
    noTimeCap: NEXT_PART_CAP,
    reason: `the ${part.kind} on now or next: ${part.label}`,
  };
}

type Timed = {
  id: string;
  part?: EventPart | null;
  startsAt: Date;
  endsAt?: Date | null;
  status: string | null;
};

/**
 * For each event with parts, the part a name that names none means at `now`: the session or segment on now,
 * else the next to start; a card's main card while the card is still ahead.
 */
export function nextParts(entries: readonly { event: Timed }[], now: Date): ReadonlyMap<string, string> {
  const t = now.getTime();
  const best = new Map<string, Timed>();
  const rank = (e: Timed): number => {
    const start = e.startsAt.getTime();
    const end = e.endsAt?.getTime() ?? start + DEFAULT_PART_MS;
    // Over by its end, or by its status once begun (a part still ahead is ahead, whatever a stale status says).
    if (end <= t || (e.status === 'post' && start <= t)) return Infinity;
    // A card not begun yet is its main card; on now, the segment airing.
    if (e.part?.kind === 'segment' && start > t) return same(e.part.label, 'Main Card') ? 1 : Infinity;
    return Math.max(0, start - t);
  };
  for (const { event } of entries) {
    if (!event.part || (event.part.kind !== 'session' && event.part.kind !== 'segment')) continue;
    const current = best.get(event.part.parentId);
    if (rank(event) === Infinity) continue;
    if (!current || rank(event) < rank(current)) best.set(event.part.parentId, event);
  }
  return new Map([...best].map(([parent, e]) => [parent, e.id]));
}
