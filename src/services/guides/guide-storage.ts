// A fresh guide's way into Postgres as the provider's last good guide: compressed better first, off the request.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { saveGuide, type StoredGuide } from '../../db/guides.js';
import type { DB } from '../../db/types.js';
import { BEST_GZIP_LEVEL, gzipAgain } from './guide-stages.js';
import { gzipPlaylist, type ServedGuide } from './served-guide.js';

export interface GuideStorageDeps {
  db: Kysely<DB>;
  providerId: number;
  /** The provider's slug, for the log. */
  slug: string;
  /** False once a newer guide of the provider replaced this one: it is then not stored. */
  current: () => boolean;
  /** Told once the guide is stored. */
  onStored?: (slug: string) => void;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/**
 * Swaps a fresh guide's quick gzip for a smaller one once zlib's thread pool has made it, so every later answer
 * carries fewer bytes (the ETag stays: a weak one, same content), then stores that with the rewritten playlist,
 * unless a newer guide has replaced it meanwhile.
 */
export async function storeBetterCompressed(served: ServedGuide, deps: GuideStorageDeps): Promise<void> {
  try {
    const xmlGzip = await gzipAgain(served.xmlGzip, BEST_GZIP_LEVEL);
    // In place, not through the cache: a refresh under way must not be disturbed, and a request holding this
    // guide may send either copy.
    if (xmlGzip.length < served.xmlGzip.length) served.xmlGzip = xmlGzip;
  } catch (err) {
    deps.logger?.warn({ err, provider: deps.slug }, 'could not compress the guide better');
  }
  if (!deps.current()) return;
  const { playlist } = served;
  const gzip = playlist
    ? await gzipPlaylist(playlist).catch((err: unknown) => {
        deps.logger?.warn({ err, provider: deps.slug }, 'could not store the playlist with the guide');
        return undefined;
      })
    : undefined;
  const stored: StoredGuide = {
    etag: served.etag,
    xmlGzip: served.xmlGzip,
    report: served.report,
    generatedAt: served.generatedAt,
    ...(playlist && gzip && { playlist: { gzip, attrs: playlist.header.attrs } }),
  };
  if (!deps.current()) return;
  await saveGuide(deps.db, deps.providerId, stored).then(
    () => deps.onStored?.(deps.slug),
    (err: unknown) => deps.logger?.error({ err, provider: deps.slug }, 'could not store the last good guide'),
  );
}
