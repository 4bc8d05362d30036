// Wall clocks and instants. Zones are IANA names, never fixed offsets, so DST is always right.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  /** "YYYY-MM-DD" */
  ymd: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const HOUR_MS = 3_600_000;
/** Hours remembered per zone before its memory starts over (about 5.7 years of distinct hours). */
const MAX_HOURS = 50_000;

/**
 * Remembers per zone and UTC hour what `read` says throughout that hour: it is asked at the hour's first
 * and last second, and an hour where the two answers differ (a transition falls in it) is remembered as
 * null, for the caller to ask about each instant. Intl costs microseconds a call and a 16k-channel guide
 * asks hundreds of thousands of times; zone rules change at most once an hour, on whole seconds. A memo
 * of a pure function: the answers never depend on who asks.
 */
export function createHourlyMemo<T>(read: (timeZone: string, ms: number) => T) {
  const zones = new Map<string, Map<number, T | null>>();
  return (timeZone: string, ms: number): T | null => {
    if (!Number.isFinite(ms)) return null;
    let hours = zones.get(timeZone);
    if (hours === undefined) {
      hours = new Map();
      zones.set(timeZone, hours);
    }
    const hour = Math.floor(ms / HOUR_MS);
    let value = hours.get(hour);
    if (value === undefined) {
      const first = read(timeZone, hour * HOUR_MS);
      value = first === read(timeZone, hour * HOUR_MS + HOUR_MS - 1000) ? first : null;
      if (hours.size >= MAX_HOURS) hours.clear();
      hours.set(hour, value);
    }
    return value;
  };
}

/** The offset (ms east of UTC) at `ms`, to the second, as Intl reads it. */
function exactOffsetMs(timeZone: string, ms: number): number {
  const w = intlWallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The offset of `timeZone` throughout the UTC hour holding `ms`, or null. */
const hourOffsetMs = createHourlyMemo(exactOffsetMs);

/** The wall clock of `timeZone` at `instant`, to the second. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  const offset = hourOffsetMs(timeZone, ms);
  if (offset === null) return intlWallClock(instant, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  return {
    ymd: ymdOf(year, month, day),
    year,
    month,
    day,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

function intlWallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '0';
  const year = Number(get('year'));
  const month = Number(get('month'));
  const day = Number(get('day'));
  return {
    ymd: ymdOf(year, month, day),
    year,
    month,
    day,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** Minutes east of UTC of `timeZone` at `instant` (New York in winter: -300). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const ms = instant.getTime();
  return Math.round((hourOffsetMs(timeZone, ms) ?? exactOffsetMs(timeZone, ms)) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` reads `ymd` `hh:mm`. In a DST gap the clock jumps
 * forward (02:30 on a spring-forward day is 03:30); in an overlap the earlier instant is taken.
 */
export function zonedToUtc(ymd: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offsets a day either side; an offset is right when the instant it gives has that offset.
  const before = offsetMinutes(timeZone, new Date(wall - 86_400_000));
  const after = offsetMinutes(timeZone, new Date(wall + 86_400_000));
  let best: number | null = null;
  for (const offset of [before, after]) {
    const at = wall - offset * 60_000;
    if (offsetMinutes(timeZone, new Date(at)) === offset && (best === null || at < best)) best = at;
  }
  // None is right inside a gap: read the time with the offset before it, which moves it forward.
  return new Date(best ?? wall - before * 60_000);
}

/** Midnight at the start of `ymd` in `timeZone`. */
export function startOfLocalDay(ymd: string, timeZone: string): Date {
  return zonedToUtc(ymd, '00:00', timeZone);
}

export function addDays(ymd: string, n: number): string {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  const d = Number(ymd.slice(8, 10));
  const days = Date.UTC(y, m - 1, d) / 86_400_000 + n;
  return ymdOfEpochDay(days);
}

/** "YYYY-MM-DD" of a day counted from 1970-01-01 (civil-from-days, proleptic Gregorian). */
function ymdOfEpochDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ymdOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** `from`..`to` inclusive (`YYYY-MM-DD`); empty when `to` is before `from`. */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The days of `timeZone`'s calendar that the span [from, to) touches, in order. */
export function daysTouched(from: Date, to: Date, timeZone: string): string[] {
  const last = new Date(Math.max(from.getTime(), to.getTime() - 1));
  return dayRange(wallClock(from, timeZone).ymd, wallClock(last, timeZone).ymd);
}

/** The days of `zone`'s calendar that day `ymd` of `timeZone` overlaps (a New York evening is two UTC days). */
export function daysOverlapping(ymd: string, timeZone: string, zone: string): string[] {
  return daysTouched(startOfLocalDay(ymd, timeZone), startOfLocalDay(addDays(ymd, 1), timeZone), zone);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD" of a calendar date. */
export function ymdOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "HH:MM" of the wall clock. */
export function hhmm(w: WallClock): string {
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}
