import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createM3uParser, parseM3u, parseM3uBatches } from '../../../src/domain/m3u/parser.js';
import type { ParseStats, PlaylistEntry } from '../../../src/domain/types.js';
import { fromChunks } from '../../support/streams.js';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  return all;
}

/** Every entry of a streamed parse, in order. */
async function streamed(...args: Parameters<typeof parseM3uBatches>): Promise<PlaylistEntry[]> {
  return (await collect(parseM3uBatches(...args))).flat();
}

function parseInChunks(text: string, cuts: number[]): PlaylistEntry[] {
  const parser = createM3uParser();
  const out: PlaylistEntry[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...parser.end());
  return out;
}

const SAMPLE = [
  '#EXTM3U url-tvg="http://epg.example.net/guide.xml" x-tvg-url="http://a/1.xml,http://b/2.xml"',
  '#EXTINF:-1 tvg-id="espn.us" tvg-name="ESPN" tvg-logo="http://logo/espn.png" group-title="US| Sports",ESPN HD',
  'http://line.example.net:8080/live/u/p/1001.ts',
  '',
  '#EXTINF:-1 tvg-id="" group-title="NBA, Live",NBA 01: Lakers vs. Celtics, Game 7 🏀',
  '#EXTVLCOPT:http-user-agent=Mozilla/5.0',
  'http://line.example.net:8080/u/p/1002',
  '#EXTINF:0,Last Dark (2002)',
  'http://line.example.net:8080/movie/u/p/5001.mkv',
].join('\n');

