import type { PlaylistEntry } from './types.js';

/** A provider's own override: the first rule whose pattern matches the field decides. */
export interface VodRule {
  field: 'url' | 'group' | 'name';
  /** Regex source, matched case-insensitively anywhere in the field. */
  pattern: string;
  /** true marks matches as VOD; false forces them live. */
  vod: boolean;
}

/** File extensions of VOD containers; live streams end in `.ts`, `.m3u8` or nothing (short Xtream form). */
const VOD_EXTENSIONS = new Set(
  'mkv mp4 avi mov wmv m4v flv webm mpg mpeg vob ogv 3gp divx xvid iso ogm rmvb asf'.split(' '),
);

// Xtream Codes puts the stream type first: /live/U/P/id.ts, /movie/U/P/id.mkv, /series/U/P/id.mp4.
const VOD_SEGMENTS = new Set(['movie', 'series']);
const LIVE_SEGMENTS = new Set(['live', 'timeshift']);

// Rules come from provider settings and are reused for every entry; a bad pattern is ignored, not thrown.
const compiled = new WeakMap<VodRule, RegExp | null>();

function ruleRegex(rule: VodRule): RegExp | null {
  let re = compiled.get(rule);
  if (re === undefined) {
    try {
      re = new RegExp(rule.pattern, 'i');
    } catch {
      re = null;
    }
    compiled.set(rule, re);
  }
  return re;
}

/** The lower-cased path segments of a URL (`scheme://authority` and the query or fragment removed). */
export function urlPathSegments(url: string): string[] {
  let start = 0;
  const scheme = url.indexOf('://');
  if (scheme !== -1 && /^[a-z][a-z0-9+.-]*$/i.test(url.slice(0, scheme))) {
    const slash = url.indexOf('/', scheme + 3);
    if (slash === -1) return [];
    start = slash;
  }
  let end = url.length;
  for (const stop of ['?', '#']) {
    const at = url.indexOf(stop, start);
    if (at !== -1 && at < end) end = at;
  }
  return url
    .slice(start, end)
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');
}

/** Classifies a URL by its path alone: true (VOD), false (live) or null (says nothing). */
function vodByUrl(url: string): boolean | null {
  const segments = urlPathSegments(url);
  const first = segments[0];
  if (first === undefined) return null;
  if (VOD_SEGMENTS.has(first)) return true;
  if (LIVE_SEGMENTS.has(first)) return false;
  // A reverse proxy may prefix the Xtream path (`/iptv/movie/U/P/1.mkv`); the file name is never a type.
  const dirs = segments.slice(0, -1);
  if (dirs.some((s) => VOD_SEGMENTS.has(s))) return true;
  if (dirs.some((s) => LIVE_SEGMENTS.has(s))) return false;
  const file = segments[segments.length - 1] ?? '';
  const dot = file.lastIndexOf('.');
  if (dot > 0 && VOD_EXTENSIONS.has(file.slice(dot + 1))) return true;
  return null;
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
