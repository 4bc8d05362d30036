// Several instances on one Postgres: 1, 2 and 3 service processes (compiled, as production runs them) on a scratch
// database of DATABASE_URL's server, serving one provider (a 100,000-entry playlist, ~1,900 guide channels).
// Each count: every instance is asked for the guide at once, cold (how many playlist fetches, that is
// generations, the first TTL costs), then `wrk` drives every instance at the same time (50 connections in all,
// Accept-Encoding: gzip) and the cached-guide req/s are summed.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { request } from 'undici';
import { generatePlaylist } from './generate-playlist.js';
import { compile, start, stop } from './service-process.js';
import { answerNoEvents } from './no-events.js';

const SHARE = 0.0074;
const COLD_PER_INSTANCE = 10;

function wrk(url: string, connections: number): Promise<number> {
  return new Promise((ok) => {
    const child = spawn('wrk', ['-t1', `-c${connections}`, '-d10s', '-H', 'Accept-Encoding: gzip', url]);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', () => ok(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)));
  });
}

async function scratchDatabase(
  server: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function runInstancesBench(): Promise<void> {
  const server = process.env.DATABASE_URL;
  console.log(
    '\n== several instances on one Postgres (1,900-channel guide; wrk over all instances, 50 connections) ==',
  );
  if (!server) {
    console.log('needs DATABASE_URL (a Postgres server): skipped');
    return;
  }
  if (spawnSync('wrk', ['--version']).error !== undefined) {
    console.log('wrk is not installed (apt-get install wrk): skipped');
    return;
  }
  compile();
  const playlist = generatePlaylist(100_000, 20261125, SHARE);
  let fetches = 0;
  const upstream = createServer((req, res) => {
    if (req.url?.startsWith('/playlist/')) {
      fetches += 1;
      res.writeHead(200).end(playlist);
      return;
    }
    answerNoEvents(req, res);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  const rows: string[] = [];
  for (const count of [1, 2, 3]) {
    const scratch = await scratchDatabase(server, `epgoat_instances_bench_${count}`);
    const env = { ...process.env, DATABASE_URL: scratch.url };
    const children = [];
    try {
      // One after another: the first migrates and registers the provider, the others find them.
      for (let i = 0; i < count; i += 1) {
        children.push(
          await start(
            'guide-child.ts',
            ['--upstream', upstreamUrl, '--share', String(SHARE), '--db', 'postgres', '--slug', 'shared'],
            env,
          ),
        );
      }
      fetches = 0;
      const cold = await Promise.all(
        children.flatMap(({ ready }) =>
          Array.from({ length: COLD_PER_INSTANCE }, async () => {
            const res = await request(ready.url, { headers: { 'accept-encoding': 'gzip' } });
            await res.body.dump();
            return String(res.headers.etag);
          }),
        ),
      );
      const generations = fetches;
      const etags = new Set(cold).size;
      const perInstance = await Promise.all(
        children.map(({ ready }) => wrk(ready.url, Math.ceil(50 / count))),
      );
      const total = perInstance.reduce((a, b) => a + b, 0);
      rows.push(
        `| ${count} | ${generations} | ${etags} | ${Math.round(total).toLocaleString('en-US')} | ` +
          `${perInstance.map((r) => Math.round(r).toLocaleString('en-US')).join(' + ')} |`,
      );
    } finally {
      for (const c of children) await stop(c.child);
      await scratch.drop();
    }
  }
  upstream.close();
  console.log(
    `| instances | generations for ${COLD_PER_INSTANCE} cold requests each (playlist fetches) | ETags answered | cached guide req/s, all | per instance |`,
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

if (import.meta.url === `file://${process.argv[1]}`) await runInstancesBench();
