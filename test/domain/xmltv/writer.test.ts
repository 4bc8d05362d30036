import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Programme } from '../../../src/domain/schedule/scheduler.js';
import { offsetMinutes, pad2, wallClock } from '../../../src/domain/time.js';
import { escapeXmlAttr, escapeXmlText, stripInvalidXmlChars } from '../../../src/domain/xmltv/escape.js';
import {
  createXmltvTimeFormatter,
  formatXmltvTime,
  writeXmltv,
  type WriteXmltvInput,
  type XmltvChannel,
} from '../../../src/domain/xmltv/writer.js';

const GOLDEN = 'test/fixtures/golden';
// UPDATE_GOLDEN=1 rewrites the golden files from the current writer; review the diff before committing.
const updateGolden = process.env.UPDATE_GOLDEN === '1';

function expectGolden(name: string, actual: string): void {
  const file = `${GOLDEN}/${name}`;
  if (updateGolden) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

// Each chunk decodes on its own: a chunk never ends inside a character.
const write = (input: WriteXmltvInput): string =>
  [...writeXmltv(input)].map((chunk) => new TextDecoder('utf-8', { fatal: true }).decode(chunk)).join('');

const channels: XmltvChannel[] = [
  {
    id: 'nba-01.acme',
    displayName: 'NBA 01: Lakers @ Celtics',
    icon: 'https://logo.example/nba.png?size=1&v=2',
  },
  { id: 'ch-1a2b3c4d.acme', displayName: `Tom & Jerry's "<Show>" \u0007\u0085`, icon: null },
  { id: 'blank.acme', displayName: '\u0001\u0002', icon: '   ' },
];

const programmes: Programme[] = [
  {
    channelId: 'nba-01.acme',
    start: new Date('2026-11-01T04:00:00Z'),
    stop: new Date('2026-11-01T05:30:00Z'),
    title: 'Upcoming: Lakers at Celtics',
    subTitle: 'NBA',
    desc: 'Starts Sun, Nov 1 at 1:30 AM EDT.',
    categories: ['Sports', 'Basketball', 'NBA'],
    kind: 'pre',
  },
  {
    // Crosses the end of DST in New York (06:00 UTC): start -0400, stop -0500.
    channelId: 'nba-01.acme',
    start: new Date('2026-11-01T05:30:00Z'),
    stop: new Date('2026-11-01T08:30:00Z'),
    title: '🏀 Los Angeles Lakers at Boston Celtics',
    subTitle: 'NBA',
    desc: 'Home: Boston Celtics. Away: Los Angeles Lakers. Venue: TD Garden & "Friends" <arena>.',
    categories: ['Sports', 'Sports event', 'Basketball', 'NBA', '  '],
    icon: 'https://img.example/e.png?a=1&b=2',
    episodeNum: 'EP12345678.0001',
    isNew: true,
    live: true,
    kind: 'live',
  },
  {
    channelId: 'ch-1a2b3c4d.acme',
    start: new Date('2026-11-01T04:00:00Z'),
    stop: new Date('2026-11-01T10:00:00Z'),
    title: 'Tom & Jerry\u0000 \uD800<Live>\uFFFE',
    desc: '\u0003 ',
    categories: [],
    kind: 'filler',
  },
  {
    channelId: 'blank.acme',
    start: new Date('2026-11-01T04:00:00Z'),
    stop: new Date('2026-11-01T10:00:00Z'),
    title: '\u0001',
    subTitle: '',
    categories: [],
    kind: 'filler',
  },
];

describe('writeXmltv', () => {
  it('writes a small guide exactly as the golden file', () => {
    expectGolden(
      'small-guide.xml',
      write({
        channels,
        programmes,
        timeZone: 'America/New_York',
        sourceInfoUrl: 'https://epg.example/epg/acme.xml',
      }),
    );
  });

  it('adds <live/> after <new/> only when the provider opts in', () => {
    expectGolden(
      'small-guide-live.xml',
      write({ channels, programmes, timeZone: 'America/New_York', includeLive: true }),
    );
    expect(write({ channels, programmes, timeZone: 'America/New_York' })).not.toContain('<live/>');
  });

  it('writes the programme children in DTD order', () => {
    const xml = write({ channels, programmes, timeZone: 'UTC', includeLive: true });
    const order = ['title', 'sub-title', 'desc', 'category', 'icon', 'episode-num', 'new', 'live'];
    for (const block of xml.split('<programme ').slice(1)) {
      const names = [...block.matchAll(/^ {4}<([a-z-]+)/gm)].map((m) => m[1] ?? '');
      const ranks = names.map((n) => order.indexOf(n));
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('writes each of consecutive blocks with its own texts, sharing only what is the same', () => {
    const base = programmes[1]!;
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    const blocks: Programme[] = [
      { ...base, start: at(0), stop: at(60) },
      { ...base, start: at(60), stop: at(120) },
      { ...base, start: at(120), stop: at(180), desc: 'Another description' },
      { ...base, start: at(180), stop: at(240), desc: 'Another description', isNew: false },
      { ...base, start: at(240), stop: at(300), categories: [...base.categories, 'Extra'] },
    ];
    const alone = blocks.map((p) =>
      write({ channels: [], programmes: [p], timeZone: 'UTC' })
        .split('\n')
        .slice(2, -2)
        .join('\n'),
    );
    const together = write({ channels: [], programmes: blocks, timeZone: 'UTC' });
    expect(together.split('\n').slice(2, -2).join('\n')).toBe(alone.join('\n'));
    expect(together).toContain('<category>Extra</category>');
  });
  it('streams chunks lazily instead of building one string', () => {
    let pulled = 0;
    function* many(): Generator<Programme> {
      for (let i = 0; i < 10_000; i++) {
        pulled++;
        yield {
          ...programmes[0]!,
          start: new Date(Date.UTC(2026, 0, 1, 0, i)),
          stop: new Date(Date.UTC(2026, 0, 1, 0, i + 1)),
        };
      }
    }
    const chunks = writeXmltv({ channels, programmes: many(), timeZone: 'UTC', chunkSize: 4096 });
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(pulled).toBeLessThan(100);
    const rest = [...chunks];
    expect(rest.length).toBeGreaterThan(100);
    expect(Math.max(...rest.map((c) => c.length))).toBeLessThan(4096 + 1024);
    expect(pulled).toBe(10_000);
  });

  it('produces the same document whatever the chunk size', () => {
    const whole = write({ channels, programmes, timeZone: 'Europe/Berlin', chunkSize: 1 << 30 });
    expect(write({ channels, programmes, timeZone: 'Europe/Berlin', chunkSize: 1 })).toBe(whole);
  });

  it('round-trips any text through a parser, minus the characters XML forbids', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      parseTagValue: false,
      htmlEntities: true,
      trimValues: false,
    });
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(fc.string({ unit: anyUnit }), fc.string({ unit: 'binary' }), fc.string());
    fc.assert(
      fc.property(text, text, (title, icon) => {
        const xml = write({
          channels: [{ id: 'a.b', displayName: 'A', icon: null }],
          programmes: [{ ...programmes[2]!, channelId: 'a.b', title, icon, desc: undefined }],
          timeZone: 'UTC',
        });
        const doc = parser.parse(xml) as { tv: { programme: { title: string; icon?: { '@_src': string } } } };
        expect(doc.tv.programme.title).toBe(stripInvalidXmlChars(title).trim() || 'Untitled');
        const src = stripInvalidXmlChars(icon).trim();
        expect(doc.tv.programme.icon?.['@_src']).toBe(src === '' ? undefined : src);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escaping', () => {
  it('escapes markup in text and quotes and whitespace in attributes', () => {
    expect(escapeXmlText(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeXmlAttr(`a&b"c'd\te\nf`)).toBe('a&amp;b&quot;c&apos;d&#9;e&#10;f');
  });

  it('drops controls, lone surrogates and U+FFFE/U+FFFF but keeps emoji and tabs', () => {
    expect(stripInvalidXmlChars('a\u0000b\u001fc\u007fd\u0085e\uD83Df\uDC00g\uFFFEh\uFFFFi')).toBe(
      'abcdefghi',
    );
    expect(stripInvalidXmlChars('⚽️ 🏀\tÉ\u{1F3C8}')).toBe('⚽️ 🏀\tÉ\u{1F3C8}');
  });
});

describe('formatXmltvTime', () => {
  const cases: [string, string, string][] = [
    ['2026-03-08T06:59:59Z', 'America/New_York', '20260308015959 -0500'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '20260308030000 -0400'],
    ['2026-11-01T05:59:59Z', 'America/New_York', '20261101015959 -0400'],
    ['2026-11-01T06:00:00Z', 'America/New_York', '20261101010000 -0500'],
    ['2026-03-29T00:59:59Z', 'Europe/Berlin', '20260329015959 +0100'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '20260329030000 +0200'],
    ['2026-10-25T00:59:59Z', 'Europe/London', '20261025015959 +0100'],
    ['2026-10-25T01:00:00Z', 'Europe/London', '20261025010000 +0000'],
    ['2026-11-25T17:00:00Z', 'Asia/Kolkata', '20261125223000 +0530'],
    ['2026-11-25T17:00:00Z', 'Asia/Kathmandu', '20261125224500 +0545'],
    ['2026-11-25T17:00:00Z', 'America/St_Johns', '20261125133000 -0330'],
    ['2026-11-25T17:00:00Z', 'UTC', '20261125170000 +0000'],
  ];
  for (const [instant, zone, expected] of cases) {
    it(`writes ${instant} in ${zone} as ${expected}`, () => {
      expect(formatXmltvTime(new Date(instant), zone)).toBe(expected);
    });
  }

  it('agrees with the zone wall clock for any instant, hour cache or not', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Pacific/Chatham',
    ];
    const cached = new Map(zones.map((z) => [z, createXmltvTimeFormatter(z)]));
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1) / 1000, max: Date.UTC(2028, 0, 1) / 1000 }),
        fc.constantFrom(...zones),
        (s, zone) => {
          const instant = new Date(s * 1000);
          const w = wallClock(instant, zone);
          const off = offsetMinutes(zone, instant);
          const sign = off < 0 ? '-' : '+';
          const expected =
            `${w.year}${pad2(w.month)}${pad2(w.day)}${pad2(w.hour)}${pad2(w.minute)}${pad2(w.second)} ` +
            `${sign}${pad2(Math.floor(Math.abs(off) / 60))}${pad2(Math.abs(off) % 60)}`;
          expect(cached.get(zone)?.(instant)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('changes the offset at the exact second of a transition when one formatter writes both sides', () => {
    const format = createXmltvTimeFormatter('Australia/Lord_Howe');
    // Lord Howe moves its clock 30 minutes at 02:00 local on 2026-10-04: 15:30 UTC, mid-hour.
    expect(format(new Date('2026-10-03T15:00:00Z'))).toBe('20261004013000 +1030');
    expect(format(new Date('2026-10-03T15:29:59Z'))).toBe('20261004015959 +1030');
    expect(format(new Date('2026-10-03T15:30:00Z'))).toBe('20261004023000 +1100');
    expect(format(new Date('2026-10-03T15:59:59Z'))).toBe('20261004025959 +1100');
  });
});
