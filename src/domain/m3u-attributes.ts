// Hand-written scanners for `key="value"` lists. They work on index ranges of a larger buffer so that a
// line is never copied; only keys and values are sliced out. No regex: a playlist has 100k+ such lines.

const SPACE = 32;
const COMMA = 44;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const UPPER_A = 65;
const UPPER_Z = 90;
const BOM = 0xfeff;

// Keys seen on nearly every line, grouped by length. Matching them in place avoids slicing a fresh key
// string per attribute, which V8 would then have to internalize to use it as a property name.
const COMMON_KEYS =
  'tvg-id tvg-name tvg-logo group-title tvg-chno tvg-shift tvg-url tvg-rec tvg-country tvg-language ' +
  'tvg-type url-tvg x-tvg-url catchup catchup-days catchup-source catchup-type timeshift media ' +
  'radio channel-id channel-number user-agent referrer http-referrer http-user-agent parent-code ' +
  'audio-track provider media-dir media-size tvc-guide-stationid';
const KNOWN_KEYS: (readonly string[] | undefined)[] = [];
// Property names come back from Object.keys internalized, as literals would be.
for (const key of Object.keys(Object.fromEntries(COMMON_KEYS.split(' ').map((k) => [k, 0])))) {
  KNOWN_KEYS[key.length] = [...(KNOWN_KEYS[key.length] ?? []), key];
}

function knownKey(s: string, from: number, to: number): string | undefined {
  const candidates = KNOWN_KEYS[to - from];
  if (candidates === undefined) return undefined;
  for (const key of candidates) {
    let k = 0;
    while (k < key.length && s.charCodeAt(from + k) === key.charCodeAt(k)) k++;
    if (k === key.length) return key;
  }
  return undefined;
}

/** Returned by {@link scanAttributes} when a quoted value has no closing quote before the end. */
export const UNTERMINATED = -1;

/** True for the characters trimmed around lines and names: ASCII controls, space, and a stray BOM. */
export function isBlank(code: number): boolean {
  return code <= SPACE || code === BOM;
}

/**
 * Reads attributes from `s[from, to)` into `into` (keys lower-cased, the last of repeated keys wins).
 * Values may be double-quoted, single-quoted, unquoted or empty. Bare words without `=` are ignored.
 * With `stopAtComma`, an unquoted comma ends the list (the `#EXTINF` name follows it) and its index is
 * returned; otherwise the scan runs to `to`. Returns `to` when the range ends, or {@link UNTERMINATED}.
 */
export function scanAttributes(
  s: string,
  from: number,
  to: number,
  into: Record<string, string>,
  stopAtComma: boolean,
): number {
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    if (c <= SPACE) {
      i++;
      continue;
    }
    if (c === COMMA && stopAtComma) return i;
    const keyStart = i;
    let upper = false;
    while (i < to) {
      c = s.charCodeAt(i);
      if (c === EQUALS || c <= SPACE || (c === COMMA && stopAtComma)) break;
      if (c >= UPPER_A && c <= UPPER_Z) upper = true;
      i++;
    }
    if (i >= to || c !== EQUALS) continue;
    const key = upper
      ? s.slice(keyStart, i).toLowerCase()
      : (knownKey(s, keyStart, i) ?? (i > keyStart ? s.slice(keyStart, i) : ''));
    i++;
    let value: string;
    const q = i < to ? s.charCodeAt(i) : SPACE;
    if (q === DOUBLE_QUOTE || q === SINGLE_QUOTE) {
      const valueStart = i + 1;
      i = valueStart;
      while (i < to && s.charCodeAt(i) !== q) i++;
      if (i >= to) return UNTERMINATED;
      value = s.slice(valueStart, i);
      i++;
    } else {
      const valueStart = i;
      while (i < to) {
        c = s.charCodeAt(i);
        if (c <= SPACE || (c === COMMA && stopAtComma)) break;
        i++;
      }
      value = i > valueStart ? s.slice(valueStart, i) : '';
    }
    // `__proto__` as a key would replace the prototype of a plain object instead of adding a key.
    if (key !== '' && key !== '__proto__') into[key] = value;
  }
  return to;
}

/** `s[from, to)` without blanks at either end; `same` itself when it has exactly those characters. */
export function sliceTrimmed(s: string, from: number, to: number, same?: string): string {
  while (from < to && isBlank(s.charCodeAt(from))) from++;
  while (to > from && isBlank(s.charCodeAt(to - 1))) to--;
  if (from >= to) return '';
  // Names usually repeat `tvg-name`; sharing that string saves an object per entry.
  if (same !== undefined && same.length === to - from && s.startsWith(same, from)) return same;
  return s.slice(from, to);
}

/** True when `s` has `prefix` (upper-case ASCII) at `at`, compared case-insensitively. */
export function hasPrefix(s: string, at: number, to: number, prefix: string): boolean {
  if (to - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    const c = s.charCodeAt(at + k);
    const p = prefix.charCodeAt(k);
    if (c !== p && !(p >= UPPER_A && p <= UPPER_Z && c === p + 32)) return false;
  }
  return true;
}
