import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '../../scripts/build-if-changed.mjs');

// A tree shaped like the project whose `build` counts its runs, writes dist/server.js, and fails on demand.
function makeTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'epgoat-build-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(script, join(dir, 'scripts', 'build-if-changed.mjs'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'tree', private: true, type: 'module', scripts: { build: 'node build.mjs' } }),
  );
  writeFileSync(join(dir, 'package-lock.json'), '{}\n');
  writeFileSync(join(dir, 'tsconfig.json'), '{}\n');
  writeFileSync(join(dir, 'tsconfig.build.json'), '{}\n');
  writeFileSync(
    join(dir, 'build.mjs'),
    [
      "import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';",
      "appendFileSync('builds.log', 'built\\n');",
      "if (existsSync('fail')) process.exit(2);",
      "mkdirSync('dist', { recursive: true });",
      "writeFileSync('dist/server.js', '');",
    ].join('\n'),
  );
  mkdirSync(join(dir, 'src', 'http'), { recursive: true });
  writeFileSync(join(dir, 'src', 'server.ts'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'src', 'http', 'app.ts'), 'export const b = 2;\n');
  return dir;
}

describe('build-if-changed', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTree();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the script in the tree; the number of builds so far and its exit status. */
  function start(): { builds: number; status: number | null } {
    const r = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: dir, encoding: 'utf8' });
    const log = join(dir, 'builds.log');
    const builds = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
    return { builds, status: r.status };
  }

  it('builds a tree never built, then not again until a source changes', () => {
    expect(start()).toEqual({ builds: 1, status: 0 });
    expect(start()).toEqual({ builds: 1, status: 0 });
    writeFileSync(join(dir, 'src', 'http', 'app.ts'), 'export const b = 3;\n');
    expect(start()).toEqual({ builds: 2, status: 0 });
    expect(start()).toEqual({ builds: 2, status: 0 });
  }, 30_000);

  it('builds for a new source, a tsconfig, the lock file, or a missing dist/server.js', () => {
    expect(start().builds).toBe(1);
    writeFileSync(join(dir, 'src', 'new.ts'), 'export {};\n');
    expect(start().builds).toBe(2);
    writeFileSync(join(dir, 'tsconfig.build.json'), '{ "compilerOptions": {} }\n');
    expect(start().builds).toBe(3);
    writeFileSync(join(dir, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
    expect(start().builds).toBe(4);
    rmSync(join(dir, 'dist', 'server.js'));
    expect(start().builds).toBe(5);
    expect(start().builds).toBe(5);
  }, 30_000);

  it('goes by content: a file touched but not changed does not build', () => {
    expect(start().builds).toBe(1);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'src', 'server.ts'), later, later);
    expect(start().builds).toBe(1);
  }, 30_000);

  it('fails with the build and tries again on the next start', () => {
    writeFileSync(join(dir, 'fail'), '');
    expect(start()).toEqual({ builds: 1, status: 2 });
    rmSync(join(dir, 'fail'));
    expect(start()).toEqual({ builds: 2, status: 0 });
    expect(start()).toEqual({ builds: 2, status: 0 });
  }, 30_000);
});
