import { compileAdminRegex, type AdminRegex } from '../admin-regex.js';
import type { PlaylistEntry } from '../types.js';

/** A provider's own override: the first rule whose pattern matches the field decides. */
export interface VodRule {
  field: 'url' | 'group' | 'name';
  /** Regex source (admin-regex.ts), matched case-insensitively anywhere in the field. */
  pattern: string;
  /** true marks matches as VOD; false forces them live. */
  vod: boolean;
}

/** File extensions of VOD containers; live streams end in `.ts`, `.m3u8` or nothing (short Xtream form). */
const VOD_EXTENSIONS = new Set(
  'mkv mp4 avi mov wmv m4v flv webm mpg mpeg vob ogv 3gp divx xvid iso ogm rmvb asf'.split(' '),
);

// Xtream Codes puts the stream type first: /live/U/P/id.ts, /movie/U/P/id.mkv, /series/U/P/id.mp4.

// Rules come from provider settings and are reused for every entry; a bad pattern is ignored, not thrown.
const compiled = new WeakMap<VodRule, AdminRegex | null>();

function ruleRegex(rule: VodRule): AdminRegex | null {
  let re = compiled.get(rule);
  if (re === undefined) {
    re = compileAdminRegex(rule.pattern).regex;
    compiled.set(rule, re);
  }
  return re;
}

/** Where the path of `url` starts (after `scheme://authority`), or -1 when a URL with a scheme has none. */
function pathStart(url: string): number {
  const scheme = url.indexOf('://');
  if (scheme <= 0) return 0;
  for (let i = 0; i < scheme; i++) {
    const c = url.charCodeAt(i) | 0x20;
    const letter = c >= 97 && c <= 122;
    // [a-z][a-z0-9+.-]*, case-insensitively
    if (!letter && (i === 0 || !isSchemeChar(url.charCodeAt(i)))) return 0;
  }
  return url.indexOf('/', scheme + 3);
}

function isSchemeChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** Where the path of `url` that starts at `start` ends: at the query, the fragment or the end. */
function pathEnd(url: string, start: number): number {
  let end = url.length;
  const query = url.indexOf('?', start);
  if (query !== -1) end = query;
  const fragment = url.indexOf('#', start);
  if (fragment !== -1 && fragment < end) end = fragment;
  return end;
}

/** True when `url[from, to)` is `word` (lower-case ASCII), compared case-insensitively. */
function segmentIs(url: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((url.charCodeAt(from + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** 1 for a VOD segment (`movie`, `series`), -1 for a live one (`live`, `timeshift`), else 0. */
function segmentKind(url: string, from: number, to: number): number {
  if (segmentIs(url, from, to, 'movie') || segmentIs(url, from, to, 'series')) return 1;
  if (segmentIs(url, from, to, 'live') || segmentIs(url, from, to, 'timeshift')) return -1;
  return 0;
}

/**
 * Classifies a URL by its path alone: true (VOD), false (live) or null (says nothing). It walks the path
 * in place, with no array or string per segment: it runs on every entry of every playlist.
 */
export function vodByUrl(url: string): boolean | null {
  const start = pathStart(url);
  if (start === -1) return null;
  const end = pathEnd(url, start);
  let first = true;
  let dirVod = false;
  let dirLive = false;
  let pos = start;
  for (;;) {
    while (pos < end && url.charCodeAt(pos) === 47) pos++;
    if (pos >= end) return null;
    const slash = url.indexOf('/', pos);
    const segEnd = slash === -1 || slash > end ? end : slash;
    let next = segEnd;
    while (next < end && url.charCodeAt(next) === 47) next++;
    const last = next >= end;
    const kind = segmentKind(url, pos, segEnd);
    // The first segment decides (Xtream puts the stream type first), even when it is also the file name.
    if (first && kind !== 0) return kind > 0;
    first = false;
    if (last) {
      // A reverse proxy may prefix the Xtream path (`/iptv/movie/U/P/1.mkv`); the file name is never a type.
      if (dirVod) return true;
      if (dirLive) return false;
      const dot = url.lastIndexOf('.', segEnd - 1);
      if (dot > pos && VOD_EXTENSIONS.has(url.slice(dot + 1, segEnd).toLowerCase())) return true;
      return null;
    }
    if (kind > 0) dirVod = true;
    else if (kind < 0) dirLive = true;
    pos = next;
  }
}

/**
 * A first look at an entry by its URL and VOD marker alone, before the rest is read: false when that is
 * already enough to call it VOD, without provider rules (a rule may keep a VOD-looking entry live).
 */
export function maybeLive(url: string, vodMarker: boolean): boolean {
  return !vodMarker && vodByUrl(url) !== true;
}

/**
 * True when the entry is video on demand rather than a live channel. Provider rules decide first; then
 * the `#EXT-X-PLAYLIST-TYPE:VOD` / `media="true"` markers; then the URL: a `/movie/` or `/series/` segment,
 * or a VOD container extension on a path that is not under `/live/`. Names are never enough on their own.
 */
export function isVodEntry(entry: PlaylistEntry, rules: readonly VodRule[] = []): boolean {
  for (const rule of rules) {
    const re = ruleRegex(rule);
    if (re === null) continue;
    const value =
      rule.field === 'url' ? (entry.url ?? '') : rule.field === 'group' ? entry.group : entry.name;
    if (re.test(value)) return rule.vod;
  }
  if (entry.vodMarker) return true;
  if (entry.attrs.media?.trim().toLowerCase() === 'true') return true;
  if (entry.url === null) return false;
  return vodByUrl(entry.url) ?? false;
}
