// What is fuzzed, shared by `npm run fuzz` (100,000 inputs per target) and the test suite (a few thousand): the
// M3U parser on arbitrary bytes cut anywhere, the name parser on arbitrary text, the XMLTV writer on arbitrary
// names, titles and times (the output must be well-formed), and the admin API on arbitrary bodies (never a 5xx).
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { loadDefaultFamilies } from '../../src/config/channel-families.js';
import { compileFamilies, parseChannelName } from '../../src/domain/channel-name/index.js';
import { parseM3uBatches } from '../../src/domain/m3u/parser.js';
import type { ParseStats } from '../../src/domain/types.js';
import type { Programme } from '../../src/domain/schedule/scheduler.js';
import { writeXmltv } from '../../src/domain/xmltv/writer.js';

export interface FuzzTarget {
  name: string;
  /** A property to check `runs` times. */
  property: () => Parameters<typeof fc.assert>[0];
}

const families = compileFamilies([], loadDefaultFamilies('config/channel-families.yaml'));
const nameContext = { now: new Date('2026-11-25T17:00:00Z'), timeZone: 'America/New_York', families };
const KINDS = new Set(['event', 'placeholder', 'other']);

/** Text of any code units, lone surrogates and controls included. */
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });

// Lines that look like playlists, so that the bytes reach deep into the parser.
const m3uish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '#EXTM3U',
        '#EXTINF:-1,',
        '#EXTINF:-1 tvg-id="a" group-title="b",',
        '#EXTGRP:x',
        'http://h/1.ts',
        '',
      ),
      anyText(60),
    ),
    { maxLength: 30 },
  )
  .map((lines) => Buffer.from(lines.join(fc.sample(fc.constantFrom('\n', '\r\n', '\r'), 1)[0]), 'utf8'));

/** Channels with arbitrary names, each with one programme of arbitrary title and times, in some zone. */
export const guideRows = fc.array(
  fc.record({
    name: anyText(40),
    title: anyText(60),
    desc: fc.option(anyText(80), { nil: undefined }),
    start: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
    minutes: fc.integer({ min: 1, max: 10_000 }),
    zone: fc.constantFrom('America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'),
  }),
  { minLength: 1, maxLength: 5 },
);

export function xmltvOf(
  rows: {
    name: string;
    title: string;
    desc: string | undefined;
    start: number;
    minutes: number;
    zone: string;
  }[],
): string {
  const channels = rows.map((r, i) => ({ id: `c${i}.fuzz`, displayName: r.name, icon: null }));
  const programmes: Programme[] = rows.map((r, i) => ({
    channelId: `c${i}.fuzz`,
    start: new Date(r.start),
    stop: new Date(r.start + r.minutes * 60_000),
    title: r.title,
    ...(r.desc !== undefined && { desc: r.desc }),
    categories: ['Sports'],
    kind: 'live',
  }));
  return Buffer.concat([...writeXmltv({ channels, programmes, timeZone: rows[0]!.zone })]).toString('utf8');
}

/** The writer's output for generated rows is valid against the XMLTV DTD, as `validate` judges it. */
export function dtdProperty(validate: (xml: string) => { ok: boolean; output: string }) {
  return fc.property(guideRows, (rows) => {
    const result = validate(xmltvOf(rows));
    if (!result.ok) throw new Error(`not DTD-valid: ${result.output}`);
  });
}

export function targets(): FuzzTarget[] {
  return [
    {
      name: 'M3U parser (arbitrary bytes, cut anywhere)',
      property: () =>
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
            m3uish,
          ),
          fc.array(fc.nat(), { maxLength: 6 }),
          async (bytes, cuts) => {
            const points = [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
            async function* chunks() {
              let from = 0;
              for (const cut of points) {
                yield bytes.subarray(from, Math.max(from, cut));
                from = Math.max(from, cut);
              }
            }
            let entries = 0;
            let counted = -1;
            for await (const batch of parseM3uBatches(chunks(), (st: ParseStats) => (counted = st.entries)))
              entries += batch.length;
            if (counted !== entries) throw new Error(`entries ${entries} but stats say ${counted}`);
            // Every entry needs an #EXTINF line of at least 8 bytes.
            if (entries > bytes.length / 8 + 1)
              throw new Error(`${entries} entries from ${bytes.length} bytes`);
          },
        ),
    },
    {
      name: 'name parser (arbitrary text)',
      property: () =>
        fc.property(anyText(200), (name) => {
          const p = parseChannelName(name, nameContext);
          if (!KINDS.has(p.kind)) throw new Error(`kind ${p.kind}`);
          if (p.time !== null && !/^\d{2}:\d{2}$/.test(p.time)) throw new Error(`time ${p.time}`);
          if (p.slot !== null && !Number.isInteger(p.slot)) throw new Error(`slot ${p.slot}`);
        }),
    },
    {
      name: 'XMLTV writer (arbitrary names, titles and times)',
      property: () =>
        fc.property(guideRows, (rows) => {
          const valid = XMLValidator.validate(xmltvOf(rows));
          if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
        }),
    },
  ];
}

/** Admin bodies: arbitrary JSON values sent where objects are expected. */
export const adminBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      slug: fc.oneof(anyText(50), fc.constantFrom('acme', 'a-b-1')),
      name: anyText(50),
      playlistUrl: fc.oneof(anyText(50), fc.constantFrom('http://h/p.m3u', 'file:///etc/passwd', 'ftp://x')),
      timezone: fc.oneof(anyText(30), fc.constantFrom('America/New_York', 'Mars/Base')),
      settings: fc.jsonValue(),
      family: anyText(30),
      pattern: anyText(60),
      leagues: fc.array(anyText(10)),
      alias: anyText(30),
      eventId: fc.jsonValue(),
      decision: anyText(10),
    },
    { requiredKeys: [] },
  ),
);

/** Where admin bodies go. */
export const ADMIN_ROUTES: { method: 'POST' | 'PATCH' | 'PUT'; url: string }[] = [
  { method: 'POST', url: '/api/providers' },
  { method: 'PATCH', url: '/api/providers/fuzz' },
  { method: 'POST', url: '/api/providers/fuzz/patterns' },
  { method: 'PUT', url: '/api/providers/fuzz/mappings' },
  { method: 'POST', url: '/api/providers/fuzz/onboard/accept' },
  { method: 'POST', url: '/api/review/llm/1' },
  { method: 'POST', url: '/api/review/unmatched/1' },
  { method: 'POST', url: '/api/tools/parse-names' },
];

/** The admin API answers any body with less than a 500. */
export function adminProperty(inject: (method: string, url: string, body: unknown) => Promise<number>) {
  return fc.asyncProperty(fc.constantFrom(...ADMIN_ROUTES), adminBody, async (route, body) => {
    const status = await inject(route.method, route.url, body);
    if (status >= 500)
      throw new Error(`${route.method} ${route.url} answered ${status} to ${JSON.stringify(body)}`);
  });
}
