// The benchmarks' service processes: compiled once from tsconfig.bench.json into dist/.bench, run under plain node
// as production runs the service, each telling on stderr (a `{"ready":true,...}` line) when it listens.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
const built = resolve(root, 'dist/.bench/bench');

export interface Ready {
  url: string;
}

/**
 * The service and the yardstick run as production runs the service: compiled JavaScript under plain node (no
 * TypeScript loader in their time or memory). Compiled once per benchmark run.
 */
export function compile(): void {
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  const out = spawnSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.bench.json')], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`tsc -p tsconfig.bench.json failed:\n${out.stdout}${out.stderr}`);
}

export function start(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [resolve(built, script.replace(/\.ts$/, '.js')), '--root', root, ...args],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env,
    },
  );
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (process.env.CHILD_STDERR) process.stderr.write(d);
      const line = err.split('\n').find((l) => l.startsWith('{"ready":true'));
      if (line) ok({ child, ready: JSON.parse(line) as Ready });
    });
    child.on('exit', (code) => fail(new Error(`${script} exited ${code}: ${err.slice(-2000)}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    child.removeAllListeners('exit');
    child.on('exit', () => ok());
    child.kill('SIGKILL');
  });
}