describe('parseM3u', () => {
  it('reads the header attributes of #EXTM3U', () => {
    const { header } = parseM3u(
      '#EXTM3U URL-TVG="http://e/g.xml" x-tvg-url=\'http://e/x.xml\' tvg-shift=2\n',
    );
    expect(header.attrs).toEqual({
      'url-tvg': 'http://e/g.xml',
      'x-tvg-url': 'http://e/x.xml',
      'tvg-shift': '2',
    });
  });

  it('keeps a comma-separated list of guide URLs in one header attribute', () => {
    expect(parseM3u(SAMPLE).header.attrs['x-tvg-url']).toBe('http://a/1.xml,http://b/2.xml');
  });

  it('reads every #EXTINF attribute into attrs and the common ones into fields', () => {
    const [espn] = parseM3u(SAMPLE).entries;
    expect(espn).toEqual({
      name: 'ESPN HD',
      url: 'http://line.example.net:8080/live/u/p/1001.ts',
      duration: -1,
      attrs: {
        'tvg-id': 'espn.us',
        'tvg-name': 'ESPN',
        'tvg-logo': 'http://logo/espn.png',
        'group-title': 'US| Sports',
      },
      tvgId: 'espn.us',
      tvgName: 'ESPN',
      logo: 'http://logo/espn.png',
      group: 'US| Sports',
      options: [],
      vodMarker: false,
      line: 2,
    });
  });

  it('accepts double-quoted, single-quoted, unquoted, empty and repeated attributes', () => {
    const line = `#EXTINF:-1 a="x y" b='it"s' c=plain d="" e= f=1 f=2 TVG-ID="Up",Name`;
    const [entry] = parseM3u(`${line}\nhttp://h/1`).entries;
    expect(entry?.attrs).toEqual({ a: 'x y', b: 'it"s', c: 'plain', d: '', e: '', f: '2', 'tvg-id': 'Up' });
    expect(entry?.tvgId).toBe('Up');
  });

  it('ignores bare words among the attributes', () => {
    const [entry] = parseM3u('#EXTINF:-1 radio tvg-id="r1",Radio One\nhttp://h/r').entries;
    expect(entry?.attrs).toEqual({ 'tvg-id': 'r1' });
    expect(entry?.name).toBe('Radio One');
  });

  it('takes the name after the comma that ends the attributes, keeping commas in the name and in quotes', () => {
    const entries = parseM3u(SAMPLE).entries;
    expect(entries[1]?.name).toBe('NBA 01: Lakers vs. Celtics, Game 7 🏀');
    expect(entries[1]?.group).toBe('NBA, Live');
    const real =
      '#EXTINF:-1 tvg-name="Amazon US: Murder, She Wrote" tvg-logo="https://logo.example/m.png" ' +
      'group-title="US | PRIME",Amazon US: Murder, She Wrote\nhttp://h/2';
    expect(parseM3u(real).entries[0]?.name).toBe('Amazon US: Murder, She Wrote');
  });

  it('reads names after bare #EXTINF lines, trimmed', () => {
    const { entries } = parseM3u('#EXTINF:-1,  US: ESPN 2 \nhttp://h/1\n#EXTINF: -1 , Fox, News\nhttp://h/2');
    expect(entries.map((e) => e.name)).toEqual(['US: ESPN 2', 'Fox, News']);
  });

  it('reads durations and defaults a missing one to -1', () => {
    const text =
      '#EXTINF:-1,a\nu1\n#EXTINF:0,b\nu2\n#EXTINF:3.5,c\nu3\n#EXTINF:,d\nu4\n#EXTINF:tvg-id="x",e\nu5';
    expect(parseM3u(text).entries.map((e) => e.duration)).toEqual([-1, 0, 3.5, -1, -1]);
  });

  it('keeps names with emoji and mojibake exactly', () => {
    const names = ['⚽ LaLiga: Atlético vs Barça', 'CafÃ© TV â€“ HD', '体育 CCTV-5', 'Ñandú 🇦🇷'];
    const text = names.map((n, i) => `#EXTINF:-1,${n}\nhttp://h/${i}`).join('\n');
    expect(parseM3u(text).entries.map((e) => e.name)).toEqual(names);
  });

  it('uses #EXTGRP when there is no group-title, wherever it sits before the URL', () => {
    const text = [
      '#EXTINF:-1,After',
      '#EXTGRP:News',
      'http://h/1',
      '#EXTGRP:Sports',
      '#EXTINF:-1,Before',
      'http://h/2',
      '#EXTINF:-1 group-title="Kept",Titled',
      '#EXTGRP:Ignored',
      'http://h/3',
      '#EXTINF:-1,None',
      'http://h/4',
    ].join('\n');
    expect(parseM3u(text).entries.map((e) => e.group)).toEqual(['News', 'Sports', 'Kept', '']);
  });

  it('collects #EXTVLCOPT, #KODIPROP and other directives of an entry in order', () => {
    const text = [
      '#KODIPROP:inputstream=inputstream.adaptive',
      '#EXTINF:-1,Channel',
      '#EXTVLCOPT:http-referrer=http://ref/',
      '#EXT-X-SOMETHING:1',
      '# a plain comment',
      'http://h/1',
      '#EXTINF:-1,Next',
      'http://h/2',
    ].join('\n');
    const [first, second] = parseM3u(text).entries;
    expect(first?.options).toEqual([
      '#KODIPROP:inputstream=inputstream.adaptive',
      '#EXTVLCOPT:http-referrer=http://ref/',
      '#EXT-X-SOMETHING:1',
    ]);
    expect(second?.options).toEqual([]);
  });

  it('marks only the entry that an #EXT-X-PLAYLIST-TYPE:VOD line belongs to', () => {
    const text = '#EXTINF:-1,Film\n#EXT-X-PLAYLIST-TYPE:VOD\nhttp://h/1\n#EXTINF:-1,Live\nhttp://h/2';
    expect(parseM3u(text).entries.map((e) => e.vodMarker)).toEqual([true, false]);
  });

  it('reads LF, CRLF, CR and mixed line ends alike, with the same line numbers', () => {
    const lines = SAMPLE.split('\n');
    const expected = parseM3u(SAMPLE).entries;
    expect(expected).toHaveLength(3);
    for (const text of [
      lines.join('\r\n'),
      lines.join('\r'),
      lines.map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join(''),
    ]) {
      expect(parseM3u(text).entries).toEqual(expected);
    }
  });

  it('drops a UTF-8 byte order mark and skips blank and whitespace-only lines', () => {
    const { header, entries, stats } = parseM3u(
      '\uFEFF#EXTM3U x-tvg-url="g"\n\n   \n\t\n#EXTINF:-1,A\n\nhttp://h/a\n',
    );
    expect(header.attrs).toEqual({ 'x-tvg-url': 'g' });
    expect(entries.map((e) => [e.name, e.url, e.line])).toEqual([['A', 'http://h/a', 5]]);
    expect(stats.skipped).toBe(0);
  });

  it('keeps an #EXTINF without a URL line with url null and counts it', () => {
    const { entries, stats } = parseM3u('#EXTINF:-1,First\n#EXTINF:-1,Second\nhttp://h/2\n#EXTINF:-1,Last');
    expect(entries.map((e) => [e.name, e.url])).toEqual([
      ['First', null],
      ['Second', 'http://h/2'],
      ['Last', null],
    ]);
    expect(stats).toMatchObject({ entries: 3, withoutUrl: 2, skipped: 0 });
  });

  it('skips and counts malformed entries with their line, never throwing', () => {
    const text = [
      '#EXTM3U',
      'http://h/orphan',
      '#EXTINF:-1 tvg-id="a" no comma here',
      'http://h/belongs-to-the-bad-extinf',
      '#EXTINF:-1 tvg-name="unterminated,Name',
      'http://h/also-swallowed',
      '#EXTINF:-1,Good',
      'http://h/good',
    ].join('\n');
    const { entries, stats } = parseM3u(text);
    expect(entries.map((e) => e.name)).toEqual(['Good']);
    expect(stats.skipped).toBe(3);
    expect(stats.problems).toEqual([
      { line: 2, reason: 'URL line without a preceding #EXTINF' },
      { line: 3, reason: '#EXTINF without a comma before the name' },
      { line: 5, reason: 'unterminated quote in #EXTINF' },
    ]);
  });

  it('counts every malformed entry but keeps only the first 20 problems', () => {
    const text = Array.from({ length: 50 }, (_, i) => `http://h/${i}`).join('\n');
    const { stats } = parseM3u(text);
    expect(stats.skipped).toBe(50);
    expect(stats.problems).toHaveLength(20);
    expect(stats.problems[19]?.line).toBe(20);
  });

  it('parses the development corpus without a skipped line', () => {
    const text = readFileSync(fixture('corpus/playlist.m3u'), 'utf8');
    const { header, entries, stats } = parseM3u(text);
    const extinfLines = text.split(/\r\n|\r|\n/).filter((l) => l.startsWith('#EXTINF')).length;
    expect(header.attrs['url-tvg']).toMatch(/^http:\/\/.+xmltv\.php/);
    expect(entries).toHaveLength(extinfLines);
    expect(stats).toMatchObject({ entries: extinfLines, skipped: 0, withoutUrl: 0 });
    expect(
      entries.every((e) => e.url?.startsWith('http://') && e.name !== '' && e.name === e.tvgName.trim()),
    ).toBe(true);
  });

  it('reads every real display name from a bare #EXTINF line', () => {
    const names = readFileSync(fixture('real-playlist-names.txt'), 'utf8')
      .split('\n')
      .filter((n) => n.trim() !== '');
    const text = names.map((n, i) => `#EXTINF:-1,${n}\r\nhttp://h/${i}`).join('\r\n');
    expect(parseM3u(text).entries.map((e) => e.name)).toEqual(names.map((n) => n.trim()));
  });
});

