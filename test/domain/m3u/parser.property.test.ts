import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createM3uParser, parseM3u, parseM3uBatches } from '../../../src/domain/m3u/parser.js';
import { writeM3u } from '../../../src/domain/m3u/writer.js';
import type { ParseStats, PlaylistEntry } from '../../../src/domain/types.js';
import { fromChunks } from '../../support/streams.js';

// What the parser trims around names: ASCII controls, space and a stray BOM.
// eslint-disable-next-line no-control-regex
const BLANK_ENDS = /^[\u0000-\u0020\uFEFF]+|[\u0000-\u0020\uFEFF]+$/g;
const LINE_BREAKS = /[\r\n]+/g;

/** Cuts `text` at the given fractions of its length. */
function cutAt(text: string, fractions: number[]): string[] {
  const cuts = fractions.map((f) => Math.floor(f * text.length)).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    pieces.push(text.slice(from, cut));
    from = cut;
  }
  return pieces;
}

function checkInvariants(entries: PlaylistEntry[], stats: ParseStats): void {
  expect(stats.entries).toBe(entries.length);
  expect(stats.problems.length).toBeLessThanOrEqual(Math.min(20, stats.skipped));
  expect(entries.filter((e) => e.url === null)).toHaveLength(stats.withoutUrl ?? 0);
  for (const e of entries) {
    expect(e.name.replace(BLANK_ENDS, '')).toBe(e.name);
    expect(e.name).not.toMatch(/[\r\n]/);
    expect(e.line).toBeGreaterThan(0);
  }
  entries.slice(1).forEach((e, i) => expect(e.line).toBeGreaterThan(entries[i]?.line ?? 0));
}

const FRAGMENTS = [
  '#EXTM3U',
  '#EXTM3U url-tvg="http://e/g.xml"',
  '#EXTINF:-1,',
  '#EXTINF:-1 tvg-id="a" group-title="G, H",Name, with comma',
  "#EXTINF:-1 tvg-name='x",
  '#EXTINF:0 a=b c="',
  '#EXTINF',
  '#extinf:-1,lower',
  '#EXTGRP:Group',
  '#EXTVLCOPT:http-user-agent=UA',
  '#KODIPROP:inputstream=adaptive',
  '#EXT-X-PLAYLIST-TYPE:VOD',
  'http://h/live/u/p/1.ts',
  'http://h/movie/u/p/2.mkv',
  '',
  '   ',
  '\uFEFF',
  '"',
  ',',
  '=',
];
const LINE_ENDS = ['\n', '\r\n', '\r'];

const lineSoup = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 30 })),
      fc.constantFrom(...LINE_ENDS),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.map(([l, end]) => l + end).join(''));

