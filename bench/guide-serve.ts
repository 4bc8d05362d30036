// Serving guides, measured from outside the server: `wrk -t2 -c50 -d10s` with Accept-Encoding: gzip against the
// cached guide, against a 304, and against a plain static server holding the same gzip bytes, in one run; then
// cold generation of 1,900 and 16,160 guide channels (100,000-entry playlists) on Postgres (with DATABASE_URL)
// and on embedded PGlite, each in a fresh process asked once from this one, with that process's peak RSS once
// everything the generation left to store is stored.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { generatePlaylist } from './generate-playlist.js';
import { compile, start, stop } from './service-process.js';
import { answerNoEvents } from './no-events.js';

const WRK = ['-t2', '-c50', '-d10s', '--latency'];
const SHARES = [
  { label: '1,900 channels', share: 0.0074 },
  { label: '16,160 channels', share: 0.15 },
];
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 3);
const TARGETS = { ratio: 0.5, p99Ms: 50, cold1900Ms: 750, cold16kMs: 3000, rssMB: 600 };

/** What a service process tells of its first generation once everything it left to store is stored. */
interface Stats {
  channels: number;
  xmlBytes: number;
  timings: Record<string, number>;
  rssMB: number;
  /** The start-up rehearsal before the process listened (REHEARSAL_ENTRIES). */
  rehearsalMs: number;
}

function statsOf(child: ChildProcess): Promise<Stats> {
  return new Promise((ok) => {
    child.once('message', (m) => ok(m as Stats));
    child.send('stats');
  });
}

/** The first request for the guide, from this process as a player would make it: time to the last byte. */
async function coldGet(url: string): Promise<{ ms: number; etag: string; gzipBytes: number }> {
  const started = performance.now();
  const res = await request(url, { headers: { 'accept-encoding': 'gzip' } });
  const body = Buffer.from(await res.body.arrayBuffer());
  if (res.statusCode !== 200) throw new Error(`cold GET answered ${res.statusCode}: ${body.toString()}`);
  return { ms: performance.now() - started, etag: String(res.headers.etag), gzipBytes: body.length };
}