describe('createM3uParser', () => {
  it('returns from push only the entries completed by that chunk', () => {
    const parser = createM3uParser();
    expect(parser.push('#EXTM3U\n#EXTINF:-1,A\nhttp://h/a')).toEqual([]);
    expect(parser.push('\n#EXTINF:-1,B\n').map((e) => e.url)).toEqual(['http://h/a']);
    expect(parser.push('http://h/b\n').map((e) => e.name)).toEqual(['B']);
    expect(parser.end()).toEqual([]);
    expect(parser.stats.entries).toBe(2);
  });

  it('gives the same entries however the text is cut into chunks', () => {
    const text = SAMPLE.split('\n').join('\r\n');
    const whole = parseM3u(text).entries;
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parseInChunks(text, [cut])).toEqual(whole);
    }
    const everyChar = Array.from({ length: text.length }, (_, i) => i);
    expect(parseInChunks(text, everyChar)).toEqual(whole);
  });

  it('drops a line too long to be real without holding it, and goes on', () => {
    const parser = createM3uParser();
    parser.push('#EXTINF:-1,Huge');
    for (let i = 0; i < 40; i++) parser.push('x'.repeat(64 * 1024));
    const after = [...parser.push('\n#EXTINF:-1,Fine\nhttp://h/f\n'), ...parser.end()];
    expect(after.map((e) => e.name)).toEqual(['Fine']);
    expect(after[0]?.line).toBe(2);
    expect(parser.stats.skipped).toBe(1);
    expect(parser.stats.problems[0]?.reason).toMatch(/longer than/);
  });

  it('drops the same overlong line from a whole text as from a stream', () => {
    const text = `#EXTINF:-1,Huge${'x'.repeat(1.5 * 1024 * 1024)}\nhttp://h/huge\n#EXTINF:-1,Fine\nhttp://h/f\n`;
    const whole = parseM3u(text);
    const parser = createM3uParser();
    const streamed = [...parser.push(text), ...parser.end()];
    expect(whole.entries.map((e) => [e.name, e.line])).toEqual([['Fine', 3]]);
    expect(streamed).toEqual(whole.entries);
    expect(parser.stats).toEqual(whole.stats);
    expect(whole.stats.skipped).toBe(1);
  });
});

