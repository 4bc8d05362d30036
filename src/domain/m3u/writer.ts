import type { PlaylistEntry, PlaylistHeader } from '../types.js';

/** Output is yielded in pieces of about this many characters, not one string per line. */
const PIECE = 32 * 1024;

// Directives the writer produces itself from entry fields; copies of them in `options` would be re-read as
// such (the parser matches these prefixes case-insensitively).
const RESERVED_OPTIONS = /^#(EXTINF|EXTM3U|EXTGRP:|EXT-X-PLAYLIST-TYPE:)/i;
const LINE_BREAKS = /[\r\n]+/g;
// A key must survive the parser's scanner: no blanks, `=`, `,` or quotes.
const SAFE_KEY = /^[^\s=,"']+$/;

/**
 * Players read attribute values up to the next `"` and have no escape for it (IPTV Simple, TiviMate), so
 * a `"` inside a value becomes `'`; line breaks become spaces.
 */
export function sanitizeAttributeValue(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replaceAll('"', "'");
}

/** A display name on one line: line breaks become spaces. Commas and quotes are fine after the comma. */
export function sanitizeName(name: string): string {
  return name.replace(LINE_BREAKS, ' ');
}

function attributes(attrs: Iterable<[string, string]>): string {
  let out = '';
  for (const [key, value] of attrs) {
    if (SAFE_KEY.test(key)) out += ` ${key}="${sanitizeAttributeValue(value)}"`;
  }
  return out;
}

/** The entry's fields win over its `attrs` copies, so that a caller may set `tvgId` alone. */
function entryAttributes(entry: PlaylistEntry): [string, string][] {
  const known: [string, string][] = [
    ['tvg-id', entry.tvgId],
    ['tvg-name', entry.tvgName],
    ['tvg-logo', entry.logo],
    ['group-title', entry.group],
  ];
  const out = known.filter(([key, value]) => value !== '' || key in entry.attrs);
  for (const [key, value] of Object.entries(entry.attrs)) {
    if (!known.some(([k]) => k === key)) out.push([key, value]);
  }
  return out;
}

function writeEntry(entry: PlaylistEntry): string {
  const url = entry.url?.replace(LINE_BREAKS, '').trim() ?? '';
  if (url === '' || url.startsWith('#')) return '';
  const duration = Number.isFinite(entry.duration) ? String(entry.duration) : '-1';
  let out = `#EXTINF:${duration}${attributes(entryAttributes(entry))},${sanitizeName(entry.name)}\n`;
  if (entry.vodMarker) out += '#EXT-X-PLAYLIST-TYPE:VOD\n';
  for (const option of entry.options) {
    const line = option.replace(LINE_BREAKS, ' ').trim();
    if (line.startsWith('#') && !RESERVED_OPTIONS.test(line)) out += `${line}\n`;
  }
  return `${out}${url}\n`;
}

/** The `#EXTM3U` line with the header's attributes. */
export function writeM3uHeader(header: PlaylistHeader): string {
  return `#EXTM3U${attributes(Object.entries(header.attrs))}\n`;
}

/** The entries of an extended M3U playlist without its `#EXTM3U` line, in pieces of about 32 KiB. */
export function* writeM3uEntries(entries: Iterable<PlaylistEntry>): Generator<string> {
  let piece = '';
  for (const entry of entries) {
    piece += writeEntry(entry);
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/**
 * Writes an extended M3U playlist. Entries without a URL are left out: a player cannot use them.
 * Lines end in `\n`; the text is yielded in pieces of about 32 KiB.
 */
export function* writeM3u(header: PlaylistHeader, entries: Iterable<PlaylistEntry>): Generator<string> {
  yield writeM3uHeader(header);
  yield* writeM3uEntries(entries);
}
