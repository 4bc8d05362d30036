// Writes the same ~100k programmes with our streamed writer, @iptv/xmltv's writeXmltv and fast-xml-parser's
// XMLBuilder; prints time and output size. Inputs for the other two are mapped before the clock starts (our
// writer formats times and escapes inside the timing). Run: npx tsx bench/xmltv-write.ts
import { writeXmltv as iptvWriteXmltv, type XmltvProgramme } from '@iptv/xmltv';
import { XMLBuilder } from 'fast-xml-parser';
import { setImmediate } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { Programme } from '../src/domain/schedule/scheduler.js';
import { writeXmltv, createXmltvTimeFormatter, type XmltvChannel } from '../src/domain/xmltv/writer.js';

const CHANNELS = 1_000;
const PER_CHANNEL = 100;
const ZONE = 'America/New_York';
const RUNS = 3;

function sampleGuide(): { channels: XmltvChannel[]; programmes: Programme[] } {
  const channels: XmltvChannel[] = [];
  const programmes: Programme[] = [];
  const start = Date.UTC(2026, 10, 24, 5);
  for (let c = 0; c < CHANNELS; c++) {
    const id = `nba-${String(c).padStart(2, '0')}.acme`;
    channels.push({
      id,
      displayName: `NBA ${c}: Lakers @ Celtics & Co`,
      icon: `https://logo.example/${c}.png?a=1&b=2`,
    });
    for (let i = 0; i < PER_CHANNEL; i++) {
      const live = i % 10 === 5;
      programmes.push({
        channelId: id,
        start: new Date(start + i * 3_600_000),
        stop: new Date(start + (i + 1) * 3_600_000),
        title: live
          ? 'Los Angeles Lakers at Boston Celtics'
          : 'Upcoming: Los Angeles Lakers at Boston Celtics',
        subTitle: 'NBA',
        desc: 'Home: Boston Celtics. Away: Los Angeles Lakers. Venue: TD Garden. League: NBA.',
        categories: live ? ['Sports', 'Sports event', 'Basketball', 'NBA'] : ['Sports', 'Basketball', 'NBA'],
        icon: 'https://img.example/401810123.png',
        ...(live ? { episodeNum: `EP${String(c * 1000 + i).padStart(8, '0')}.0001`, isNew: true } : {}),
        kind: live ? 'live' : 'pre',
      });
    }
  }
  return { channels, programmes };
}

function forIptv(guide: ReturnType<typeof sampleGuide>) {
  return {
    generatorInfoName: 'epgoat',
    channels: guide.channels.map((c) => ({
      id: c.id,
      displayName: [{ _value: c.displayName }],
      ...(c.icon ? { icon: [{ src: c.icon }] } : {}),
    })),
    programmes: guide.programmes.map((p): XmltvProgramme => ({
      channel: p.channelId,
      start: p.start,
      stop: p.stop,
      title: [{ _value: p.title }],
      ...(p.subTitle ? { subTitle: [{ _value: p.subTitle }] } : {}),
      ...(p.desc ? { desc: [{ _value: p.desc }] } : {}),
      category: p.categories.map((c) => ({ _value: c })),
      ...(p.icon ? { icon: [{ src: p.icon }] } : {}),
      // Its types only list onscreen / xmltv_ns; dd_progid is written all the same.
      ...(p.episodeNum ? { episodeNum: [{ system: 'dd_progid' as 'onscreen', _value: p.episodeNum }] } : {}),
      ...(p.isNew ? { new: true } : {}),
    })),
  };
}

function forBuilder(guide: ReturnType<typeof sampleGuide>) {
  const time = createXmltvTimeFormatter(ZONE);
  return {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    tv: {
      '@_generator-info-name': 'epgoat',
      channel: guide.channels.map((c) => ({
        '@_id': c.id,
        'display-name': c.displayName,
        ...(c.icon ? { icon: { '@_src': c.icon } } : {}),
      })),
      programme: guide.programmes.map((p) => ({
        '@_start': time(p.start),
        '@_stop': time(p.stop),
        '@_channel': p.channelId,
        title: p.title,
        ...(p.subTitle ? { 'sub-title': p.subTitle } : {}),
        ...(p.desc ? { desc: p.desc } : {}),
        category: p.categories,
        ...(p.icon ? { icon: { '@_src': p.icon } } : {}),
        ...(p.episodeNum ? { 'episode-num': { '@_system': 'dd_progid', '#text': p.episodeNum } } : {}),
        ...(p.isNew ? { new: '' } : {}),
      })),
    },
  };
}

interface Measure {
  name: string;
  ms: number;
  bytes: number;
  chunks: number;
}

function measure(name: string, prepare: () => () => Iterable<string | Buffer>): Measure {
  let best = Infinity;
  let bytes = 0;
  let chunks = 0;
  for (let run = 0; run < RUNS; run++) {
    const write = prepare();
    const t0 = performance.now();
    bytes = 0;
    chunks = 0;
    // Every writer is timed to the bytes a response sends: strings are encoded as UTF-8.
    for (const chunk of write()) {
      bytes += (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk).length;
      chunks++;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return { name, ms: best, bytes, chunks };
}

export async function runXmltvBench(): Promise<void> {
  const guide = sampleGuide();
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const cases: [string, () => () => Iterable<string | Buffer>][] = [
    ['epgoat writeXmltv (streamed)', () => () => writeXmltv({ ...guide, timeZone: ZONE })],
    [
      '@iptv/xmltv writeXmltv',
      () => {
        // It turns the Dates of its input into strings as it goes, so every run gets a fresh copy.
        const input = forIptv(guide);
        return () => [iptvWriteXmltv(input)];
      },
    ],
    [
      'fast-xml-parser XMLBuilder',
      () => {
        const input = forBuilder(guide);
        return () => [builder.build(input)];
      },
    ],
  ];
  const results: Measure[] = [];
  for (const [name, prepare] of cases) {
    results.push(measure(name, prepare));
    // Between writers, let the event loop turn so that pending collection does not land on the next one.
    await setImmediate();
  }
  console.log(
    `XMLTV write: ${guide.programmes.length} programmes, ${guide.channels.length} channels, best of ${RUNS}`,
  );
  for (const r of results) {
    const mb = (r.bytes / 1024 / 1024).toFixed(1);
    console.log(
      `  ${r.name.padEnd(32)} ${r.ms.toFixed(0).padStart(6)} ms  ${mb.padStart(6)} MB  ${r.chunks} chunk(s)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runXmltvBench();
