// SIGTERM while a generation waits on a host that never answers: the waiting player gets a 503 at once, the
// generation is abandoned, and the process exits 0 well within SHUTDOWN_TIMEOUT_MS (a timed-out shutdown exits 1).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const root = resolve(import.meta.dirname, '../..');
const ADMIN = 'shutdown-admin-token-0123456789';

let upstream: LoopbackServer;
beforeAll(async () => {
  // Takes the request and never answers.
  upstream = await startLoopbackServer(() => new Promise(() => undefined));
});
afterAll(async () => {
  await upstream.close();
});

describe('SIGTERM during a generation', () => {
  it('answers the waiting player 503, abandons the generation and exits 0 within the bound', async () => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['src/server.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'epgoat-shutdown-')),
        ADMIN_TOKEN: ADMIN,
        REHEARSAL_ENTRIES: '0',
        EVENTS_REFRESH_INTERVAL_SECONDS: '0',
        SHUTDOWN_TIMEOUT_MS: '8000',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const url = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no listen line:\n${out}`)), 120_000);
      child.stdout.on('data', () => {
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          res(m[1]!);
        }
      });
    });

    const created = await fetch(`${url}/api/providers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        slug: 'hang',
        name: 'Hang',
        playlistUrl: `${upstream.url}/get.php`,
        timezone: 'America/New_York',
      }),
    });
    expect(created.status).toBe(201);

    const waiting = fetch(`${url}/epg/hang.xml`);
    while (upstream.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const answer = await waiting;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(((await answer.json()) as { message: string }).message).toMatch(/shutting down/);
    // Exit 0 is an exit before the shutdown bound (past it the process exits 1, saying so), and the 503 came
    // from the shutdown, not from the playlist deadline (20 s) the generation was waiting on.
    expect(await exited, out).toBe(0);
    expect(out).toMatch(/"msg":"stopped"/);
    expect(out).not.toMatch(/shutdown timed out/);
  }, 180_000);
});
