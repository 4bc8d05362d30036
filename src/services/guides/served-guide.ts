// A guide as it is served: its gzipped XMLTV, its report and the provider's rewritten playlist, from a fresh
// generation or read back from Postgres.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { StoredGuide } from '../../db/guides.js';
import type { ProviderRow } from '../../db/providers.js';
import { writeM3uEntries } from '../../domain/m3u/index.js';
import type { PlaylistHeader } from '../../domain/types.js';
import type { GeneratedGuide, GuideProvider, MatchReport } from './guide-contracts.js';

/** The provider's live channels as the guide names them: each event channel's tvg-id is its guide channel. */
export interface ServedPlaylist {
  header: PlaylistHeader;
  /** The entries as M3U text, without the `#EXTM3U` line. */
  body(): Iterable<string> | AsyncIterable<string | Buffer>;
}

export interface ServedGuide {
  etag: string;
  xmlGzip: Buffer;
  generatedAt: Date;
  /** True when this is the last good guide from Postgres because a fresh one could not be made. */
  stale: boolean;
  /** Why a fresh guide could not be made, when stale. */
  staleReason?: string;
  /** The generation behind it; absent for a guide restored from Postgres. */
  generation?: GeneratedGuide;
  /** Absent only for a guide stored before playlists were stored with it. */
  playlist?: ServedPlaylist;
  report: MatchReport;
}

/** A generation's live entries, event channels carrying their guide channel id. */
export function playlistOf(generation: GeneratedGuide): ServedPlaylist {
  const { playlist, channelIds } = generation;
  return {
    header: playlist.header,
    *body() {
      yield* writeM3uEntries(
        (function* () {
          for (const entry of playlist.live) {
            const id = channelIds.get(entry);
            yield id ? { ...entry, tvgId: id } : entry;
          }
        })(),
      );
    },
  };
}

/** A fresh generation as it is served. */
export function servedFresh(generation: GeneratedGuide): ServedGuide {
  const { etag, xmlGzip, generatedAt, report } = generation;
  return { etag, xmlGzip, generatedAt, stale: false, generation, playlist: playlistOf(generation), report };
}

/** A stored playlist, gunzipped as it is sent. */
export function storedPlaylist(stored: { gzip: Buffer; attrs: Record<string, string> }): ServedPlaylist {
  return {
    header: { attrs: stored.attrs },
    body: () => Readable.from([stored.gzip]).pipe(createGunzip()),
  };
}

/** A guide read back from Postgres, served as it was stored. */
export function fromStored(stored: StoredGuide): ServedGuide {
  return {
    etag: stored.etag,
    xmlGzip: stored.xmlGzip,
    generatedAt: stored.generatedAt,
    stale: false,
    ...(stored.playlist && { playlist: storedPlaylist(stored.playlist) }),
    report: stored.report as MatchReport,
  };
}

/** The playlist text, gzipped in zlib's thread pool as it is written. */
export async function gzipPlaylist(playlist: ServedPlaylist): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(playlist.body()),
    createGzip({ level: 6 }),
    async (gz: AsyncIterable<Buffer>) => {
      for await (const b of gz) out.push(b);
    },
  );
  return Buffer.concat(out);
}

export function toGuideProvider(row: ProviderRow): GuideProvider {
  const settings = (row.settings ?? {}) as GuideProvider['settings'];
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    playlistUrl: row.playlist_url,
    timezone: row.timezone,
    settings,
  };
}
