// Parses one generated playlist with our parser and two published ones, then a 100 MB playlist with ours.
// Every run is a child process so that its peak RSS (`process.resourceUsage().maxRSS`) is its own.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseM3u, parseM3uBatches } from '../src/domain/m3u/parser.js';
import type { ParseStats } from '../src/domain/types.js';
import { isVodEntry, maybeLive } from '../src/domain/m3u/vod.js';
import { generatePlaylist } from './generate-playlist.js';

const ENTRIES = 100_000;
/** About 100 MB with the generator's mix. */
const BIG_ENTRIES = 450_000;
const CHUNK = 64 * 1024;
/** Fresh processes per parser: the cold figure is their median. */
const PROCESSES = 5;

interface Contender {
  /** What the timing covers. */
  note: string;
  /** Loads what the run needs (not timed); the run returns how many entries it parsed and kept. */
  prepare(file: string): Promise<() => Promise<{ parsed: number; kept: number }>>;
}

async function* chunksOf(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield await Promise.resolve(bytes.subarray(i, i + CHUNK));
}

const all = (n: number) => ({ parsed: n, kept: n });

async function collect<T>(source: AsyncIterable<T[]>, keep: (item: T) => boolean = () => true) {
  const kept: T[] = [];
  let parsed = 0;
  for await (const batch of source) {
    parsed += batch.length;
    for (const item of batch) if (keep(item)) kept.push(item);
  }
  return { parsed, kept: kept.length };
}

const CONTENDERS: Record<string, Contender> = {
  'epgoat batches (bytes)': {
    note: 'parseM3uBatches over 64 KiB chunks of the bytes in memory (UTF-8 decode included)',
    prepare(file) {
      const bytes = readFileSync(file);
      return Promise.resolve(() => collect(parseM3uBatches(chunksOf(bytes))));
    },
  },
  'epgoat batches (file)': {
    note: 'parseM3uBatches over fs.createReadStream: the file is never held whole',
    prepare(file) {
      return Promise.resolve(() =>
        collect(parseM3uBatches(createReadStream(file, { highWaterMark: CHUNK }))),
      );
    },
  },
  'epgoat batches, keep live': {
    note:
      "the service's path: the same, where an entry whose URL already says VOD is never built " +
      '(counted in "entries" all the same), keeping only the entries that isVodEntry calls live',
    prepare(file) {
      const source = () => createReadStream(file, { highWaterMark: CHUNK });
      return Promise.resolve(async () => {
        let dropped = 0;
        const counted = (s: ParseStats) => (dropped = s.dropped ?? 0);
        const batches = parseM3uBatches(source(), counted, { wants: maybeLive });
        const r = await collect(batches, (e) => !isVodEntry(e));
        return { parsed: r.parsed + dropped, kept: r.kept };
      });
    },
  },
  'epgoat parseM3u': {
    note: 'buffer.toString() + parseM3u (which reads the text as UTF-8 bytes again)',
    prepare(file) {
      const bytes = readFileSync(file);
      return Promise.resolve(() => Promise.resolve(all(parseM3u(bytes.toString('utf8')).entries.length)));
    },
  },
  '@iptv/playlist': {
    note: 'buffer.toString() + parseM3U',
    async prepare(file) {
      const bytes = readFileSync(file);
      const { parseM3U } = await import('@iptv/playlist');
      return () => Promise.resolve(all(parseM3U(bytes.toString('utf8')).channels.length));
    },
  },
  'iptv-playlist-parser': {
    note: 'buffer.toString() + parse',
    async prepare(file) {
      const bytes = readFileSync(file);
      const mod = (await import('iptv-playlist-parser')) as unknown as {
        default: { parse(text: string): { items: unknown[] } };
      };
      return () => Promise.resolve(all(mod.default.parse(bytes.toString('utf8')).items.length));
    },
  },
};

interface ChildResult {
  parsed: number;
  kept: number;
  coldMs: number;
  bestMs: number;
  cpuMs: number;
  baselineRssMb: number;
  peakRssMb: number;
}

async function runChild(name: string, file: string, runs: number): Promise<ChildResult> {
  const contender = CONTENDERS[name];
  if (contender === undefined) throw new Error(`unknown parser ${name}`);
  const run = await contender.prepare(file);
  const baseline = process.resourceUsage().maxRSS;
  let result = { parsed: 0, kept: 0 };
  let coldMs = 0;
  let bestMs = Infinity;
  let cpuMs = 0;
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = await run();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (i === 0) {
      coldMs = ms;
      cpuMs = (used.user + used.system) / 1000;
      // The first run alone sets the peak: later runs would add garbage left by earlier ones.
      peak = process.resourceUsage().maxRSS;
    }
    bestMs = Math.min(bestMs, ms);
  }
  return { ...result, coldMs, bestMs, cpuMs, baselineRssMb: baseline / 1024, peakRssMb: peak / 1024 };
}

