// The guide window and the instants at which blocks are cut. Days are local days of the provider zone, so
// a DST day is 23 or 25 hours long; every instant here is epoch milliseconds.
import { addDays, offsetMinutes, pad2, startOfLocalDay, wallClock, zonedToUtc } from '../time.js';

export interface GuideWindow {
  /** Epoch ms of local midnight `daysBack` days before today. */
  start: number;
  /** Epoch ms of local midnight `daysAhead` days after today (exclusive end). */
  end: number;
  /** Today's local date "YYYY-MM-DD" in the provider zone. */
  today: string;
  /** Local dates of the window, oldest first. */
  days: string[];
  /** Epoch ms of each day's local midnight, plus the window end: `days.length + 1` entries. */
  dayStarts: number[];
}

export function guideWindow(now: Date, timeZone: string, daysBack: number, daysAhead: number): GuideWindow {
  const today = wallClock(now, timeZone).ymd;
  const days: string[] = [];
  for (let i = -daysBack; i < daysAhead; i++) days.push(addDays(today, i));
  const dayStarts = [...days, addDays(today, daysAhead)].map((ymd) =>
    startOfLocalDay(ymd, timeZone).getTime(),
  );
  return {
    start: dayStarts[0] ?? now.getTime(),
    end: dayStarts[dayStarts.length - 1] ?? now.getTime(),
    today,
    days,
    dayStarts,
  };
}

/**
 * Sorted instants strictly inside the window at which filler-like blocks are cut: every local midnight, and
 * every wall-clock multiple of `blockMinutes` (at least 15) from it (00:00, 06:00, 12:00... for 360). A multiple that
 * falls in a DST gap moves forward with the clock and duplicates are dropped.
 */
export function blockCuts(window: GuideWindow, timeZone: string, blockMinutes: number): number[] {
  // Shorter blocks only bloat the guide.
  const step = Math.max(15, Math.round(blockMinutes));
  const cuts = new Set<number>(window.dayStarts);
  window.days.forEach((ymd, i) => {
    const midnight = window.dayStarts[i] ?? 0;
    const next = window.dayStarts[i + 1] ?? 0;
    // Without a transition that day, wall-clock minutes are elapsed minutes; Intl is slow, so ask it twice.
    const steady =
      offsetMinutes(timeZone, new Date(midnight)) === offsetMinutes(timeZone, new Date(next - 1000));
    for (let m = step; m < 24 * 60; m += step) {
      const hhmm = `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
      cuts.add(steady ? midnight + m * 60_000 : zonedToUtc(ymd, hhmm, timeZone).getTime());
    }
  });
  return [...cuts].filter((t) => t > window.start && t < window.end).sort((a, b) => a - b);
}

/** `[start, end)` cut at every instant of `cuts` strictly inside it; empty when `end <= start`. */
export function splitRange(start: number, end: number, cuts: readonly number[]): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  for (const cut of cuts) {
    if (cut >= end) break;
    if (cut > from) {
      pieces.push([from, cut]);
      from = cut;
    }
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}
