// Turning what a name says (a date without a year, a time without a date) into a day and an instant, relative
// to `now` in the zone the name is read in.
import { addDays, offsetMinutes, pad2 } from '../../time.js';
import { isValidDate } from './dates.js';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

/** Minutes east of UTC of `timeZone` at epoch milliseconds `at` (New York in winter: -300). */
export function zoneOffset(timeZone: string, at: number): number {
  return offsetMinutes(timeZone, new Date(at));
}

/** Local "YYYY-MM-DD" in `timeZone` at `now`. */
export function localDay(now: Date, timeZone: string): string {
  return new Date(now.getTime() + zoneOffset(timeZone, now.getTime()) * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant the wall clock in `timeZone` reads `ymd` `hhmm`; same rules as time.ts zonedToUtc (a time in a
 * spring-forward gap moves forward, the earlier of two fall-back readings wins).
 */
export function localToUtc(ymd: string, hhmm: string, timeZone: string): Date {
  const [y, mo, d] = ymd.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, hh, mm);
  const first = zoneOffset(timeZone, wall);
  const second = zoneOffset(timeZone, wall - first * 60_000);
  const earlier = Math.max(first, second);
  const candidate = wall - earlier * 60_000;
  if (zoneOffset(timeZone, candidate) === earlier) return new Date(candidate);
  return new Date(wall - Math.min(first, second) * 60_000);
}

export function ymdOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

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
  const today = localDay(now, timeZone);
  const atToday = localToUtc(today, hhmm, timeZone);
  const diff = atToday.getTime() - now.getTime();
  if (Math.abs(diff) <= HALF_DAY_MS) return atToday;
  const other = localToUtc(addDays(today, diff > 0 ? -1 : 1), hhmm, timeZone);
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
    const year = written.year ?? inferYear(written.month, written.day, localDay(now, timeZone));
    date = ymdOf(year, written.month, written.day);
  }
  if (!time) return { date, time: null, startsAt: null };
  const startsAt = date ? localToUtc(date, time, timeZone) : nearestOccurrence(time, timeZone, now);
  return { date, time, startsAt };
}
