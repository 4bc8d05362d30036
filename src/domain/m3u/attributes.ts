import type { Buffer } from 'node:buffer';

declare module 'node:buffer' {
  // Node's own decoders behind `toString(encoding, start, end)`, undeclared in @types/node, without its
  // argument checks and encoding lookup: about a third of the cost of each of the 500k small strings a
  // 100k-entry playlist makes.
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    utf8Slice(start: number, end: number): string;
  }
}

// Hand-written scanners for `key="value"` lists over UTF-8 bytes. They work on index ranges of a larger
// buffer so that a line is never copied or decoded whole; only the values kept become strings, each flat
// and of its own. Slices of a decoded line would keep the whole line alive for as long as an entry lives,
// and on a 100k-entry playlist that memory costs more time (page faults, GC copying) than it saves.

const SPACE = 32;
const COMMA = 44;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const UPPER_A = 65;
const UPPER_Z = 90;
/** Any byte at or past this one belongs to a multi-byte UTF-8 sequence (or is invalid). */
const NON_ASCII = 0x80;

// Keys seen on nearly every line, in a small open-addressing table keyed by a hash the scanner computes
// while it reads the key. A hit, checked byte for byte, gives the canonical key string instead of a fresh
// one that V8 would then have to internalize to use it as a property name.
const COMMON_KEYS =
  'tvg-id tvg-name tvg-logo group-title tvg-chno tvg-shift tvg-url tvg-rec tvg-country tvg-language ' +
  'tvg-type url-tvg x-tvg-url catchup catchup-days catchup-source catchup-type timeshift media ' +
  'radio channel-id channel-number user-agent referrer http-referrer http-user-agent parent-code ' +
  'audio-track provider media-dir media-size tvc-guide-stationid';
const TABLE_MASK = 255;
const TABLE_KEYS: (string | undefined)[] = new Array<string | undefined>(TABLE_MASK + 1).fill(undefined);
const TABLE_BYTES: Uint8Array[] = new Array<Uint8Array>(TABLE_MASK + 1).fill(new Uint8Array(0));

/** The scanner's running key hash after one more byte. */
function hashStep(hash: number, byte: number): number {
  return (Math.imul(hash, 31) + byte) | 0;
}

// Property names come back from Object.keys internalized, as literals would be.
for (const key of Object.keys(Object.fromEntries(COMMON_KEYS.split(' ').map((k) => [k, 0])))) {
  let hash = 0;
  for (let k = 0; k < key.length; k++) hash = hashStep(hash, key.charCodeAt(k));
  let slot = hash & TABLE_MASK;
  while (TABLE_KEYS[slot] !== undefined) slot = (slot + 1) & TABLE_MASK;
  TABLE_KEYS[slot] = key;
  TABLE_BYTES[slot] = Uint8Array.from(key, (ch) => ch.charCodeAt(0));
}

function knownKey(bytes: Buffer, from: number, to: number, hash: number): string | undefined {
  for (let slot = hash & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const key = TABLE_KEYS[slot];
    if (key === undefined) return undefined;
    const known = TABLE_BYTES[slot] ?? bytes;
    if (known.length !== to - from) continue;
    let k = 0;
    while (k < known.length && bytes[from + k] === known[k]) k++;
    if (k === known.length) return key;
  }
}

/**
 * `bytes[from, to)` decoded as UTF-8 (invalid sequences become U+FFFD) into a flat string of its own. V8
 * checks for ASCII a word at a time and then copies, so ASCII costs no more than Latin-1 would.
 */
export function textOf(bytes: Buffer, from: number, to: number): string {
  return from >= to ? '' : bytes.utf8Slice(from, to);
}

/** Returned by {@link scanAttributes} when a quoted value has no closing quote before the end. */
export const UNTERMINATED = -1;

