import { parseM3uBatches, type VodRule, isVodEntry, maybeLive } from '../../domain/m3u/index.js';
import type { ParseStats, PlaylistEntry, PlaylistHeader } from '../../domain/types.js';
import { UpstreamError } from '../../errors.js';
import type { PlaylistFetcher, PlaylistValidators } from '../../sources/playlist.js';

// A provider whose last read had at least this many live entries and now has none sent something else.
const MANY_LIVE = 10;

export interface ReadPlaylist {
  header: PlaylistHeader;
  /** Live entries in playlist order (VOD dropped). */
  live: PlaylistEntry[];
  vod: number;
  stats: ParseStats;
  /** True when the provider answered "not modified" and the last read was reused. */
  reused: boolean;
}

interface Remembered {
  playlistUrl: string;
  validators: PlaylistValidators;
  read: ReadPlaylist;
}

/** Parses a playlist's bytes as they arrive, keeping only live entries. */
export async function parsePlaylist(
  body: AsyncIterable<Uint8Array>,
  vodRules: readonly VodRule[] = [],
  limits: { maxLiveEntries?: number; source?: string } = {},
): Promise<Omit<ReadPlaylist, 'reused'>> {
  const maxLive = limits.maxLiveEntries ?? Infinity;
  let header: PlaylistHeader = { attrs: {} };
  let stats: ParseStats = { entries: 0, skipped: 0, problems: [] };
  const live: PlaylistEntry[] = [];
  let vod = 0;
  const onEnd = (s: ParseStats, h: PlaylistHeader) => {
    stats = s;
    header = h;
  };
  // Without provider rules, an entry whose URL or marker already says VOD is never built.
  const wants = vodRules.length === 0 ? maybeLive : undefined;
  for await (const batch of parseM3uBatches(body, onEnd, { wants })) {
    for (const entry of batch) {
      if (isVodEntry(entry, vodRules)) vod += 1;
      else live.push(entry);
    }
    // Memory follows what is kept: past the cap the read stops, whatever the bytes still to come.
    if (live.length > maxLive) {
      const message = `more than ${maxLive} live entries (PLAYLIST_MAX_ENTRIES)`;
      throw new UpstreamError(limits.source ?? 'playlist', 'too-large', message);
    }
  }
  vod += stats.dropped ?? 0;
  return { header, live, vod, stats };
}

/**
 * Fetches and parses provider playlists, streaming, keeping only live entries. The validators and the last
 * parse are remembered per provider so a 304 costs no parse.
 */
export function createPlaylistReader(deps: { fetcher: PlaylistFetcher; maxLiveEntries?: number }) {
  const last = new Map<string, Remembered>();

  async function read(
    provider: { slug: string; playlistUrl: string },
    vodRules: readonly VodRule[] = [],
  ): Promise<ReadPlaylist> {
    const known = last.get(provider.slug);
    const usable = known && known.playlistUrl === provider.playlistUrl ? known : undefined;
    const res = await deps.fetcher.fetch(provider, usable?.validators);
    if (res.status === 'not-modified' && usable) return { ...usable.read, reused: true };
    if (res.status === 'not-modified') throw new Error('not-modified without a remembered playlist');

    const result: ReadPlaylist = {
      ...(await parsePlaylist(res.body, vodRules, {
        source: provider.slug,
        ...(deps.maxLiveEntries !== undefined && { maxLiveEntries: deps.maxLiveEntries }),
      })),
      reused: false,
    };
    // An HTML page, an empty or binary body is a failed fetch, not an empty guide that would replace a good one.
    if (result.stats.entries + (result.stats.dropped ?? 0) === 0) {
      const why = 'the answer holds no #EXTINF entry: it is not an M3U playlist';
      throw new UpstreamError(provider.slug, 'bad-body', `${why} (${result.stats.skipped} lines skipped)`);
    }
    const before = usable?.read.live.length ?? 0;
    if (result.live.length === 0 && before >= MANY_LIVE) {
      throw new UpstreamError(provider.slug, 'bad-body', `no live entry, where the last read had ${before}`);
    }
    last.set(provider.slug, { playlistUrl: provider.playlistUrl, validators: res.validators, read: result });
    return result;
  }

  return { read };
}

export type PlaylistReader = ReturnType<typeof createPlaylistReader>;
