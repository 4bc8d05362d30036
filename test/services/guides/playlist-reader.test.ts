import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlaylistReader } from '../../../src/services/guides/playlist-reader.js';
import { createPlaylistFetcher } from '../../../src/sources/playlist.js';

const PLAYLIST = [
  '#EXTM3U url-tvg="http://e/g.xml"',
  '#EXTINF:-1 group-title="NBA",NBA 01: Lakers vs Celtics',
  'http://h/live/u/p/1.ts',
  '#EXTINF:-1 group-title="VOD| Action",Dark Night (2008)',
  'http://h/movie/u/p/2.mkv',
  '#EXTINF:-1 group-title="Series EN",Lost S01 E01',
  'http://h/series/u/p/3.mp4',
  '#EXTINF:-1 group-title="Replays" media="true",NBA 01 Replay',
  'http://h/u/p/4',
  '#EXTINF:-1 tvg-name="broken,Bad entry',
  'http://h/movie/u/p/5.mkv',
  '#EXTINF:-1 group-title="24/7",Friends 24/7',
  'http://h/movie/u/p/6.mkv',
].join('\n');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'epgoat-reader-'));
  await writeFile(path.join(dir, 'acme.m3u'), PLAYLIST);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function read(vodRules: Parameters<ReturnType<typeof createPlaylistReader>['read']>[1] = []) {
  const reader = createPlaylistReader({ fetcher: createPlaylistFetcher({ playlistDir: dir }) });
  const provider = { slug: 'acme', playlistUrl: pathToFileURL(path.join(dir, 'acme.m3u')).href };
  return reader.read(provider, vodRules);
}

describe('reading a provider playlist', () => {
  it('keeps the live entries, counts VOD whether or not it was built, and counts a malformed entry', async () => {
    const result = await read();
    expect(result.live.map((e) => e.name)).toEqual(['NBA 01: Lakers vs Celtics']);
    expect(result.vod).toBe(4);
    expect(result.stats).toMatchObject({ entries: 2, dropped: 3, skipped: 1 });
    expect(result.header.attrs['url-tvg']).toBe('http://e/g.xml');
  });

  it('builds every entry when provider rules may keep a VOD-looking one live', async () => {
    const result = await read([{ field: 'name', pattern: '24/7', vod: false }]);
    expect(result.live.map((e) => e.name)).toEqual(['NBA 01: Lakers vs Celtics', 'Friends 24/7']);
    expect(result.vod).toBe(3);
    expect(result.stats).toMatchObject({ entries: 5, skipped: 1 });
    expect(result.stats.dropped).toBeUndefined();
  });
});
