// When a candidate is against when the name says: at its start, within its span (a golf round all day), on the
// name's date, or today.
import type { CandidateQuery } from './candidates.js';
import { inWindow } from './candidates.js';
import type { IndexedCandidate } from './candidate-index.js';
import type { ChannelEvidence } from './evidence.js';
import { wallClock } from '../time.js';

const DATE_FACTOR = 0.95;
const TODAY_FACTOR = 0.93;
// A time without a date read on a day other than the likely one: right when the events say so, and just below
// the same evidence on the likely day, which wins.
const OTHER_DAY_FACTOR = 0.98;

export interface TimeOptions {
  maxTimeDeltaMinutes: number;
  query?: CandidateQuery;
}

export interface TimeFit {
  otherDay?: boolean;
  delta: number | null;
  factor: number;
  reason: string;
  rejected?: string;
  known: boolean;
}

/**
 * How far an instant is from the event: from its start, or for an event that says how late it runs (a golf round
 * all day), from the span it is on (0 inside it).
 */
function offSpan(entry: IndexedCandidate, ms: number): number {
  if (entry.endMs !== null && ms >= entry.startMs) return Math.max(0, ms - entry.endMs);
  return Math.abs(entry.startMs - ms);
}

function minutes(n: number): string {
  return `${Math.round(n)} min`;
}

export function fitTime(ch: ChannelEvidence, entry: IndexedCandidate, opts: TimeOptions): TimeFit {
  const { parsed } = ch;
  const q = opts.query;
  if (parsed.startsAt) {
    // A time without a date may mean the day before or after the likely one; the nearest reading counts.
    const starts = q && q.starts.length > 0 ? q.starts : [parsed.startsAt];
    let nearest = starts[0] ?? parsed.startsAt;
    for (const s of starts) if (offSpan(entry, s.getTime()) < offSpan(entry, nearest.getTime())) nearest = s;
    const delta = offSpan(entry, nearest.getTime()) / 60_000;
    if (delta > opts.maxTimeDeltaMinutes) {
      const rejected = `starts ${minutes(delta)} from the name's ${parsed.time ?? 'time'}`;
      return { delta, factor: 0, reason: rejected, rejected, known: true };
    }
    const factor = 1 - (0.1 * delta) / opts.maxTimeDeltaMinutes;
    const likely = q?.likelyStart ?? parsed.startsAt;
    if (nearest.getTime() === likely.getTime()) {
      return { delta, factor, reason: `start within ${minutes(delta)}`, known: true };
    }
    const day = localDay(nearest, opts);
    return {
      otherDay: true,
      delta,
      factor: factor * OTHER_DAY_FACTOR,
      reason: `start within ${minutes(delta)} on ${day}, the name giving no date`,
      known: true,
    };
  }
  if (q && !inWindow(q, entry.event.startsAt, entry.event.endsAt)) {
    const day = localDay(entry.event.startsAt, opts);
    const rejected =
      q.basis === 'date' && parsed.date
        ? `date mismatch: starts ${day}, the name says ${parsed.date}`
        : `starts ${day}, outside the day searched`;
    return { delta: null, factor: 0, reason: rejected, rejected, known: false };
  }
  if (parsed.date) return { delta: null, factor: DATE_FACTOR, reason: `on the name's date`, known: false };
  return { delta: null, factor: TODAY_FACTOR, reason: 'no time in the name', known: false };
}

/** Local "YYYY-MM-DD" of an instant in the query's zone, for messages. */
function localDay(instant: Date, opts: TimeOptions): string {
  return opts.query ? wallClock(instant, opts.query.timeZone).ymd : instant.toISOString().slice(0, 10);
}