describe('parseM3uBatches, streaming bytes', () => {
  it('decodes UTF-8 split anywhere, drops the BOM and reports stats at the end', async () => {
    const bytes = new TextEncoder().encode(
      '\uFEFF#EXTM3U url-tvg="g"\r\n#EXTINF:-1,Ñandú ⚽ 🏀\r\nhttp://h/1\r\n',
    );
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    let reported: unknown;
    const entries = await streamed(fromChunks(chunks), (s, h) => (reported = { s, h }));
    expect(entries.map((e) => [e.name, e.url])).toEqual([['Ñandú ⚽ 🏀', 'http://h/1']]);
    expect(reported).toEqual({
      s: { entries: 1, skipped: 0, problems: [], withoutUrl: 0 },
      h: { attrs: { 'url-tvg': 'g' } },
    });
  });

  it('accepts text chunks as well as bytes', async () => {
    const entries = await streamed(fromChunks(['#EXTINF:-1,A\nhttp://', 'h/a\n']));
    expect(entries.map((e) => e.url)).toEqual(['http://h/a']);
  });

  it('decodes each attribute on its own: UTF-8 values beside ASCII ones, invalid bytes in one value only', async () => {
    const encode = (text: string) => Array.from(new TextEncoder().encode(text));
    const bytes = Uint8Array.from([
      ...encode('#EXTINF:-1 tvg-id="a.us" tvg-name="Atlético ⚽" group-title="'),
      0xe2,
      0x28,
      ...encode('" Tvg-Logo="http://l/ü.png" x-custom="plain",Atlético ⚽\nhttp://h/ñ\n'),
    ]);
    const [entry] = await streamed(fromChunks([bytes]));
    expect(entry?.attrs).toEqual({
      'tvg-id': 'a.us',
      'tvg-name': 'Atlético ⚽',
      'group-title': '\uFFFD(',
      'tvg-logo': 'http://l/ü.png',
      'x-custom': 'plain',
    });
    expect([entry?.name, entry?.url]).toEqual(['Atlético ⚽', 'http://h/ñ']);
  });

  it('does not mistake a UTF-8 name for a Latin-1 tvg-name of the same length', () => {
    // "é" is C3 A9 in UTF-8; "Ã©" is the two characters U+00C3 U+00A9.
    const [entry] = parseM3u('#EXTINF:-1 tvg-name="Ã©",é\nhttp://h/1').entries;
    expect([entry?.tvgName, entry?.name]).toEqual(['Ã©', 'é']);
  });

  it('reads an unknown key of the same length as a common one as itself', () => {
    // Same length as tvg-id and tvg-name; only the bytes tell them apart.
    const [entry] = parseM3u('#EXTINF:-1 tvg-ix="1" tvg-namf="2" tvg-id="3",N\nhttp://h/1').entries;
    expect(entry?.attrs).toEqual({ 'tvg-ix': '1', 'tvg-namf': '2', 'tvg-id': '3' });
  });

  it('turns invalid UTF-8 into replacement characters instead of failing', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('#EXTINF:-1,Bad '),
      0xff,
      0xc3,
      0x0a,
      0x68,
      0x0a,
    ]);
    const entries = await streamed(fromChunks([bytes]));
    expect(entries.map((e) => [e.name, e.url])).toEqual([['Bad \uFFFD\uFFFD', 'h']]);
  });
});

