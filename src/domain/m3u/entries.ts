import type { Buffer } from 'node:buffer';
import {
  dropBlanks,
  hasPrefix,
  scanAttributes,
  skipBlanks,
  textOf,
  trimmedText,
  UNTERMINATED,
} from './attributes.js';
import { MAX_LINE, type LineSink } from './lines.js';
import type { ParseStats, PlaylistEntry, PlaylistHeader } from '../types.js';

// Most entries carry no options: they share one frozen empty list instead of 100k new arrays.
const NO_OPTIONS = Object.freeze([]) as unknown as string[];

/** Problems kept with their line; the rest are only counted. */
const MAX_PROBLEMS = 20;

const HASH = 35;
const COLON = 58;

export interface EntryReaderOptions {
  /**
   * Asked with each entry's URL (and whether a `#EXT-X-PLAYLIST-TYPE:VOD` marker applies) before anything
   * else of the entry becomes a string; an entry it turns away is only checked for being well-formed and
   * counted in `stats.dropped`. Dropping the VOD of a big playlist this way skips most of its cost. A
   * malformed `#EXTINF` is then reported when it is read, so `stats.problems` may list it after a problem
   * on a line between it and its URL; the counts are the same.
   */
  wants?: (url: string, vodMarker: boolean) => boolean;
}

/** Turns lines into entries: the state machine behind every parser entry point. */
export interface EntryReader extends LineSink {
  readonly header: PlaylistHeader;
  readonly stats: ParseStats;
  /** The entries completed since the last call. */
  take(): PlaylistEntry[];
  /** Completes a pending entry at the end of the input. */
  finish(): void;
}

/**
 * Everything between one URL line and the next belongs to the entry that URL completes (as IPTV Simple
 * reads it): `#EXTVLCOPT`/`#KODIPROP` lines, `#EXTGRP` and `#EXT-X-PLAYLIST-TYPE:VOD` apply to that entry
 * whether they come before or after its `#EXTINF`. Lines arrive as UTF-8 byte ranges; only the fields
 * kept become strings.
 */
