import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UpstreamError } from '../errors.js';
import { cappedBody, decodeBody } from './http-body.js';
import type { PlaylistFetch, PlaylistValidators } from './playlist-fetch.js';

// A `..` segment in any spelling; WHATWG URL parsing would silently resolve it, so look at the raw text.
const DOT_DOT_SEGMENT = /(^|[/\\:])(\.|%2e){2}([/\\?#]|$)/i;

function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Lexical check of a `file:` playlist URL: the absolute path it names when that lies inside
 * `playlistDir`, else undefined. `file:name.m3u` (no slash after the colon) is relative to the
 * directory; `file:///abs/name.m3u` is absolute. Symlinks are checked later, at read time.
 */
export function resolvePlaylistPath(url: string, playlistDir: string): string | undefined {
  if (!/^file:/i.test(url) || DOT_DOT_SEGMENT.test(url)) return undefined;
  const dir = path.resolve(playlistDir);
  let target: string;
  try {
    if (/^file:[^/]/i.test(url)) {
      target = path.resolve(dir, decodeURIComponent(url.slice('file:'.length).split(/[?#]/)[0] ?? ''));
    } else {
      // Rejects remote hosts (file://server/x) and encoded slashes.
      target = fileURLToPath(new URL(url));
    }
  } catch {
    return undefined;
  }
  return isInside(dir, target) ? target : undefined;
}

function fileValidators(size: number, mtime: Date): PlaylistValidators {
  const etag = `W/"${size.toString(16)}-${Math.floor(mtime.getTime()).toString(16)}"`;
  return { etag, lastModified: mtime.toUTCString() };
}

function unchanged(current: PlaylistValidators, previous?: PlaylistValidators): boolean {
  if (previous?.etag !== undefined) return previous.etag === current.etag;
  return previous?.lastModified !== undefined && previous.lastModified === current.lastModified;
}

async function realOrFail(slug: string, p: string, what: string): Promise<string> {
  try {
    return await realpath(p);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    const reason = missing ? 'not-found' : 'forbidden-path';
    throw new UpstreamError(slug, reason, `${what} ${missing ? 'does not exist' : 'is unreadable'}`);
  }
}

export interface ReadPlaylistFileOptions {
  playlistDir: string;
  maxBytes: number;
}

/** Opens a `file:` playlist inside the playlist directory as a streamed, size-capped body. */
export async function readPlaylistFile(
  provider: { slug: string; playlistUrl: string },
  opts: ReadPlaylistFileOptions,
  validators?: PlaylistValidators,
): Promise<PlaylistFetch> {
  const { slug } = provider;
  const lexical = resolvePlaylistPath(provider.playlistUrl, opts.playlistDir);
  if (lexical === undefined) {
    throw new UpstreamError(slug, 'forbidden-path', 'file: playlist URL is outside PLAYLIST_DIR');
  }
  const label = `read ${path.relative(path.resolve(opts.playlistDir), lexical)}`;
  const realDir = await realOrFail(slug, opts.playlistDir, 'PLAYLIST_DIR');
  const realTarget = await realOrFail(slug, lexical, label);
  if (!isInside(realDir, realTarget)) {
    throw new UpstreamError(slug, 'forbidden-path', `${label}: resolves outside PLAYLIST_DIR`);
  }
  let handle: FileHandle;
  try {
    handle = await open(realTarget, 'r');
  } catch {
    throw new UpstreamError(slug, 'forbidden-path', `${label}: cannot be opened`);
  }
  const gzipped = realTarget.endsWith('.gz');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UpstreamError(slug, 'not-found', `${label}: not a regular file`);
    if (!gzipped && info.size > opts.maxBytes) {
      const msg = `${label}: ${info.size} bytes exceeds ${opts.maxBytes}`;
      throw new UpstreamError(slug, 'too-large', msg);
    }
    const current = fileValidators(info.size, info.mtime);
    if (unchanged(current, validators)) {
      await handle.close();
      return { status: 'not-modified' };
    }
    const raw = handle.createReadStream();
    const decoded = gzipped ? decodeBody(slug, raw, 'gzip') : raw;
    return {
      status: 'ok',
      body: cappedBody(slug, decoded, opts.maxBytes, label),
      validators: current,
    };
  } catch (err) {
    await handle.close().catch(() => undefined);
    if (err instanceof UpstreamError) throw err;
    throw new UpstreamError(slug, 'not-found', `${label}: cannot be read`);
  }
}