describe('parseM3uBatches', () => {
  it('yields the entries each chunk completes as one batch, the same entries as the stream', async () => {
    const cut = SAMPLE.indexOf('#EXTINF:0');
    const chunks = [SAMPLE.slice(0, cut), SAMPLE.slice(cut)].map((part) => new TextEncoder().encode(part));
    const batches = await collect(parseM3uBatches(fromChunks(chunks)));
    expect(batches.map((b) => b.map((e) => e.name))).toEqual([
      ['ESPN HD', 'NBA 01: Lakers vs. Celtics, Game 7 🏀'],
      ['Last Dark (2002)'],
    ]);
    expect(batches.flat()).toEqual(await streamed(fromChunks(chunks)));
  });

  it('builds only the entries wanted by their URL and counts the others as dropped', async () => {
    const text = [
      '#EXTINF:-1 group-title="Movies",Film',
      'http://h/movie/u/p/1.mkv',
      '#EXTINF:-1 tvg-id="espn.us",ESPN',
      'http://h/live/u/p/2.ts',
      '#EXTINF:-1 tvg-name="open quote,Broken',
      'http://h/movie/u/p/3.mkv',
      '#EXTINF:-1,Marked',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      'http://h/live/u/p/4.ts',
    ].join('\n');
    const seen: [string, boolean][] = [];
    const wants = (url: string, vodMarker: boolean) => {
      seen.push([url, vodMarker]);
      return !vodMarker && !url.includes('/movie/');
    };
    let stats: ParseStats | undefined;
    const batches = await collect(parseM3uBatches(fromChunks([text]), (s) => (stats = s), { wants }));
    expect(batches.flat().map((e) => [e.name, e.tvgId])).toEqual([['ESPN', 'espn.us']]);
    expect(seen).toEqual([
      ['http://h/movie/u/p/1.mkv', false],
      ['http://h/live/u/p/2.ts', false],
      ['http://h/movie/u/p/3.mkv', false],
      ['http://h/live/u/p/4.ts', true],
    ]);
    // A malformed entry is still a malformed entry, wanted or not.
    expect(stats).toMatchObject({ entries: 1, dropped: 2, skipped: 1 });
    expect(stats?.problems).toEqual([{ line: 5, reason: 'unterminated quote in #EXTINF' }]);
  });

  it('yields no empty batch for chunks that complete no entry', async () => {
    const pieces = ['#EXTM3U\n', '#EXTINF:-1,', 'A\n', 'http://h/a'];
    const batches = await collect(parseM3uBatches(fromChunks(pieces)));
    expect(batches).toEqual([[expect.objectContaining({ name: 'A', url: 'http://h/a' })]]);
  });
});
