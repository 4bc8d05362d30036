import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlaylistFetcher, isAllowedPlaylistUrl } from '../../src/sources/playlist.js';
import { acme, failure, readBody } from '../support/playlist-fetch.js';

const readAll = async (r: Parameters<typeof readBody>[0]) => (await readBody(r)).text;

const M3U = '#EXTM3U\n#EXTINF:-1 group-title="NFL",NFL 03: Bears @ Packers 12:00 PM CT\nhttp://x/3\n';

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'epgoat-playlist-'));
  dir = path.join(root, 'playlists');
  await mkdir(dir);
  await writeFile(path.join(dir, 'acme.m3u'), M3U);
  await writeFile(path.join(root, 'secret.m3u'), '#EXTM3U\nsecret\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const fileUrl = (p: string) => pathToFileURL(p).href;

describe('file: playlists', () => {
  it('reads an absolute file URL inside the playlist directory', async () => {
    const f = createPlaylistFetcher({ playlistDir: dir });
    expect(await readAll(await f.fetch(acme(fileUrl(path.join(dir, 'acme.m3u')))))).toBe(M3U);
  });

  it('reads a relative file:name URL from the playlist directory', async () => {
    await mkdir(path.join(dir, 'demo'));
    await writeFile(path.join(dir, 'demo', 'my list.m3u'), M3U);
    const f = createPlaylistFetcher({ playlistDir: dir });
    expect(await readAll(await f.fetch(acme('file:demo/my%20list.m3u')))).toBe(M3U);
  });

  it('decompresses a .gz playlist file', async () => {
    await writeFile(path.join(dir, 'acme.m3u.gz'), gzipSync(M3U));
    const f = createPlaylistFetcher({ playlistDir: dir });
    expect(await readAll(await f.fetch(acme('file:acme.m3u.gz')))).toBe(M3U);
  });

  it.each([
    ['a parent segment', () => `${fileUrl(dir)}/../secret.m3u`],
    ['an encoded parent segment', () => `${fileUrl(dir)}/%2e%2e/secret.m3u`],
    ['a relative parent segment', () => 'file:../secret.m3u'],
    ['a path outside the directory', () => fileUrl(path.join(root, 'secret.m3u'))],
    ['a sibling directory sharing the prefix', () => fileUrl(`${dir}-evil/acme.m3u`)],
    ['a remote file host', () => 'file://fileserver/share/acme.m3u'],
  ])('rejects %s as forbidden-path', async (_what, url) => {
    const f = createPlaylistFetcher({ playlistDir: dir });
    expect(await failure(f.fetch(acme(url())))).toMatchObject({ reason: 'forbidden-path' });
  });

  it('rejects a symlink inside the directory that points outside it', async () => {
    await symlink(path.join(root, 'secret.m3u'), path.join(dir, 'escape.m3u'));
    const f = createPlaylistFetcher({ playlistDir: dir });
    const err = await failure(f.fetch(acme('file:escape.m3u')));
    expect(err.reason).toBe('forbidden-path');
  });

  it('rejects a symlinked subdirectory that leads outside', async () => {
    await symlink(root, path.join(dir, 'up'));
    const f = createPlaylistFetcher({ playlistDir: dir });
    const err = await failure(f.fetch(acme('file:up/secret.m3u')));
    expect(err.reason).toBe('forbidden-path');
  });

  it('follows symlinks that stay inside, and a playlist directory reached through a symlink', async () => {
    await symlink(path.join(dir, 'acme.m3u'), path.join(dir, 'today.m3u'));
    const linkedDir = path.join(root, 'linked');
    await symlink(dir, linkedDir);
    const f = createPlaylistFetcher({ playlistDir: linkedDir });
    expect(await readAll(await f.fetch(acme('file:today.m3u')))).toBe(M3U);
    const viaLink = fileUrl(path.join(linkedDir, 'acme.m3u'));
    expect(await readAll(await f.fetch(acme(viaLink)))).toBe(M3U);
  });

  it('reports a missing file as not-found', async () => {
    const f = createPlaylistFetcher({ playlistDir: dir });
    expect(await failure(f.fetch(acme('file:gone.m3u')))).toMatchObject({ reason: 'not-found' });
  });

  it('reports a directory as not-found', async () => {
    await mkdir(path.join(dir, 'sub'));
    const f = createPlaylistFetcher({ playlistDir: dir });
    expect(await failure(f.fetch(acme('file:sub')))).toMatchObject({ reason: 'not-found' });
  });

  it('refuses a file over the size cap', async () => {
    const f = createPlaylistFetcher({ playlistDir: dir, maxBytes: 10 });
    expect(await failure(f.fetch(acme('file:acme.m3u')))).toMatchObject({ reason: 'too-large' });
  });

  it('caps a compressed file on its decoded size', async () => {
    await writeFile(path.join(dir, 'big.m3u.gz'), gzipSync(Buffer.alloc(1024 * 1024)));
    const f = createPlaylistFetcher({ playlistDir: dir, maxBytes: 64 * 1024 });
    const result = await f.fetch(acme('file:big.m3u.gz'));
    expect(await failure(readAll(result))).toMatchObject({ reason: 'too-large' });
  });

  it('answers not-modified for unchanged validators and ok once the file changes', async () => {
    const f = createPlaylistFetcher({ playlistDir: dir });
    const first = await f.fetch(acme('file:acme.m3u'));
    await readAll(first);
    const validators = first.status === 'ok' ? first.validators : {};
    expect(validators.etag).toBeTruthy();
    await expect(f.fetch(acme('file:acme.m3u'), validators)).resolves.toEqual({
      status: 'not-modified',
    });
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dir, 'acme.m3u'), later, later);
    expect(await readAll(await f.fetch(acme('file:acme.m3u'), validators))).toBe(M3U);
  });
});

describe('isAllowedPlaylistUrl', () => {
  it.each([
    ['http://provider.example/get.php?username=u&password=p', true],
    ['https://provider.example/list.m3u', true],
    ['file:acme.m3u', true],
    ['file:../acme.m3u', false],
    ['ftp://provider.example/list.m3u', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['http://', false],
  ])('judges %s as %s', (url, allowed) => {
    expect(isAllowedPlaylistUrl(url, '/srv/playlists')).toBe(allowed);
  });

  it('allows absolute file URLs only inside the directory', () => {
    expect(isAllowedPlaylistUrl('file:///srv/playlists/a.m3u', '/srv/playlists')).toBe(true);
    expect(isAllowedPlaylistUrl('file:///srv/playlists', '/srv/playlists')).toBe(false);
    expect(isAllowedPlaylistUrl('file:///srv/playlists-x/a.m3u', '/srv/playlists')).toBe(false);
    expect(isAllowedPlaylistUrl('file:///etc/passwd', '/srv/playlists')).toBe(false);
  });
});