const COLUMNS: [string, number][] = [
  ['parser', 28],
  ['entries', 8],
  ['kept', 8],
  ['cold ms', 9],
  ['(range)', 12],
  ['best ms', 9],
  ['cpu ms', 8],
  ['entries/s', 11],
  ['MB/s', 7],
  ['peak RSS', 10],
  ['(start)', 9],
];

function row(cells: string[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(COLUMNS[0]?.[1] ?? 0) : c.padStart(COLUMNS[i]?.[1] ?? 0)))
    .join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

function runChildProcess(name: string, file: string, runs: number): ChildResult | string {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, file, String(runs)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) return `failed: ${child.stderr.trim().split('\n').slice(-2).join(' | ')}`;
  return JSON.parse(child.stdout) as ChildResult;
}

/**
 * Each parser runs in `processes` fresh processes of `runs` runs each. A first run in a fresh process is
 * "cold" (code not yet optimised, heap not yet grown); the table gives the median cold run and the range,
 * because one cold run on a shared 2-core machine can be off by a third either way.
 */
function measure(file: string, mb: number, names: string[], processes: number, runs: number): void {
  console.log(row(COLUMNS.map(([title]) => title)));
  for (const name of names) {
    const results: ChildResult[] = [];
    let failure = '';
    for (let p = 0; p < processes && failure === ''; p++) {
      const r = runChildProcess(name, file, runs);
      if (typeof r === 'string') failure = r;
      else results.push(r);
    }
    const [first] = results;
    if (failure !== '' || first === undefined) {
      console.log(row([name, failure]));
      continue;
    }
    const cold = results.map((r) => r.coldMs);
    const coldMs = median(cold);
    const seconds = coldMs / 1000;
    console.log(
      row([
        name,
        String(first.parsed),
        String(first.kept),
        coldMs.toFixed(0),
        `${Math.min(...cold).toFixed(0)}-${Math.max(...cold).toFixed(0)}`,
        Math.min(...results.map((r) => r.bestMs)).toFixed(0),
        median(results.map((r) => r.cpuMs)).toFixed(0),
        Math.round(first.parsed / seconds).toLocaleString('en-US'),
        (mb / seconds).toFixed(1),
        `${median(results.map((r) => r.peakRssMb)).toFixed(0)} MB`,
        `${median(results.map((r) => r.baselineRssMb)).toFixed(0)} MB`,
      ]),
    );
  }
}

function withPlaylist(entries: number, body: (file: string, mb: number) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'epgoat-bench-'));
  try {
    const file = join(dir, 'playlist.m3u');
    const bytes = generatePlaylist(entries);
    writeFileSync(file, bytes);
    body(file, bytes.length / 1e6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runParseBench(): Promise<void> {
  withPlaylist(ENTRIES, (file, mb) => {
    console.log(
      `\nplaylist parse: ${ENTRIES.toLocaleString('en-US')} entries, ${mb.toFixed(1)} MB, ` +
        `${PROCESSES} processes of 3 runs each`,
    );
    measure(file, mb, Object.keys(CONTENDERS), PROCESSES, 3);
  });
  withPlaylist(BIG_ENTRIES, (file, mb) => {
    console.log(
      `\nplaylist parse: ${BIG_ENTRIES.toLocaleString('en-US')} entries, ${mb.toFixed(1)} MB, ours only, ` +
        `${PROCESSES} processes of 1 run`,
    );
    measure(file, mb, ['epgoat batches (file)', 'epgoat batches, keep live'], PROCESSES, 1);
  });
  console.log(
    '\ncold ms is the median first run of a fresh process, (range) the lowest and highest; best ms is the ' +
      "fastest run of all. entries/s and MB/s are from the median cold run; cpu ms is that run's CPU time " +
      '(GC and compiler threads included); peak RSS is the process after its first run, and (start) its ' +
      'RSS before parsing (Node, the tsx loader and, where read whole, the file); both medians.',
  );
  for (const [name, c] of Object.entries(CONTENDERS)) console.log(`  ${name}: ${c.note}`);
  return Promise.resolve();
}

if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , , name = '', file = '', runs = '1'] = process.argv;
  runChild(name, file, Number(runs)).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