export function createEntryReader(options: EntryReaderOptions = {}): EntryReader {
  const { wants } = options;
  const header: PlaylistHeader = { attrs: {} };
  const stats: ParseStats = { entries: 0, skipped: 0, problems: [], withoutUrl: 0 };
  if (wants) stats.dropped = 0;
  let lineNo = 0;

  // The #EXTINF awaiting its URL line, kept in loose variables rather than an object per entry.
  let pending = false;
  let pLine = 0;
  let pDuration = -1;
  let pName = '';
  let pAttrs: Record<string, string> = {};
  // With `wants`, the pending #EXTINF stays unread bytes until its URL line (or anything else that needs
  // it) arrives; a chunk's bytes are only lent, so it is read at the latest when the chunk ends.
  let deferred: Buffer | null = null;
  let dFrom = 0;
  let dTo = 0;
  let dLine = 0;
  // A malformed #EXTINF also owns the lines up to its URL; they are not counted again.
  let swallowing = false;
  let entryOptions: string[] = NO_OPTIONS;
  let group = '';
  let vodMarker = false;

  let out: PlaylistEntry[] = [];

  function problem(line: number, reason: string): void {
    if (stats.problems.length < MAX_PROBLEMS) stats.problems.push({ line, reason });
  }

  function skip(line: number, reason: string): void {
    stats.skipped++;
    problem(line, reason);
  }

  function addOption(line: string): void {
    if (entryOptions === NO_OPTIONS) entryOptions = [];
    entryOptions.push(line);
  }

  function resetEntryState(): void {
    entryOptions = NO_OPTIONS;
    group = '';
    vodMarker = false;
  }

  function emit(url: string | null): void {
    const a = pAttrs;
    const groupTitle = a['group-title'] ?? '';
    out.push({
      name: pName,
      url,
      duration: pDuration,
      attrs: a,
      tvgId: a['tvg-id'] ?? '',
      tvgName: a['tvg-name'] ?? '',
      logo: a['tvg-logo'] ?? '',
      group: groupTitle !== '' ? groupTitle : group,
      options: entryOptions,
      vodMarker,
      line: pLine,
    });
    stats.entries++;
    if (url === null) stats.withoutUrl = (stats.withoutUrl ?? 0) + 1;
    pending = false;
    resetEntryState();
  }

  /** Where the duration of an `#EXTINF` (from after the tag) starts: past the colon and blanks. */
  function durationStart(s: Buffer, from: number, to: number): number {
    return skipBlanks(s, from < to && s[from] === COLON ? from + 1 : from, to);
  }

  /** Where the duration that starts at `from` ends, and the attributes start. */
  function durationEnd(s: Buffer, from: number, to: number): number {
    let i = from;
    while (i < to) {
      const c = s[i] ?? 0;
      // Duration: sign, digits, dot; anything else starts the attributes (`#EXTINF:-1tvg-id=...` exists).
      if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) break;
      i++;
    }
    return i;
  }

  /** Why an `#EXTINF` whose attribute scan ended at `comma` is malformed, or null when it is not. */
  function malformed(comma: number, to: number): string | null {
    if (comma === UNTERMINATED) return 'unterminated quote in #EXTINF';
    if (comma >= to) return '#EXTINF without a comma before the name';
    return null;
  }

  /** Reads an `#EXTINF` (from after the tag) into the pending entry; false when it is malformed. */
  function readExtinf(s: Buffer, from: number, to: number, line: number): boolean {
    const durStart = durationStart(s, from, to);
    const i = durationEnd(s, durStart, to);
    let duration = -1;
    // `-1` is nearly every duration; it is recognised without slicing a string to convert.
    const minusOne = i - durStart === 2 && s[durStart] === 45 && s[durStart + 1] === 49;
    if (i > durStart && !minusOne) {
      const n = Number(s.latin1Slice(durStart, i));
      if (Number.isFinite(n)) duration = n;
    }
    const attrs: Record<string, string> = {};
    const comma = scanAttributes(s, i, to, attrs, true);
    const why = malformed(comma, to);
    if (why !== null) {
      skip(line, why);
      return false;
    }
    pLine = line;
    pDuration = duration;
    pName = trimmedText(s, comma + 1, to, attrs['tvg-name']);
    pAttrs = attrs;
    return true;
  }

  /** Reads the pending `#EXTINF` into the pending entry, or turns a malformed one into swallowing. */
  function settle(s: Buffer, from: number, to: number, line: number): void {
    pending = readExtinf(s, from, to, line);
    swallowing = !pending;
    if (swallowing) resetEntryState();
  }

  /** Reads a deferred `#EXTINF` now: something needs the pending entry, or its bytes are about to go. */
  function settleDeferred(): void {
    if (deferred === null) return;
    const s = deferred;
    deferred = null;
    settle(s, dFrom, dTo, dLine);
  }

  function startEntry(s: Buffer, from: number, to: number, line: number): void {
    settleDeferred();
    if (pending) {
      // The previous entry had no URL line; its name is real, so it is kept with url null.
      emit(null);
    } else if (swallowing) {
      resetEntryState();
    }
    if (wants === undefined) {
      settle(s, from, to, line);
      return;
    }
    deferred = s;
    dFrom = from;
    dTo = to;
    dLine = line;
    pending = true;
    swallowing = false;
  }

  /**
   * Completes the pending entry with the URL line `s[from, to)`, or drops it when `wants` turns it away.
   * A deferred `#EXTINF` that is dropped is only checked for being well-formed.
   */
  function complete(s: Buffer, from: number, to: number): void {
    const url = textOf(s, from, to);
    if (wants === undefined || wants(url, vodMarker)) {
      settleDeferred();
      if (pending) emit(url);
      return;
    }
    let why: string | null = null;
    if (deferred !== null) {
      const attributes = durationEnd(deferred, durationStart(deferred, dFrom, dTo), dTo);
      why = malformed(scanAttributes(deferred, attributes, dTo, null, true), dTo);
      deferred = null;
    }
    if (why === null) stats.dropped = (stats.dropped ?? 0) + 1;
    else skip(dLine, why);
    pending = false;
    resetEntryState();
  }

  function readDirective(s: Buffer, from: number, to: number, line: number): void {
    if (hasPrefix(s, from, to, '#EXTINF')) {
      startEntry(s, from + 7, to, line);
    } else if (hasPrefix(s, from, to, '#EXTM3U')) {
      if (scanAttributes(s, from + 7, to, header.attrs, false) === UNTERMINATED) {
        problem(line, 'unterminated quote in #EXTM3U');
      }
    } else if (hasPrefix(s, from, to, '#EXTGRP:')) {
      group = trimmedText(s, from + 8, to);
    } else if (hasPrefix(s, from, to, '#EXT-X-PLAYLIST-TYPE:')) {
      if (trimmedText(s, from + 21, to).toUpperCase() === 'VOD') vodMarker = true;
    } else if (hasPrefix(s, from, to, '#EXTVLCOPT') || hasPrefix(s, from, to, '#KODIPROP')) {
      addOption(textOf(s, from, to));
    } else if (pending && hasPrefix(s, from, to, '#EXT')) {
      addOption(textOf(s, from, to));
    }
    // Other `#` lines are comments.
  }

  return {
    header,
    stats,
    line(s, from, to) {
      const line = ++lineNo;
      from = skipBlanks(s, from, to);
      to = dropBlanks(s, from, to);
      if (from >= to) return;
      if (s[from] === HASH) {
        readDirective(s, from, to, line);
        return;
      }
      if (pending) {
        complete(s, from, to);
      } else {
        if (!swallowing) skip(line, 'URL line without a preceding #EXTINF');
        resetEntryState();
      }
      swallowing = false;
    },
    overlong(s, from, to) {
      const line = ++lineNo;
      skip(line, `line longer than ${MAX_LINE / 1024} KiB dropped`);
      if (hasPrefix(s, skipBlanks(s, from, to), to, '#EXTINF')) {
        settleDeferred();
        if (pending) emit(null);
        swallowing = true;
        resetEntryState();
      }
    },
    take() {
      const done = out;
      out = [];
      return done;
    },
    endOfChunk() {
      settleDeferred();
    },
    finish() {
      settleDeferred();
      if (pending) emit(null);
    },
  };
}
