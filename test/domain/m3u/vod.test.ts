import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseM3u } from '../../../src/domain/m3u/parser.js';
import type { PlaylistEntry } from '../../../src/domain/types.js';
import { playlistEntry } from '../../support/playlist-entry.js';
import { isVodEntry, maybeLive, type VodRule } from '../../../src/domain/m3u/vod.js';
import { MAX_REGEX_INPUT } from '../../../src/domain/admin-regex.js';
import { corpusPlaylistText, loadCorpusLabels } from '../../support/corpus.js';

function entry(url: string | null, overrides: Partial<PlaylistEntry> = {}): PlaylistEntry {
  return playlistEntry({ url, ...overrides });
}

describe('isVodEntry', () => {
  it.each([
    'http://line.example.net:8080/movie/user/pass/502428.mkv',
    'http://line.example.net:8080/series/user/pass/703504.mp4',
    'https://cdn.example.com:443/movie/my@account.xc/my_password/1477.avi',
    'http://host/iptv/movie/u/p/9.mp4?token=abc',
    'http://host/SERIES/u/p/12',
    'http://host:8000/u/p/5001.mkv',
    'http://vod.example.org/films/Big.Buck.Bunny.MP4',
    'http://host/media/clip.webm#t=10',
    'http://User:Pw@Host:8080/Movie/u/p/1.MKV?x=/y#/z',
  ])('classifies %s as VOD', (url) => {
    expect(isVodEntry(entry(url))).toBe(true);
  });

  it.each([
    'http://line.example.net:8080/live/user/pass/100001.ts',
    'http://line.example.net:8080/live/user/pass/100001.m3u8',
    'http://192.168.1.20:8080/my@account.xc/my_password/1477',
    'http://line.example.net:8080/user/pass/8130',
    'http://host/live/u/p/42.mp4',
    'http://host/hls/espn/index.m3u8?movie=1.mkv',
    'http://host/timeshift/u/p/60/2026-11-25:19-00/42.ts',
    'rtmp://stream.example.net/app/channel',
    'udp://@239.0.0.1:1234',
    'http://host',
    '/local/path/file.ts',
  ])('keeps %s live', (url) => {
    expect(isVodEntry(entry(url))).toBe(false);
  });

  it('does not take a VOD-looking name alone as VOD', () => {
    const e = entry('http://host/live/u/p/7.ts', {
      name: 'UFC 229: Khabib vs. McGregor - 2018',
      group: 'VOD| Action',
    });
    expect(isVodEntry(e)).toBe(false);
  });

  it('honours the #EXT-X-PLAYLIST-TYPE:VOD marker and media="true"', () => {
    expect(isVodEntry(entry('http://host/live/u/p/1.ts', { vodMarker: true }))).toBe(true);
    expect(isVodEntry(entry('http://host/u/p/1', { attrs: { media: 'TRUE' } }))).toBe(true);
    expect(isVodEntry(entry('http://host/u/p/1', { attrs: { media: 'false' } }))).toBe(false);
    expect(isVodEntry(entry(null, { vodMarker: true }))).toBe(true);
    expect(isVodEntry(entry(null))).toBe(false);
  });

  it('applies the first matching provider rule before anything else', () => {
    const rules: VodRule[] = [
      { field: 'group', pattern: '^vod\\|', vod: true },
      { field: 'name', pattern: '24/7', vod: false },
      { field: 'url', pattern: '/replay/', vod: true },
    ];
    expect(isVodEntry(entry('http://host/live/u/p/1.ts', { group: 'VOD| Action' }), rules)).toBe(true);
    expect(isVodEntry(entry('http://host/movie/u/p/2.mkv', { name: 'Friends 24/7' }), rules)).toBe(false);
    expect(isVodEntry(entry('http://host/replay/nba/3.ts'), rules)).toBe(true);
    expect(isVodEntry(entry('http://host/movie/u/p/4.mkv'), rules)).toBe(true);
  });

  it("runs a rule on the first MAX_REGEX_INPUT characters of a field only, however long the playlist's line", () => {
    const rules: VodRule[] = [{ field: 'name', pattern: 'REPLAY', vod: true }];
    const near = `${'x'.repeat(MAX_REGEX_INPUT - 6)}REPLAY`;
    const far = `${'x'.repeat(MAX_REGEX_INPUT)}REPLAY`;
    expect(isVodEntry(entry('http://host/live/u/p/1.ts', { name: near }), rules)).toBe(true);
    expect(isVodEntry(entry('http://host/live/u/p/1.ts', { name: far }), rules)).toBe(false);
  });

  it('runs a rule that backtracks exponentially elsewhere on a long adversarial field without hanging', () => {
    const rules: VodRule[] = [{ field: 'name', pattern: '^(a|a)+$', vod: true }];
    const live = 'http://host/live/u/p/1.ts';
    expect(isVodEntry(entry(live, { name: `${'a'.repeat(MAX_REGEX_INPUT - 1)}!` }), rules)).toBe(false);
    expect(isVodEntry(entry(live, { name: 'a'.repeat(40) }), rules)).toBe(true);
  });

  it('ignores a rule whose pattern the engine cannot run', () => {
    const rules: VodRule[] = [{ field: 'name', pattern: '(?<=x)y', vod: true }];
    expect(isVodEntry(entry('http://host/live/u/p/1.ts', { name: 'xy' }), rules)).toBe(false);
  });

  it('ignores a rule whose pattern is not a valid regex', () => {
    const rules: VodRule[] = [{ field: 'name', pattern: '([unclosed', vod: true }];
    expect(isVodEntry(entry('http://host/live/u/p/1.ts'), rules)).toBe(false);
  });

  it('separates the live event channels of the corpus from its movies and series', () => {
    const { entries } = parseM3u(corpusPlaylistText());
    const labels = loadCorpusLabels();
    const live = entries.filter((e) => !isVodEntry(e));
    const liveNames = new Set(live.map((e) => e.name));
    expect(labels.every((l) => liveNames.has(l.name))).toBe(true);
    expect(live.every((e) => e.url?.includes('/live/'))).toBe(true);
    expect(entries.filter((e) => isVodEntry(e)).every((e) => /\/(movie|series)\//.test(e.url ?? ''))).toBe(
      true,
    );
  });
});

describe('classifying by URL', () => {
  // The rule as the doc states it, over the lower-cased path segments of the URL (without
  // `scheme://authority`, query or fragment), read here the plain way: split and filter.
  function urlPathSegments(url: string): string[] {
    let start = 0;
    const scheme = url.indexOf('://');
    if (scheme !== -1 && /^[a-z][a-z0-9+.-]*$/i.test(url.slice(0, scheme))) {
      start = url.indexOf('/', scheme + 3);
      if (start === -1) return [];
    }
    const rest = url.slice(start);
    return rest
      .slice(0, rest.search(/[?#]|$/))
      .toLowerCase()
      .split('/')
      .filter((s) => s !== '');
  }
  const VOD_EXT = /\.(mkv|mp4|avi|mov|wmv|m4v|flv|webm|mpg|mpeg|vob|ogv|3gp|divx|xvid|iso|ogm|rmvb|asf)$/;
  function byStatedRule(url: string): boolean {
    const segments = urlPathSegments(url);
    const [first] = segments;
    if (first === 'movie' || first === 'series') return true;
    if (first === 'live' || first === 'timeshift') return false;
    const dirs = segments.slice(0, -1);
    if (dirs.some((s) => s === 'movie' || s === 'series')) return true;
    if (dirs.some((s) => s === 'live' || s === 'timeshift')) return false;
    const file = segments.at(-1) ?? '';
    return file.lastIndexOf('.') > 0 && VOD_EXT.test(file);
  }

  const part = fc.constantFrom(
    'movie',
    'Series',
    'LIVE',
    'timeshift',
    'u',
    'p',
    '1.mkv',
    'x.TS',
    '.mp4',
    'a.b.Mp4',
    '',
  );
  const url = fc
    .tuple(
      fc.constantFrom('http://h:8080', 'https://u:p@h', 'rtmp://h', '', 'c++://h', '1a://h', 'http://h'),
      fc.array(part, { maxLength: 6 }),
      fc.constantFrom('', '?movie=1.mkv', '#/series/x', '/'),
    )
    .map(([head, parts, tail]) => `${head}/${parts.join('/')}${tail}`);

  it('calls VOD by URL and marker alone only what the whole entry would call VOD', () => {
    fc.assert(
      fc.property(url, fc.boolean(), fc.constantFrom('true', 'false', ''), (u, marker, media) => {
        const e = entry(u, { vodMarker: marker, attrs: media === '' ? {} : { media } });
        if (!maybeLive(u, marker)) expect(isVodEntry(e)).toBe(true);
        if (media !== 'true') expect(maybeLive(u, marker)).toBe(!isVodEntry(e));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the stated rule on arbitrary URLs', () => {
    fc.assert(
      fc.property(url, (u) => {
        expect(isVodEntry(entry(u))).toBe(byStatedRule(u));
      }),
      { numRuns: 2000 },
    );
  });
});
