import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { getGuideTime, getLastGuide, saveGuide, type StoredGuide } from '../../db/guides.js';
import type { ProviderRow } from '../../db/providers.js';
import { writeM3uEntries } from '../../domain/m3u/index.js';
import type { PlaylistHeader } from '../../domain/types.js';
import { NotFoundError, ShuttingDownError, UpstreamError } from '../../errors.js';
import type { GeneratedGuide, GuideProvider, MatchReport } from './guide-contracts.js';
import type { GuideGenerator } from './guide-generator.js';
import { BEST_GZIP_LEVEL, gzipAgain } from './guide-stages.js';
import type { Metrics } from '../metrics/metrics.js';
import type { ProviderDirectory } from './provider-directory.js';

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
function playlistOf(generation: GeneratedGuide): ServedPlaylist {
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

/** A stored playlist, gunzipped as it is sent. */
function storedPlaylist(stored: { gzip: Buffer; attrs: Record<string, string> }): ServedPlaylist {
  return {
    header: { attrs: stored.attrs },
    body: () => Readable.from([stored.gzip]).pipe(createGunzip()),
  };
}

/** A guide read back from Postgres, served as it was stored. */
function fromStored(stored: StoredGuide): ServedGuide {
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
async function gzipPlaylist(playlist: ServedPlaylist): Promise<Buffer> {
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

export interface GuideServiceDeps {
  db: Kysely<DB>;
  generator: GuideGenerator;
  providers: ProviderDirectory;
  ttlMs: number;
  /** After a failed generation, the first wait before trying again; doubled per failure (default 30 s). */
  retryAfterFailureMs?: number;
  /** The longest wait between tries (default the TTL). */
  maxRetryMs?: number;
  /** A guide players asked for lately is made again this long before its TTL ends (default a fifth of it). */
  refreshLeadMs?: number;
  maxProviders?: number;
  logger?: Pick<Logger, 'warn' | 'info' | 'error'>;
  /** Milliseconds on the service's clock (default performance.now). */
  now?: () => number;
  metrics?: Pick<Metrics, 'generated' | 'failed' | 'cache'>;
  /**
   * Instances sharing the database: a provider's guide is made by one of them at a time (a lock per provider)
   * and the others serve what it stored. Without it every instance makes its own.
   */
  coordinator?: { lock(providerId: number): Promise<() => Promise<void>> };
  /** Wall-clock time, to compare with when stored guides were made (default new Date()). */
  wallNow?: () => number;
  /** Told when a new guide of a provider is stored (the other instances then take it up). */
  onStored?: (slug: string) => void;
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

/**
 * Per-provider guide cache, served like a CDN edge: the first request waits for one generation however many
 * ask at once; after that a guide is always answered at once, the current one while one background generation
 * replaces it (stale-while-revalidate), and guides players asked for lately are made again shortly before their
 * TTL ends. A failed generation serves the last good guide kept in Postgres and is tried again with backoff; a
 * provider that never had a guide gets a 502.
 */
export function createGuideService(deps: GuideServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => performance.now());
  const retryMs = deps.retryAfterFailureMs ?? Math.min(deps.ttlMs, 30_000);
  const maxRetryMs = deps.maxRetryMs ?? deps.ttlMs;
  const leadMs = deps.refreshLeadMs ?? deps.ttlMs / 5;
  const failures = new Map<string, number>();
  /** When players last asked for each provider's guide. */
  const asked = new Map<string, number>();
  /**
   * Each provider's newest generated guide until it is stored, and the writes a generation left behind (what
   * matching found, the last good guide) until they are done.
   */
  const latest = new Map<string, ServedGuide>();
  const storing = new Map<string, Promise<unknown>>();
  /**
   * Each provider's last fresh guide in this process, generation included: when a refresh fails it is served
   * again, stale, so the rewritten playlist stays available too (a guide restored from Postgres has no entries).
   */
  const lastGood = new LRUCache<string, ServedGuide>({ max: deps.maxProviders ?? 500 });
  /** Why the last generation of a provider without any guide failed, for the answer that says so. */
  const lastFailure = new Map<string, UpstreamError>();
  /** The origin players last reached each provider's guide at, for the links the guide carries. */
  const origins = new Map<string, string>();
  /** When each provider's current guide (fresh or stale) was made. */
  const servedTimes = new Map<string, Date>();
  const wallNow = deps.wallNow ?? (() => Date.now());
  /** Stored guides made before this service started, or before a change it saw, are not current. */
  const startedAt = wallNow();
  const changedAt = new Map<string, number>();
  let changedAll = 0;
  /** Aborted by close(): requests waiting for a first guide are answered at once, nothing new starts. */
  const closing = new AbortController();

  /** The promise, or a ShuttingDownError as soon as the service closes. */
  function untilClosed<T>(pending: Promise<T>): Promise<T> {
    const { signal } = closing;
    if (signal.aborted) return Promise.reject(new ShuttingDownError());
    let onAbort = () => undefined as void;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(new ShuttingDownError());
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([pending, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
  }

  /** Since when a stored guide is this provider's current one: made after the last change this instance saw. */
  function currentSince(slug: string): number {
    return Math.max(startedAt, changedAll, changedAt.get(slug) ?? 0, wallNow() - deps.ttlMs);
  }

  /** The guide another instance stored since the last change, under the provider's generation lock. */
  async function storedIfCurrent(slug: string, providerId: number): Promise<ServedGuide | undefined> {
    const at = await getGuideTime(db, providerId);
    if (!at || at.getTime() <= currentSince(slug)) return undefined;
    const last = await getLastGuide(db, providerId);
    if (!last) return undefined;
    deps.logger?.info({ provider: slug, etag: last.etag }, 'guide made by another instance');
    return fromStored(last);
  }

  /**
   * One generation of a provider's guide at a time across the instances sharing the database: the others wait
   * for the lock, then serve what the holder stored. A lock that cannot be had in time is done without.
   */
  async function produce(slug: string): Promise<ServedGuide> {
    const row = await deps.providers.get(slug);
    if (!row) throw new NotFoundError(`no provider '${slug}'`);
    const origin = origins.get(slug);
    const provider = { ...toGuideProvider(row), ...(origin && { artBase: origin }) };
    const release = deps.coordinator
      ? await deps.coordinator.lock(provider.id).catch((err: unknown) => {
          deps.logger?.warn({ err, provider: slug }, 'generating without the generation lock');
          return null;
        })
      : null;
    let handedOver = false;
    try {
      if (release) {
        const current = await storedIfCurrent(slug, provider.id);
        if (current) return current;
      }
      return await generate(slug, provider, (stored) => {
        if (!release) return;
        handedOver = true;
        // Held until the guide is stored, so that the instances waiting read it.
        void stored.finally(() => release());
      });
    } finally {
      if (release && !handedOver) void release();
    }
  }

  async function generate(
    slug: string,
    provider: GuideProvider,
    onStoring: (stored: Promise<unknown>) => void,
  ): Promise<ServedGuide> {
    try {
      const generation = await deps.generator.generate(provider);
      // A generation that ends during shutdown is abandoned: the database is closing under it.
      if (closing.signal.aborted) throw new ShuttingDownError('abandoned: the service is shutting down');
      deps.logger?.info(
        { provider: slug, stageMs: generation.timings, bytes: generation.xmlGzip.length },
        'guide generated',
      );
      deps.metrics?.generated(slug, generation.timings, generation.report);
      const served: ServedGuide = {
        etag: generation.etag,
        xmlGzip: generation.xmlGzip,
        generatedAt: generation.generatedAt,
        stale: false,
        generation,
        playlist: playlistOf(generation),
        report: generation.report,
      };
      // Stored once the answer is on its way: the player never waits for bookkeeping, and on the embedded
      // database (which runs on this thread) the writes do not slow the answer down.
      const bookkeeping = new Promise((next) => setImmediate(next))
        .then(() => generation.store())
        .catch((err: unknown) =>
          deps.logger?.error({ err, provider: slug }, 'could not store what matching found'),
        );
      latest.set(slug, served);
      lastGood.set(slug, served);
      const stored = Promise.all([bookkeeping, compressAndStore(slug, provider.id, served)]);
      storing.set(slug, stored);
      void stored.finally(() => {
        if (storing.get(slug) === stored) storing.delete(slug);
      });
      onStoring(stored);
      return served;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof ShuttingDownError) throw err;
      deps.logger?.warn({ err, provider: slug }, 'guide generation failed; trying the last good guide');
      deps.metrics?.failed(slug);
      const reason = err instanceof Error ? err.message : String(err);
      const kept = lastGood.get(slug);
      if (kept) return { ...kept, stale: true, staleReason: reason };
      await storing.get(slug);
      const last = await getLastGuide(db, provider.id);
      if (!last) {
        const failure =
          err instanceof UpstreamError
            ? err
            : new UpstreamError(slug, 'bad-body', 'the guide could not be generated');
        lastFailure.set(slug, failure);
        throw failure;
      }
      return { ...fromStored(last), stale: true, staleReason: reason };
    }
  }

  const cache = new LRUCache<string, ServedGuide>({
    max: deps.maxProviders ?? 500,
    ttl: deps.ttlMs,
    perf: { now },
    ttlResolution: 0,
    // Past its TTL a guide is still served while one background generation replaces it.
    allowStale: true,
    noDeleteOnStaleGet: true,
    allowStaleOnFetchRejection: true,
    noDeleteOnFetchRejection: true,
    fetchMethod: async (slug, _current, { options }) => {
      const served = await produce(slug);
      servedTimes.set(slug, served.generatedAt);
      if (served.stale) {
        // Exponential backoff while the provider keeps failing: 30 s, 60 s, 120 s... up to maxRetryMs.
        const n = (failures.get(slug) ?? 0) + 1;
        failures.set(slug, n);
        options.ttl = Math.min(maxRetryMs, retryMs * 2 ** (n - 1));
      } else {
        failures.delete(slug);
      }
      return served;
    },
  });

  /**
   * Swaps a fresh guide's quick gzip for a smaller one once zlib's thread pool has made it, so every later answer
   * carries fewer bytes (the ETag stays: a weak one, same content), then stores that as the provider's last good
   * guide, once, unless a newer guide has replaced it meanwhile.
   */
  async function compressAndStore(slug: string, providerId: number, served: ServedGuide): Promise<void> {
    try {
      const xmlGzip = await gzipAgain(served.xmlGzip, BEST_GZIP_LEVEL);
      // In place, not through the cache: a refresh under way must not be disturbed, and a request holding this
      // guide may send either copy.
      if (xmlGzip.length < served.xmlGzip.length) served.xmlGzip = xmlGzip;
    } catch (err) {
      deps.logger?.warn({ err, provider: slug }, 'could not compress the guide better');
    }
    if (latest.get(slug) !== served) return;
    const { playlist } = served;
    const gzip = playlist
      ? await gzipPlaylist(playlist).catch((err: unknown) => {
          deps.logger?.warn({ err, provider: slug }, 'could not store the playlist with the guide');
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
    if (latest.get(slug) !== served) return;
    await saveGuide(db, providerId, stored).then(
      () => deps.onStored?.(slug),
      (err: unknown) => deps.logger?.error({ err, provider: slug }, 'could not store the last good guide'),
    );
    if (latest.get(slug) === served) latest.delete(slug);
  }

  /** Makes again, in the background, the guides players asked for lately whose TTL ends soon. */
  function refreshDue(): string[] {
    const started: string[] = [];
    if (closing.signal.aborted) return started;
    for (const [slug, at] of asked) {
      if (now() - at > 2 * deps.ttlMs) {
        asked.delete(slug);
        continue;
      }
      const left = cache.getRemainingTTL(slug);
      if (left > 0 && left <= leadMs && !failures.has(slug)) {
        void cache.fetch(slug, { forceRefresh: true }).catch(() => undefined);
        started.push(slug);
      }
    }
    return started;
  }

  return {
    /**
     * The current guide of a provider; only the very first request for it waits for a generation. `origin` is
     * where the asking player reached this service: the next guide's links (matchup art) point there.
     */
    async getGuide(slug: string, origin?: string): Promise<ServedGuide> {
      asked.set(slug, now());
      if (origin) origins.set(slug, origin);
      // While shutting down, a guide in hand is served as it is; nothing new is generated.
      const current = closing.signal.aborted ? cache.get(slug) : undefined;
      if (current) return current;
      const held = cache.has(slug) ? 'hit' : cache.peek(slug, { allowStale: true }) ? 'stale' : 'miss';
      deps.metrics?.cache(held);
      // Only a request with no guide in hand waits, and only it must be let go at shutdown.
      const pending = cache.fetch(slug);
      const served = await (held === 'miss' ? untilClosed(pending) : pending).catch((err: unknown) => {
        if (err instanceof NotFoundError || err instanceof ShuttingDownError) throw err;
        return undefined;
      });
      if (!served) {
        throw (
          lastFailure.get(slug) ?? new UpstreamError(slug, 'bad-body', 'the guide could not be generated')
        );
      }
      lastFailure.delete(slug);
      return served;
    },
    invalidate(slug: string): void {
      changedAt.set(slug, wallNow());
      cache.delete(slug);
      failures.delete(slug);
      servedTimes.delete(slug);
    },
    /** After a change that serves every provider (a team alias): each guide is made again on its next request. */
    invalidateAll(): void {
      changedAll = wallNow();
      cache.clear();
      failures.clear();
      servedTimes.clear();
    },
    /** When each provider's current guide was made. */
    guideTimes(): Iterable<[string, Date]> {
      return servedTimes.entries();
    },
    refreshDue,
    /**
     * Another instance stored a new guide of the provider: read it in the background (under the lock, as a
     * refresh), serving the current one meanwhile. Nothing happens for a provider this instance does not serve.
     */
    takeUp(slug: string): void {
      if (closing.signal.aborted || !cache.peek(slug, { allowStale: true })) return;
      void cache.fetch(slug, { forceRefresh: true }).catch(() => undefined);
    },
    /**
     * Shutdown: requests waiting for a first guide get a 503 at once, cached guides are still served, and
     * generations under way are abandoned (not stored); call idle() after it for what earlier ones left to store.
     */
    close(): void {
      closing.abort();
    },
    /** Settles once everything generations left to store (matches, misses, last good guides) is stored. */
    async idle(): Promise<void> {
      while (storing.size > 0) await Promise.all(storing.values());
    },
    /** Runs refreshDue every `intervalMs`; returns the stop function. */
    startRefreshing(intervalMs: number): () => void {
      const timer = setInterval(refreshDue, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type GuideService = ReturnType<typeof createGuideService>;
