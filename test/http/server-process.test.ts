import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function run(env: Record<string, string>) {
  const child = spawn(tsx, ['src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

describe('the server process', () => {
  it('prints every configuration problem and exits non-zero before listening', async () => {
    const p = run({ PORT: 'eighty', DEFAULT_TIMEZONE: 'Mars/Base', ESPN_BASE_URL: 'ftp://x' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/PORT/);
    expect(p.output()).toMatch(/DEFAULT_TIMEZONE/);
    expect(p.output()).toMatch(/ESPN_BASE_URL/);
    expect(p.output()).not.toMatch(/listening/i);
  }, 60_000);

  it('serves the demo guide on embedded Postgres and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'epgoat-data-'));
    const p = run({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const url = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no listen line:\n${p.output()}`)), 150_000);
      p.child.stdout.on('data', () => {
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(p.output());
        if (m) {
          clearTimeout(timer);
          res(m[1]!);
        }
      });
    });
    expect(p.output()).toMatch(/generated one for this run/);
    expect(p.output()).toMatch(/"entries":6000,"ms":\d+,"msg":"guide generator rehearsed"/);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    const guide = await fetch(`${url}/epg/demo.xml`);
    expect(guide.status).toBe(200);
    expect(await guide.text()).toContain('<channel id="nba-01.demo">');
    // Secrets in queries and headers, as players and mistyping admins send them.
    await fetch(`${url}/epg/demo.xml?token=PLAYER-SECRET-1`);
    await fetch(`${url}/api/providers?token=ADMIN-SECRET-2`, {
      headers: { authorization: 'Bearer HEADER-SECRET-3' },
    });
    await fetch(`${url}/playlist/demo.m3u?username=bob&password=PASSWORD-SECRET-4`);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/stopped/);
    expect(p.output()).toContain('token=***');
    for (const secret of [
      'PLAYER-SECRET-1',
      'ADMIN-SECRET-2',
      'HEADER-SECRET-3',
      'PASSWORD-SECRET-4',
      'bob',
    ]) {
      expect(p.output(), secret).not.toContain(secret);
    }
  }, 180_000);
});
