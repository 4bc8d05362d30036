// `npm start` runs this before the server: it runs `npm run build` only when what the build reads changed since
// the last build made here, so restarting a built tree skips tsc (13-18 s, far more on a loaded machine).
// What the build reads is hashed by content (src/, the tsconfig files, package.json and its lock), so a checkout
// that only touches files does not rebuild and an edit that keeps a file's size and time still does. The hash is
// taken before building and written to dist/ after a build that succeeded: an edit made during a build, or a
// build that failed, leaves a stamp that no longer matches. Plain Node, no tsx: it runs before anything is
// compiled. `npm run build` still always builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');
const ENTRY = join(ROOT, 'dist', 'server.js');

/** Every file under `dir`, as absolute paths. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The files the build reads, relative to the root with `/` separators, sorted. */
function buildInputs() {
  const top = readdirSync(ROOT).filter(
    (name) => /^tsconfig.*\.json$/.test(name) || name === 'package.json' || name === 'package-lock.json',
  );
  const src = existsSync(join(ROOT, 'src')) ? filesUnder(join(ROOT, 'src')) : [];
  return [...top.map((name) => join(ROOT, name)), ...src]
    .map((path) => relative(ROOT, path).split('\\').join('/'))
    .sort();
}

/** One hash over the build's inputs: each file's path and bytes. */
function hashInputs() {
  const hash = createHash('sha256');
  for (const path of buildInputs()) {
    const bytes = readFileSync(join(ROOT, path));
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function readStamp() {
  return existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
}

/** npm as it runs this script (`npm start`), else the npm on PATH. */
function runBuild() {
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', 'build']]
      : ['npm', ['run', 'build']];
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const hash = hashInputs();
if (existsSync(ENTRY) && readStamp() === hash) {
  process.stdout.write('dist/ was built from these sources; not building (npm run build always builds)\n');
} else {
  const status = runBuild();
  if (status !== 0) process.exit(status);
  writeFileSync(STAMP, `${hash}\n`);
}