function wrk(url: string, headers: string[]): { rps: number; p99Ms: number; non2xx: number } {
  const args = [...WRK, ...headers.flatMap((h) => ['-H', h]), url];
  const out = spawnSync('wrk', args, { encoding: 'utf8' }).stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const unit = { us: 0.001, ms: 1, s: 1000 }[p99?.[2] ?? 'ms'] ?? 1;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { rps, p99Ms: Number(p99?.[1] ?? NaN) * unit, non2xx };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Cold {
  ms: number;
  etag: string;
  gzipBytes: number;
  stats: Stats;
}

/**
 * The provider's playlists (one per event share, made once) and empty ESPN and TheSportsDB answers, served from
 * this process: matching runs its whole chain and finds nothing.
 */
async function startUpstream(): Promise<{ url: string; close: () => void }> {
  // Made before any service asks, so that no service waits for them.
  const playlists = new Map(
    SHARES.map(({ share }) => [String(share), generatePlaylist(100_000, 20261125, share)] as const),
  );
  const server = createServer((req, res) => {
    const share = /^\/playlist\/([\d.]+)\.m3u/.exec(req.url ?? '')?.[1];
    if (share) {
      const playlist = playlists.get(share);
      if (!playlist) return res.writeHead(404).end();
      return res.writeHead(200).end(playlist);
    }
    answerNoEvents(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

/** One fresh service process: its first (cold) GET and what it tells of that generation. */
async function coldRun(
  upstream: string,
  db: string,
  share: number,
): Promise<{ child: ChildProcess; url: string; cold: Cold }> {
  // A first start creates the embedded database once; the measured process opens it as a restart would.
  const data = mkdtempSync(join(tmpdir(), 'epgoat-bench-'));
  if (db === 'pglite')
    await start('guide-child.ts', ['--upstream', upstream, '--db', db, '--data', data, '--init']);
  const { child, ready } = await start('guide-child.ts', [
    '--upstream',
    upstream,
    '--share',
    String(share),
    '--db',
    db,
    '--data',
    data,
    ...(process.env.REHEARSAL_ENTRIES ? ['--rehearse', process.env.REHEARSAL_ENTRIES] : []),
  ]);
  try {
    const first = await coldGet(ready.url);
    return { child, url: ready.url, cold: { ...first, stats: await statsOf(child) } };
  } catch (err) {
    await stop(child);
    throw err;
  }
}

export async function runServeBench(): Promise<void> {
  const dbs = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  const rows: string[] = [];
  compile();
  const upstream = await startUpstream();
  for (const db of dbs) {
    for (const { label, share } of SHARES) {
      const runs: Cold[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        const { child, url, cold } = await coldRun(upstream.url, db, share);
        runs.push(cold);
        try {
          if (i === 0 && db === dbs[0] && share === SHARES[0]!.share) await servingTable(url, cold);
        } finally {
          await stop(child);
        }
      }
      runs.sort((a, b) => a.ms - b.ms);
      const mid = runs[Math.floor(runs.length / 2)]!;
      const { stats } = mid;
      rows.push(
        `| ${db} | ${label} (${fmt(stats.channels)}) | ${fmt(mid.ms)} ms | ${fmt(runs[0]!.ms)}-${fmt(runs.at(-1)!.ms)} ms | ` +
          `${fmt(Math.max(...runs.map((r) => r.stats.rssMB)))} MB | ${fmt(stats.rehearsalMs)} ms | ` +
          `${(mid.gzipBytes / 1e3).toFixed(0)} KB gzip, ${(stats.xmlBytes / 1e6).toFixed(1)} MB XML | ` +
          `${JSON.stringify(stats.timings)} |`,
      );
    }
  }
  console.log(
    `\ncold generation: the first GET of a fresh process, median of ${COLD_RUNS} (targets: 1,900 channels <= ${TARGETS.cold1900Ms} ms, ` +
      `16,160 <= ${TARGETS.cold16kMs} ms, peak RSS <= ${TARGETS.rssMB} MB, the highest of the runs)`,
  );
  console.log(
    '| database | guide | cold GET | range | peak RSS | start-up rehearsal | size | stage ms (median run) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  upstream.close();
}

/** wrk against the static server, the cached guide and a 304, one after another, in one run. */
async function servingTable(url: string, cold: Cold): Promise<void> {
  console.log('\n== serving guides (wrk -t2 -c50 -d10s, Accept-Encoding: gzip) ==');
  if (spawnSync('wrk', ['--version']).error !== undefined) {
    console.log('wrk is not installed (apt-get install wrk): the serving figures are skipped');
    return;
  }
  const gzip = 'Accept-Encoding: gzip';
  const stat = await start('static-child.ts', [url]);
  try {
    const s = wrk(stat.ready.url, [gzip]);
    const g = wrk(url, [gzip]);
    const n = wrk(url, [gzip, `If-None-Match: ${cold.etag}`]);
    // The bytes served now: once compressed better in the background, the same guide is smaller.
    const served = await coldGet(url);
    console.log(`guide of ${fmt(cold.stats.channels)} channels, ${fmt(served.gzipBytes)} bytes gzip`);
    console.log('| server | req/s | p99 | of static | target |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(`| static node:http, same bytes | ${fmt(s.rps)} | ${s.p99Ms.toFixed(1)} ms | 1.00 | |`);
    console.log(
      `| cached guide | ${fmt(g.rps)} | ${g.p99Ms.toFixed(1)} ms | ${(g.rps / s.rps).toFixed(2)} | >= ${TARGETS.ratio}, p99 < ${TARGETS.p99Ms} ms |`,
    );
    console.log(
      `| 304 (If-None-Match) | ${fmt(n.rps)} | ${n.p99Ms.toFixed(1)} ms | ${(n.rps / s.rps).toFixed(2)} | >= 1.00 |`,
    );
    if (g.non2xx + n.non2xx > 0) console.log(`(${g.non2xx + n.non2xx} answers were not 2xx/3xx)`);
  } finally {
    await stop(stat.child);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runServeBench();
