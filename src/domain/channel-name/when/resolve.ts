// Turning what a name says (a date without a year, a time without a date) into a day and an instant, relative
// to `now` in the zone the name is read in.
import { addDays, wallClock, ymdOf, zonedToUtc } from '../../time.js';
import { isValidDate } from './dates.js';

const HALF_DAY_MS = 43_200_000;

/**
 * The year that puts `month`/`day` nearest to `today` ("YYYY-MM-DD"): `Jan 2` read on Dec 30 is next
 * year's, `Dec 30` read on Jan 2 last year's. Feb 29 only exists in leap years, so a candidate may be skipped.
 */
export function inferYear(month: number, day: number, today: string): number {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const base = Date.UTC(ty, tm - 1, td);
  let best = ty;
  let bestDistance = Infinity;
  for (const year of [ty - 1, ty, ty + 1]) {
    if (!isValidDate(year, month, day)) continue;
    const distance = Math.abs(Date.UTC(year, month - 1, day) - base);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The instant at which the wall clock in `timeZone` reads `hhmm` nearest to `now` (within about 12 hours):
 * at 00:30 ET a name saying 11:59 PM ET means the game that started 31 minutes ago, not tomorrow night's.
 */
export function nearestOccurrence(hhmm: string, timeZone: string, now: Date): Date {
  const today = wallClock(now, timeZone).ymd;
  const atToday = zonedToUtc(today, hhmm, timeZone);
  const diff = atToday.getTime() - now.getTime();
  if (Math.abs(diff) <= HALF_DAY_MS) return atToday;
  const other = zonedToUtc(addDays(today, diff > 0 ? -1 : 1), hhmm, timeZone);
  return Math.abs(other.getTime() - now.getTime()) < Math.abs(diff) ? other : atToday;
}

export interface When {
  /** "YYYY-MM-DD" when the name gives a date. */
  date: string | null;
  /** "HH:MM" when the name gives a time. */
  time: string | null;
  startsAt: Date | null;
}

/** Combines a written date (maybe without year) and time in `timeZone` into a day and an instant. */
export function resolveWhen(
  written: { year: number | null; month: number; day: number } | null,
  time: string | null,
  timeZone: string,
  now: Date,
): When {
  let date: string | null = null;
  if (written) {
    const year = written.year ?? inferYear(written.month, written.day, wallClock(now, timeZone).ymd);
    date = ymdOf(year, written.month, written.day);
  }
  if (!time) return { date, time: null, startsAt: null };
  const startsAt = date ? zonedToUtc(date, time, timeZone) : nearestOccurrence(time, timeZone, now);
  return { date, time, startsAt };
}
