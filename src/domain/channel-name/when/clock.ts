// Clock times in channel names: `7:30p`, `7pm`, `07:00 PM`, `07:00PM`, `19:30`, `19h30`, `19.30`, each
// optionally followed by a zone word (`ET`, `(GMT)`, `London`).
import { isZoneAbbreviation, ZONE_WORDS, zoneForWord } from './zones.js';

export interface TimeHit {
  start: number;
  end: number;
  /** 0-23 */
  hour: number;
  minute: number;
  /** Written with am/pm. */
  meridiem: boolean;
  /** Written `19.30`: could also be an `M.D` date; the caller decides. */
  dotted: boolean;
  /** IANA zone of a zone word right after the time, else null. */
  zone: string | null;
}

// Not after a letter, digit, `:`, `.` or `/` (so `24/7`, `5.21.25` and `U20` are not times); seconds are
// read and dropped; an am/pm marker may follow with or without a space (`7:30 PM`, `8pm`, `7:30p`).
// A zone word may be glued to the time (`17:45GMT`).
const TIME = new RegExp(
  `(?<![\\p{L}\\p{N}:./])(\\d{1,2})(?:([:.h])(\\d{2}))?(?::\\d{2})?(?:\\s?([ap])(\\.?m)?\\.?)?(?![\\p{N}]|[:./]\\d)(?=(?:${ZONE_WORDS})(?![\\p{L}])|[^\\p{L}]|$)`,
  'giu',
);
// `ET`, `(GMT)`; a closing bracket is taken only with its opening one (`(6.19 7:30 PM ET)` keeps its `)`).
const ZONE_AFTER = new RegExp(`\\s*(?:\\(\\s*(${ZONE_WORDS})\\s*\\)|(${ZONE_WORDS})(?![\\p{L}]))`, 'iuy');

function zoneAfter(text: string, at: number): { zone: string; end: number } | null {
  ZONE_AFTER.lastIndex = at;
  const m = ZONE_AFTER.exec(text);
  const word = m?.[1] ?? m?.[2];
  // Abbreviations count only in capitals (`ET`, not the `West` of West Ham); places in any case (`Oslo`).
  if (!m || !word || (isZoneAbbreviation(word) && word !== word.toUpperCase())) return null;
  const zone = zoneForWord(word);
  return zone ? { zone, end: at + m[0].length } : null;
}

/** Every time written in `text`, left to right. */
export function findTimes(text: string): TimeHit[] {
  const hits: TimeHit[] = [];
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const [whole, h, sep, mm, ampm, mSuffix] = m;
    const hour = Number(h);
    const minute = mm === undefined ? 0 : Number(mm);
    if (minute > 59) continue;
    let hour24: number;
    if (ampm) {
      // A bare hour needs the full marker (`7pm`) or a lower-case letter (`7p`, not a `4A` school class);
      // `7:30p` may drop the m.
      const bare = mm === undefined && !mSuffix && ampm !== ampm.toLowerCase();
      if (hour > 12 || hour === 0 || bare || sep === 'h') continue;
      hour24 = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    } else {
      if (mm === undefined || hour > 23) continue;
      hour24 = hour;
    }
    const start = m.index;
    let end = start + whole.length;
    const z = zoneAfter(text, end);
    if (z) end = z.end;
    hits.push({
      start,
      end,
      hour: hour24,
      minute,
      meridiem: Boolean(ampm),
      // A zone word after it makes `21.00 CET` a kick-off, never a date.
      dotted: sep === '.' && !ampm && !z,
      zone: z?.zone ?? null,
    });
  }
  return hits;
}

/** "HH:MM" */
export function formatHhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
