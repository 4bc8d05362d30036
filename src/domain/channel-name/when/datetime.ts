// Finds the date, time, zone and explicit stop written in a payload and masks them out of the text, leaving a
// marker where they were (a kick-off between two teams is the separator: `Monaco 20:00 Tottenham 22/10`).
import { findDates, type DateHit } from './dates.js';
import { findTimes, formatHhmm, type TimeHit } from './clock.js';
import { isEuropeanZone } from './zones.js';
import { ymdOf } from '../../time.js';

/** Stands where a date or time was removed: a private-use character (normalizeName strips it from names). */
export const MARK = '\uE000';
/** Follows MARK where the removed text was a time: a kick-off between two names separates them, a date does not. */
export const KICK = '\uE003';

/** The text without any marker. */
export function unmark(text: string): string {
  return text.includes(MARK) || text.includes(KICK) ? text.replace(MARKERS, ' ') : text;
}

const MARKERS = new RegExp(`[${MARK}${KICK}]`, 'g');

export interface WrittenDateTime {
  /** The payload with every date and time replaced by MARK. */
  text: string;
  /** "HH:MM" 24 h, or null. */
  time: string | null;
  /** IANA zone named in the payload, or null. */
  zone: string | null;
  /** `alt`: the other order of an all-numeric date that reads both ways (`01/12`); the day nearest decides. */
  date: {
    year: number | null;
    month: number;
    day: number;
    alt: { month: number; day: number } | null;
  } | null;
  /** `stop:YYYY-MM-DD HH:MM:SS`, as local date and time. */
  stop: { ymd: string; hhmm: string } | null;
}

interface Span {
  start: number;
  end: number;
}

// `start:2026-07-19 17:35:00`, `stop:...`, and `(2025-05-20 22:08:00)` / `(2025-11-23)`.
const STAMP =
  /(?:\b(start|stop)\s*:\s*|\(\s*)(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\.?)?)?(?:\s*\))?/giu;

function maskSpans(text: string, spans: Span[], mark = MARK): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), ` ${mark} `);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const SPLIT_TIMES =
  /(?<![\p{N}:./])(\d{1,2}(?::\d{2})?)\s*([ap]\.?m\.?)?\s*\/\s*\d{1,2}(?::\d{2})?\s*([ap]\.?m\.?)(?![\p{L}])/iu;

// `KO 18.45`, `K.O. 20:00`, `Kick-off: 3pm`: the word goes with the time it announces.
const KICK_OFF_BEFORE = /(?:^|[^\p{L}])(?:ko|k\.o\.|kick[- ]?off)\s*:?\s*$/iu;

function kickOffWordStart(text: string, start: number): number {
  const m = KICK_OFF_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  return m ? start - m[0].length + (/^[^\p{L}]/u.test(m[0]) ? 1 : 0) : start;
}

function hour24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  return (h % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
}

/** Reads the date and time of a payload in the order the reference lists its forms. */
export function extractDateTime(payload: string, providerZone: string): WrittenDateTime {
  let text = payload;
  let date: WrittenDateTime['date'] = null;
  let time: string | null = null;
  let stop: WrittenDateTime['stop'] = null;

  const stamps: Span[] = [];
  STAMP.lastIndex = 0;
  for (let m = STAMP.exec(text); m; m = STAMP.exec(text)) {
    const isStop = m[1]?.toLowerCase() === 'stop';
    // A bare `(` opens a stamp only when it also closes: `(2025-11-23)`, not `(2025-11-23 note)`.
    if (!m[1] && !m[0].endsWith(')')) continue;
    const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const hhmm =
      m[5] !== undefined && m[6] !== undefined ? formatHhmm(hour24(Number(m[5]), m[7]), Number(m[6])) : null;
    stamps.push({ start: m.index, end: m.index + m[0].length });
    if (isStop) {
      if (hhmm && !stop) stop = { ymd: ymdOf(y, mo, d), hhmm };
    } else if (!date) {
      date = { year: y, month: mo, day: d, alt: null };
      time = hhmm;
    }
  }
  text = maskSpans(text, stamps);

  // Two kick-offs for two regions (`10:30am/2pm`, `5:30/8pm`, `8/10pm`): the first is the one, and takes the
  // am/pm of the second when it has none.
  const split = SPLIT_TIMES.exec(text);
  if (split?.[1] && split[3]) {
    const [h, m = '00'] = split[1].split(':');
    const meridiem = (split[2] ?? split[3]).toLowerCase().startsWith('p') ? 'p' : 'a';
    time = formatHhmm(hour24(Number(h), meridiem), Number(m));
    text = maskSpans(text, [{ start: split.index, end: split.index + split[0].length }], MARK + KICK);
  }

  const definite = findTimes(text)
    .filter((t) => !t.dotted)
    .map((t) => ({ ...t, start: kickOffWordStart(text, t.start) }));
  const first: TimeHit | undefined = definite[0];
  const zone = first?.zone ?? null;
  text = maskSpans(text, definite, MARK + KICK);

  const dayFirst = (first !== undefined && !first.meridiem) || isEuropeanZone(zone ?? providerZone);
  const dates: DateHit[] = findDates(text, { dayFirst, dottedIsDate: definite.length > 0 || time !== null });
  text = maskSpans(text, dates);
  const firstDate = dates[0];
  if (!date && firstDate) {
    date = { year: firstDate.year, month: firstDate.month, day: firstDate.day, alt: firstDate.alt };
  }

  if (!time && first) time = formatHhmm(first.hour, first.minute);
  if (!time) {
    // `19.30` with no other time in the name is a kick-off.
    const dotted = findTimes(text).find((t) => t.dotted);
    if (dotted) {
      time = formatHhmm(dotted.hour, dotted.minute);
      text = maskSpans(text, [{ ...dotted, start: kickOffWordStart(text, dotted.start) }], MARK + KICK);
    }
  }
  return { text, time, zone, date, stop };
}
