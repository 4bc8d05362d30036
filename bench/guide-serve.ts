// Serving guides, measured from outside the server: `wrk -t2 -c50 -d10s` with Accept-Encoding: gzip against the
// cached guide, against a 304, and against a plain static server holding the same gzip bytes, in one run; then
// cold generation of 1,900 and 16,160 guide channels (100,000-entry playlists) on Postgres (with DATABASE_URL)
// and on embedded PGlite, each in a fresh process, with that process's peak RSS.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const WRK = ['-t2', '-c50', '-d10s', '--latency'];
const SHARES = [
  { label: '1,900 channels', share: 0.0074 },
  { label: '16,160 channels', share: 0.15 },
];
const TARGETS = { ratio: 0.5, p99Ms: 50, cold1900Ms: 750, cold16kMs: 3000, rssMB: 600 };

interface Ready {
  url: string;
  etag?: string;
  coldMs?: number;
  channels?: number;
  gzipBytes?: number;
  xmlBytes?: number;
  timings?: Record<string, number>;
  rssMB?: number;
}

function start(script: string, args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(here, script), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: process.env,
  });
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const line = err.split('\n').find((l) => l.startsWith('{"ready":true'));
      if (line) ok({ child, ready: JSON.parse(line) as Ready });
    });
    child.on('exit', (code) => fail(new Error(`${script} exited ${code}: ${err.slice(-2000)}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    child.removeAllListeners('exit');
    child.on('exit', () => ok());
    child.kill('SIGKILL');
  });
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

export async function runServeBench(): Promise<void> {
  console.log('\n== serving guides (wrk -t2 -c50 -d10s, Accept-Encoding: gzip) ==');
  const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
  const dbs = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  const cold: string[] = [];
  for (const db of dbs) {
    for (const { label, share } of SHARES) {
      const { child, ready } = await start('guide-child.ts', ['--share', String(share), '--db', db]);
      try {
        cold.push(
          `| ${db} | ${label} (${fmt(ready.channels ?? 0)}) | ${fmt(ready.coldMs ?? 0)} ms | ${fmt(ready.rssMB ?? 0)} MB | ` +
            `${((ready.gzipBytes ?? 0) / 1e3).toFixed(0)} KB gzip, ${((ready.xmlBytes ?? 0) / 1e6).toFixed(1)} MB XML | ` +
            `${JSON.stringify(ready.timings)} |`,
        );
        if (db !== dbs[0] || share !== SHARES[0]!.share) continue;
        if (!hasWrk) {
          console.log('wrk is not installed (apt-get install wrk): the serving figures are skipped');
          continue;
        }
        const gzip = 'Accept-Encoding: gzip';
        const stat = await start('static-child.ts', [ready.url]);
        try {
          const s = wrk(stat.ready.url, [gzip]);
          const g = wrk(ready.url, [gzip]);
          const n = wrk(ready.url, [gzip, `If-None-Match: ${ready.etag ?? ''}`]);
          console.log(
            `guide of ${fmt(ready.channels ?? 0)} channels, ${fmt(ready.gzipBytes ?? 0)} bytes gzip`,
          );
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
      } finally {
        await stop(child);
      }
    }
  }
  console.log(
    `\ncold generation, a fresh process each (targets: 1,900 channels <= ${TARGETS.cold1900Ms} ms, 16,160 <= ${TARGETS.cold16kMs} ms, peak RSS <= ${TARGETS.rssMB} MB)`,
  );
  console.log('| database | guide | cold GET | peak RSS | size | stage ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of cold) console.log(row);
}

if (import.meta.url === `file://${process.argv[1]}`) await runServeBench();