describe('parser robustness', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const { entries, stats } = parseM3u(text);
        checkInvariants(entries, stats);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random line soups and keeps its counts consistent', () => {
    fc.assert(
      fc.property(lineSoup, (text) => {
        const { entries, stats } = parseM3u(text);
        checkInvariants(entries, stats);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        lineSoup,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        (text, cuts) => {
          const whole = parseM3u(text);
          const parser = createM3uParser();
          const entries = cutAt(text, cuts).flatMap((piece) => parser.push(piece));
          entries.push(...parser.end());
          expect(entries).toEqual(whole.entries);
          expect(parser.stats).toEqual(whole.stats);
          expect(parser.header).toEqual(whole.header);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes streamed in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        async (bytes, cuts) => {
          const pieces = cutAt(String.fromCharCode(...bytes), cuts).map((p) =>
            Uint8Array.from(p, (c) => c.charCodeAt(0)),
          );
          let stats: ParseStats | undefined;
          const entries: PlaylistEntry[] = [];
          for await (const batch of parseM3uBatches(fromChunks(pieces), (s) => (stats = s)))
            entries.push(...batch);
          expect(stats).toBeDefined();
          if (stats) checkInvariants(entries, stats);
          // The same bytes decoded at once parse the same.
          expect(entries).toEqual(parseM3u(new TextDecoder().decode(bytes)).entries);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const attrKey = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const attrValue = fc.string({ unit: 'grapheme', maxLength: 20 });

const entryArb = fc
  .record({
    name: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('Murder, She Wrote', 'NBA 01: "Lakers", vs Celtics', 'a,b,c', '⚽ 🏀', 'CafÃ©'),
    ),
    url: fc.webUrl(),
    duration: fc.integer({ min: -1, max: 100_000 }),
    attrs: fc.dictionary(attrKey, attrValue, { maxKeys: 5 }),
    tvgId: attrValue,
    tvgName: attrValue,
    logo: attrValue,
    group: attrValue,
    options: fc.array(fc.constantFrom('#EXTVLCOPT:http-user-agent=UA', '#KODIPROP:a=b'), { maxLength: 2 }),
    vodMarker: fc.boolean(),
  })
  .map((e): PlaylistEntry => ({ ...e, line: 0 }));

// Entries, most of them well-formed, some with a VOD marker or no URL, between stray lines.
const entrySoup = fc
  .array(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('#EXTINF:-1 tvg-id="a",A', '#EXTINF:-1,B ⚽', '#EXTINF:-1 tvg-name="x,Broken'),
          fc.constantFrom('', '#EXT-X-PLAYLIST-TYPE:VOD', '#EXTGRP:G', '#EXTVLCOPT:x=y'),
          fc.constantFrom('http://h/live/1.ts', 'http://h/movie/2.mkv', 'http://h/moévie/3', ''),
        )
        .map((lines) => lines.filter((l) => l !== '')),
      fc.constantFrom(...FRAGMENTS).map((l) => [l]),
    ),
    { maxLength: 30 },
  )
  .map((entries) => entries.flat().join('\n'));

describe('turning entries away by URL', () => {
  it('builds exactly the wanted entries and counts the rest, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(entrySoup, lineSoup),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        async (text, cuts) => {
          const wants = (url: string, vodMarker: boolean) => !vodMarker && !url.includes('mo');
          const all = parseM3u(text);
          const pieces = cutAt(text, cuts);
          let stats: ParseStats | undefined;
          const kept: PlaylistEntry[] = [];
          for await (const batch of parseM3uBatches(fromChunks(pieces), (s) => (stats = s), { wants })) {
            kept.push(...batch);
          }
          const wanted = all.entries.filter((e) => e.url === null || wants(e.url, e.vodMarker));
          expect(kept).toEqual(wanted);
          expect(stats?.entries).toBe(wanted.length);
          expect(stats?.dropped).toBe(all.entries.length - wanted.length);
          expect(stats?.skipped).toBe(all.stats.skipped);
          const byLine = (p: { line: number }[]) => [...p].sort((a, b) => a.line - b.line);
          if (all.stats.skipped <= 20)
            expect(byLine(stats?.problems ?? [])).toEqual(byLine(all.stats.problems));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('write then parse', () => {
  it('round-trips names, URLs, attributes, groups and options of arbitrary entries', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), (entries) => {
        const text = [...writeM3u({ attrs: { 'url-tvg': 'http://e/g.xml' } }, entries)].join('');
        const parsed = parseM3u(text);
        expect(parsed.stats.skipped).toBe(0);
        expect(parsed.header.attrs).toEqual({ 'url-tvg': 'http://e/g.xml' });
        expect(parsed.entries).toHaveLength(entries.length);
        parsed.entries.forEach((got, i) => {
          const want = entries[i] as PlaylistEntry;
          const safe = (v: string) => v.replace(LINE_BREAKS, ' ').replaceAll('"', "'");
          expect(got.name).toBe(want.name.replace(LINE_BREAKS, ' ').replace(BLANK_ENDS, ''));
          expect(got.url).toBe(want.url);
          expect(got.duration).toBe(want.duration);
          expect(got.tvgId).toBe(safe(want.tvgId));
          expect(got.tvgName).toBe(safe(want.tvgName));
          expect(got.logo).toBe(safe(want.logo));
          expect(got.vodMarker).toBe(want.vodMarker);
          expect(got.options).toEqual(want.options);
          // The group is group-title when set, else whatever group-title the attrs carried.
          expect(got.group).toBe(safe(want.group));
          for (const [key, value] of Object.entries(want.attrs)) {
            if (!['tvg-id', 'tvg-name', 'tvg-logo', 'group-title'].includes(key)) {
              expect(got.attrs[key]).toBe(safe(value));
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('attribute keys', () => {
  it('reads every key as itself, also one of the same length as a common key', () => {
    // Common keys are recognised through a small hash table; eight-letter keys often share a slot with
    // `tvg-name` or `tvg-logo`, so only a byte-for-byte check keeps them apart.
    const key = fc.stringMatching(/^[a-z][a-z-]{5,7}$/);
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 6 }), (keys) => {
        const line = keys.map((k, i) => `${k}="${i}"`).join(' ');
        const [entry] = parseM3u(`#EXTINF:-1 ${line},N\nhttp://h/1`).entries;
        expect(entry?.attrs).toEqual(Object.fromEntries(keys.map((k, i) => [k, String(i)])));
      }),
      { numRuns: 500 },
    );
  });
});
