// A hostile or unlucky provider, measured from outside a fresh service process (compiled JavaScript under plain
// node, embedded PGlite): its upstream streams a ~200 MB playlist, with backpressure, until the service hangs up.
// "minimal entries" is ~13 million two-line live entries, which the live-entry cap (PLAYLIST_MAX_ENTRIES) should
// refuse early; "VOD only" is ~2.6 million movies, none kept, so the whole body is parsed. While the one cold GET
// of the guide runs, /health/live of the same process is asked every 100 ms; then the process's peak RSS.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { compile, start, stop } from './service-process.js';
import { answerNoEvents } from './no-events.js';

const BODY_BYTES = 200_000_000;
const POLL_MS = 100;
const TARGETS = { rssMB: 600, healthMaxMs: 1000 };
// Raised so that the VOD-only body (under 300 MiB) is read to its end; the live-entry cap keeps its default.
const LIMITS = { PLAYLIST_MAX_BYTES: String(300 * 1024 * 1024), PLAYLIST_TIMEOUT_SECONDS: '120' };

interface Case {
  name: string;
  /** The body after `#EXTM3U`, one chunk at a time, numbered from 0. */
  chunk(index: number): Buffer;
}

// ~64 KB a chunk: big enough that this process's writing costs little, small enough to honour backpressure.
const MINIMAL = Buffer.from('#EXTINF:-1,a\nb\n'.repeat(4096));
const MOVIES_PER_CHUNK = 1000;

const CASES: Case[] = [
  { name: 'minimal entries', chunk: () => MINIMAL },
  {
    name: 'VOD only',
    chunk: (index) => {
      let text = '';
      for (let n = index * MOVIES_PER_CHUNK; n < (index + 1) * MOVIES_PER_CHUNK; n++)
        text += `#EXTINF:-1 group-title="Movies",Movie ${n}\nhttp://h/movie/u/p/${n}.mkv\n`;
      return Buffer.from(text);
    },
  },
];

/** Writes the case's body up to BODY_BYTES, waiting on 'drain' when the socket is full; stops when it closes. */
async function streamBody(res: ServerResponse, hostile: Case, sent: { bytes: number }): Promise<void> {
  let closed = false;
  let wake: (() => void) | undefined;
  res.on('drain', () => wake?.());
  res.on('close', () => {
    closed = true;
    wake?.();
  });
  res.writeHead(200, { 'content-type': 'audio/x-mpegurl' });
  let chunk: Buffer = Buffer.from('#EXTM3U\n');
  for (let i = 0; !closed && sent.bytes + chunk.length <= BODY_BYTES; chunk = hostile.chunk(i++)) {
    sent.bytes += chunk.length;
    if (!res.write(chunk)) await new Promise<void>((r) => (wake = r));
  }
  if (!closed) res.end();
}

/** The hostile playlist at any /playlist/ path, empty events for the sports APIs; counts what it sends. */
async function startUpstream(): Promise<{
  url: string;
  serve(hostile: Case): { bytes: number; requests: number };
  close(): void;
}> {
  let hostile = CASES[0]!;
  let sent = { bytes: 0, requests: 0 };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/playlist/')) {
      sent.requests += 1;
      return void streamBody(res, hostile, sent);
    }
    answerNoEvents(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(next) {
      hostile = next;
      sent = { bytes: 0, requests: 0 };
      return sent;
    },
    close: () => server.close(),
  };
}

function peakRssMB(child: ChildProcess): Promise<number> {
  return new Promise((ok) => {
    child.once('message', (m) => ok((m as { rssMB: number }).rssMB));
    child.send('rss');
  });
}

/** Asks /health/live every POLL_MS (one at a time, 5 s deadline each) until `done` settles. */
async function pollHealth(url: string, done: Promise<unknown>): Promise<{ ms: number[]; failures: number }> {
  let finished = false;
  const finish = () => (finished = true);
  done.then(finish, finish);
  const ms: number[] = [];
  let failures = 0;
  while (!finished) {
    const started = performance.now();
    try {
      const res = await request(url, { signal: AbortSignal.timeout(5000) });
      await res.body.dump();
      if (res.statusCode !== 200) failures += 1;
    } catch {
      failures += 1;
    }
    const took = performance.now() - started;
    ms.push(took);
    await sleep(Math.max(0, POLL_MS - took));
  }
  return { ms, failures };
}

/** The first GET of the guide, as a player makes it: status, time to the last byte, and the answer's text. */
async function coldGet(url: string): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  const res = await request(url, { headers: { 'accept-encoding': 'gzip' } });
  const body = Buffer.from(await res.body.arrayBuffer());
  const text = res.statusCode === 200 ? `${body.length} bytes` : body.toString().slice(0, 300);
  return { status: res.statusCode, ms: performance.now() - started, body: text };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function runHostileBench(): Promise<void> {
  compile();
  const upstream = await startUpstream();
  const rows: string[] = [];
  const answers: string[] = [];
  for (const hostile of CASES) {
    // A first start creates the embedded database once; the measured process opens it as a restart would.
    const data = mkdtempSync(join(tmpdir(), 'epgoat-bench-'));
    const env = { ...process.env, ...LIMITS };
    await start('guide-child.ts', ['--upstream', upstream.url, '--data', data, '--init'], env);
    const { child, ready } = await start('guide-child.ts', ['--upstream', upstream.url, '--data', data], env);
    const { url } = ready;
    try {
      const sent = upstream.serve(hostile);
      const guide = coldGet(url);
      const health = await pollHealth(new URL('/health/live', url).href, guide);
      const { status, ms, body } = await guide;
      const rssMB = await peakRssMB(child);
      const sorted = [...health.ms].sort((a, b) => a - b);
      const p99 = sorted[Math.max(0, Math.ceil(sorted.length * 0.99) - 1)] ?? NaN;
      const max = sorted.at(-1) ?? NaN;
      const ok = rssMB <= TARGETS.rssMB && max < TARGETS.healthMaxMs && health.failures === 0;
      rows.push(
        `| ${hostile.name} | ${(sent.bytes / 1e6).toFixed(1)} MB in ${sent.requests} request(s) | ${status} | ` +
          `${fmt(ms)} ms | ${health.ms.length}, max ${fmt(max)} ms, p99 ${fmt(p99)} ms, ${health.failures} failed | ` +
          `${fmt(rssMB)} MB | ${ok ? 'met' : 'MISSED'} |`,
      );
      answers.push(`${hostile.name}: ${status} ${body}`);
    } finally {
      await stop(child);
    }
  }
  upstream.close();
  console.log(
    `\n== hostile playlist: ~${BODY_BYTES / 1e6} MB streamed with backpressure, one cold GET, /health/live every ` +
      `${POLL_MS} ms (PLAYLIST_MAX_BYTES ${LIMITS.PLAYLIST_MAX_BYTES}, PLAYLIST_TIMEOUT_SECONDS ` +
      `${LIMITS.PLAYLIST_TIMEOUT_SECONDS}; targets: peak RSS <= ${TARGETS.rssMB} MB, health max < ` +
      `${TARGETS.healthMaxMs} ms, no health failure) ==`,
  );
  console.log('| case | upstream sent | guide status | answered in | health polls | peak RSS | targets |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  for (const answer of answers) console.log(answer);
}

if (import.meta.url === `file://${process.argv[1]}`) await runHostileBench();
