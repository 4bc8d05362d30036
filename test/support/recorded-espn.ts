// A loopback ESPN that answers each league's scoreboard with one recorded real answer (test/fixtures/wire/),
// whatever days are asked, and every other league, team list and TheSportsDB path with nothing; it also serves a
// provider playlist at /playlist.m3u.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const WIRE = resolve(import.meta.dirname, '../fixtures/wire');

/** `scoreboards` maps an ESPN league path (`racing/f1`) to a recorded answer's file name. */
export async function startRecordedEspn(
  scoreboards: Record<string, string>,
  playlist: string,
): Promise<LoopbackServer> {
  const answers = new Map(
    Object.entries(scoreboards).map(([path, file]) => [path, readFileSync(resolve(WIRE, file), 'utf8')]),
  );
  return startLoopbackServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/playlist.m3u') {
      res.writeHead(200, { 'content-type': 'audio/x-mpegurl' }).end(playlist);
      return;
    }
    const league = /^\/apis\/site\/v2\/sports\/(.+)\/scoreboard$/.exec(path)?.[1];
    const json =
      (league && answers.get(league)) ??
      (league ? '{"events":[]}' : path.includes('/teams') ? '{"sports":[]}' : 'null');
    res.writeHead(200, { 'content-type': 'application/json' }).end(json);
  });
}
