// Turning what a name says (a date without a year, a time without a date) into a day and an instant, relative
// to `now` in the zone the name is read in.
import { addDays, wallClock, ymdOf, zonedToUtc } from '../../time.js';
import { isValidDate } from './dates.js';

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

/** How long an event may still be on when nothing says its sport: the longest common game, about three hours. */
export const STILL_ON_MINUTES = 180;

/**
 * The instants a time without a date may mean: that wall-clock time on the day before `now`'s local day, on
 * that day, and on the day after, in order. A lineup names the games of its day, but in the hours around
 * midnight either neighbour is as likely; the events decide between them.
 */
export function occurrencesOf(hhmm: string, timeZone: string, now: Date): readonly Date[] {
  const today = wallClock(now, timeZone).ymd;
  const key = `${hhmm}|${timeZone}|${today}`;
  let found = OCCURRENCES.get(key);
  if (!found) {
    // A lineup's names share few times: each is worked out once per day and zone.
    if (OCCURRENCES.size >= 4096) OCCURRENCES.clear();
    found = [-1, 0, 1].map((n) => zonedToUtc(addDays(today, n), hhmm, timeZone));
    OCCURRENCES.set(key, found);
  }
  return found;
}

const OCCURRENCES = new Map<string, readonly Date[]>();

/**
 * The occurrence a viewer expects when no event says which day: the latest one that has started while the
 * event may still be on (`stillOnMinutes` after its start), else the next one to come. At 08:30 a `9:00 PM`
 * game is tonight's; at 00:30 an `11:30 PM` one is the game still on since last night.
 */
export function likelyOccurrence(
  hhmm: string,
  timeZone: string,
  now: Date,
  stillOnMinutes = STILL_ON_MINUTES,
): Date {
  const at = now.getTime();
  const all = occurrencesOf(hhmm, timeZone, now);
  const started = all.filter((d) => d.getTime() <= at);
  const latest = started[started.length - 1];
  if (latest && at < latest.getTime() + stillOnMinutes * 60_000) return latest;
  return all.find((d) => d.getTime() > at) ?? all[all.length - 1]!;
}

export interface When {
  /** "YYYY-MM-DD" when the name gives a date. */
  date: string | null;
  /** "HH:MM" when the name gives a time. */
  time: string | null;
  startsAt: Date | null;
  /** A time without a date: `startsAt` is only the likely occurrence (see likelyOccurrence). */
  timeOnly: boolean;
}

export interface WrittenDate {
  year: number | null;
  month: number;
  day: number;
  /** The other order of an all-numeric date that reads both ways. */
  alt?: { month: number; day: number } | null;
}

const DAY_MS = 86_400_000;

// A lineup names the games of the coming days: a reading this close to today beats one that is not.
const NEAR_DAYS = 7;

/**
 * The date a written date means: its year inferred; of two readings (`01/12`), the other order only when it
 * falls within a week of `today` and the first does not.
 */
function dateOf(written: WrittenDate, today: string): string {
  const ymd = (r: { month: number; day: number }) =>
    ymdOf(written.year ?? inferYear(r.month, r.day, today), r.month, r.day);
  const near = (d: string) => Math.abs(Date.parse(d) - Date.parse(today)) / DAY_MS <= NEAR_DAYS;
  const first = ymd(written);
  if (!written.alt || near(first)) return first;
  const other = ymd(written.alt);
  return near(other) ? other : first;
}

/** Combines a written date (maybe without year) and time in `timeZone` into a day and an instant. */
export function resolveWhen(
  written: WrittenDate | null,
  time: string | null,
  timeZone: string,
  now: Date,
): When {
  const date = written ? dateOf(written, wallClock(now, timeZone).ymd) : null;
  if (!time) return { date, time: null, startsAt: null, timeOnly: false };
  if (date) return { date, time, startsAt: zonedToUtc(date, time, timeZone), timeOnly: false };
  return { date, time, startsAt: likelyOccurrence(time, timeZone, now), timeOnly: true };
}