/** True when a UTF-8 byte order mark (EF BB BF) starts at `at` and ends by `to`. */
function isBom(bytes: Buffer, at: number, to: number): boolean {
  return at + 3 <= to && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/** `from` moved past the blanks trimmed around lines and names: ASCII controls, space and stray BOMs. */
export function skipBlanks(bytes: Buffer, from: number, to: number): number {
  for (;;) {
    if (from < to && (bytes[from] ?? 0) <= SPACE) from++;
    else if (isBom(bytes, from, to)) from += 3;
    else return from;
  }
}

/** `to` moved back before the same blanks as {@link skipBlanks}. */
export function dropBlanks(bytes: Buffer, from: number, to: number): number {
  for (;;) {
    if (to > from && (bytes[to - 1] ?? 0) <= SPACE) to--;
    else if (isBom(bytes, to - 3, to) && to - 3 >= from) to -= 3;
    else return to;
  }
}

/**
 * Reads attributes from `bytes[from, to)` into `into` (keys lower-cased, the last of repeated keys wins).
 * Values may be double-quoted, single-quoted, unquoted or empty. Bare words without `=` are ignored.
 * With `stopAtComma`, an unquoted comma ends the list (the `#EXTINF` name follows it) and its index is
 * returned; otherwise the scan runs to `to`. Returns `to` when the range ends, or {@link UNTERMINATED}.
 * With `into` null nothing is read, only where the list ends: a check that costs no strings.
 */
export function scanAttributes(
  bytes: Buffer,
  from: number,
  to: number,
  into: Record<string, string> | null,
  stopAtComma: boolean,
): number {
  let i = from;
  while (i < to) {
    let c = bytes[i] ?? 0;
    if (c <= SPACE) {
      i++;
      continue;
    }
    if (c === COMMA && stopAtComma) return i;
    const keyStart = i;
    let upper = false;
    let hash = 0;
    while (i < to) {
      c = bytes[i] ?? 0;
      if (c === EQUALS || c <= SPACE || (c === COMMA && stopAtComma)) break;
      if (c >= UPPER_A && c <= UPPER_Z) upper = true;
      hash = hashStep(hash, c);
      i++;
    }
    if (i >= to || c !== EQUALS) continue;
    const key =
      into === null
        ? ''
        : upper
          ? textOf(bytes, keyStart, i).toLowerCase()
          : (knownKey(bytes, keyStart, i, hash) ?? textOf(bytes, keyStart, i));
    i++;
    let valueStart = i;
    const q = i < to ? (bytes[i] ?? 0) : SPACE;
    if (q === DOUBLE_QUOTE || q === SINGLE_QUOTE) {
      valueStart = ++i;
      // Native search: past `to` it stops at the next quote, at worst on a later line, so each search ends
      // before the next one starts and a text full of open quotes is still read once.
      i = bytes.indexOf(q, i);
      if (i === -1 || i >= to) return UNTERMINATED;
    } else {
      while (i < to) {
        c = bytes[i] ?? 0;
        if (c <= SPACE || (c === COMMA && stopAtComma)) break;
        i++;
      }
    }
    // `__proto__` as a key would replace the prototype of a plain object instead of adding a key.
    if (into !== null && key !== '' && key !== '__proto__') into[key] = textOf(bytes, valueStart, i);
    if (q === DOUBLE_QUOTE || q === SINGLE_QUOTE) i++;
  }
  return to;
}

/**
 * `bytes[from, to)` without blanks at either end, as text; `same` itself when it is exactly that text
 * (names usually repeat `tvg-name`; sharing the string saves one per entry). Only ASCII is compared byte
 * for character: a UTF-8 byte past ASCII may equal an unrelated Latin-1 character of `same`.
 */
export function trimmedText(bytes: Buffer, from: number, to: number, same?: string): string {
  from = skipBlanks(bytes, from, to);
  to = dropBlanks(bytes, from, to);
  if (same !== undefined && same.length === to - from && from < to) {
    let k = 0;
    for (; k < same.length; k++) {
      const c = bytes[from + k] ?? NON_ASCII;
      if (c >= NON_ASCII || c !== same.charCodeAt(k)) break;
    }
    if (k === same.length) return same;
  }
  return textOf(bytes, from, to);
}

/** True when `bytes` has `prefix` (upper-case ASCII) at `at`, compared case-insensitively. */
export function hasPrefix(bytes: Buffer, at: number, to: number, prefix: string): boolean {
  if (to - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    const c = bytes[at + k];
    const p = prefix.charCodeAt(k);
    if (c !== p && !(p >= UPPER_A && p <= UPPER_Z && c === p + 32)) return false;
  }
  return true;
}
