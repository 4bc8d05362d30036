// Calendar dates in channel names: `Dec 12`, `12 Dec`, `OCT 19`, `March 15`, `Sun 5th Oct`, `Thu 14 May`,
// `30 @ Jun`, `Fri @ Sep 11`, `11/25`, `22/10`, `8.29`, `5.21.25`, `14-05-2026`, `2025-05-20`. A day before
// a month that is itself followed by a day (`Court 8 @ Sep 10`) is not the date.

export interface DateHit {
  start: number;
  end: number;
  /** Null when the name gives no year. */
  year: number | null;
  month: number;
  day: number;
  /** The other reading of an all-numeric date whose parts could each be the month (`01/12`), else null. */
  alt: { month: number; day: number } | null;
}

export interface DateOptions {
  /** Read ambiguous numeric dates day first (`02/10` = 2 October): European zone or 24-hour kick-off. */
  dayFirst: boolean;
  /** Read `8.29` as a date; only when another time in the name makes it unlikely to be a kick-off. */
  dottedIsDate: boolean;
}

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const WD =
  '(?<![\\p{L}])(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![\\p{L}])\\.?,?\\s*@?\\s*';
const MON =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![\\p{L}])';
const ORD = '(?:st|nd|rd|th)?';

const ISO = /(?<![\p{N}])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{N}])/gu;
// Day-month-year with one separator throughout: `14-05-2026`, `5.21.25`, `11/25/2025`.
const THREE_PART = /(?<![\p{N}./-])(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}])/gu;
const TEXTUAL = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${WD})?(?:(\\d{1,2})${ORD}\\s*(?:@\\s*)?(?:of\\s+)?${MON}(?!\\s*\\d{1,2}(?![\\d:.]))(?:,?\\s*(\\d{4}))?` +
    `|${MON}\\s*(\\d{1,2})${ORD}(?![\\p{N}]|[:./]\\d)(?:,?\\s+(\\d{4}))?)`,
  'giu',
);
// `24/7` is round-the-clock, never 24 July.
const SLASH = new RegExp(
  `(?:${WD})?(?<![\\p{N}./-])(?!24/7(?!\\d))(\\d{1,2})/(\\d{1,2})(?![\\p{N}]|/\\d)`,
  'giu',
);
// A trailing dot (`1.12.`) is the German and Nordic way: always day first.
const MONTH_PROBE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const DOTTED = /(?<![\p{N}./:])(\d{1,2})\.(\d{1,2})(\.)?(?![\p{N}]|\.\d)/gu;

function daysIn(month: number, year: number | null): number {
  if (month === 2)
    return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number | null, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

function monthOf(word: string | undefined): number {
  return word ? (MONTHS[word.slice(0, 3).toLowerCase()] ?? 0) : 0;
}

function fullYear(y: string | undefined): number | null {
  if (!y) return null;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

type Reading = [year: number | null, month: number, day: number, alt?: { month: number; day: number }];

/**
 * Orders two numbers as month/day: a value over 12 can only be the day, else `dayFirst` decides and the other
 * order is kept as the alternative reading.
 */
function monthDay(year: number | null, a: number, b: number, dayFirst: boolean): Reading {
  if (a > 12) return [year, b, a];
  if (b > 12 || a === b) return [year, a, b];
  return dayFirst ? [year, b, a, { month: a, day: b }] : [year, a, b, { month: b, day: a }];
}

/** Every date written in `text`, left to right; overlapping readings keep the first (most specific) form. */
export function findDates(text: string, opts: DateOptions): DateHit[] {
  const hits: DateHit[] = [];
  const add = (start: number, end: number, [year, month, day, alt]: Reading): void => {
    if (!isValidDate(year, month, day)) return;
    if (hits.some((h) => start < h.end && end > h.start)) return;
    const other = alt && isValidDate(year, alt.month, alt.day) ? alt : null;
    hits.push({ start, end, year, month, day, alt: other });
  };
  const scan = (re: RegExp, read: (m: RegExpExecArray) => Reading, probe?: RegExp): void => {
    // Most names hold no date: a cheap probe skips the forms they cannot hold.
    if (probe && !probe.test(text)) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) add(m.index, m.index + m[0].length, read(m));
  };
  scan(ISO, (m) => [Number(m[1]), Number(m[2]), Number(m[3])], /\d{4}-/);
  scan(
    THREE_PART,
    (m): Reading => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      // Dashes are European (`14-05-2026`); slashes and dots American unless the numbers say otherwise.
      return monthDay(fullYear(m[4]), a, b, m[2] === '-' || opts.dayFirst);
    },
    /\d[-./]\d{1,2}[-./]\d/,
  );
  scan(
    TEXTUAL,
    (m) =>
      m[1] !== undefined
        ? [fullYear(m[3]), monthOf(m[2]), Number(m[1])]
        : [fullYear(m[6]), monthOf(m[4]), Number(m[5])],
    MONTH_PROBE,
  );
  scan(SLASH, (m) => monthDay(null, Number(m[1]), Number(m[2]), opts.dayFirst), /\d\//);
  scan(
    DOTTED,
    (m): Reading => {
      if (m[3]) return [null, Number(m[2]), Number(m[1])];
      // Month 0 is no date: without a trailing dot, `8.29` is a date only beside another time.
      return opts.dottedIsDate ? monthDay(null, Number(m[1]), Number(m[2]), opts.dayFirst) : [null, 0, 0];
    },
    /\d\.\d/,
  );
  return hits.sort((a, b) => a.start - b.start);
}
