import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { getGuideTime, getLastGuide } from '../../db/guides.js';
import { NotFoundError, ShuttingDownError, UpstreamError } from '../../errors.js';
import type { GuideProvider } from './guide-contracts.js';
import type { GuideGenerator } from './guide-generator.js';
import { storeBetterCompressed } from './guide-storage.js';
import { untilAborted } from './until-aborted.js';
import type { Metrics } from '../metrics/metrics.js';
import type { ProviderDirectory } from './provider-directory.js';
import { createProviderGuideStates } from './provider-guide-state.js';
import { fromStored, servedFresh, toGuideProvider, type ServedGuide } from './served-guide.js';

export { toGuideProvider, type ServedGuide, type ServedPlaylist } from './served-guide.js';

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
  const maxProviders = deps.maxProviders ?? 500;
  const states = createProviderGuideStates(maxProviders);
  /** What generations left to store, until it is stored. */
  const storing = new Set<Promise<unknown>>();
  const wallNow = deps.wallNow ?? (() => Date.now());
  /** Stored guides made before this service started, or before a change it saw, are not current. */
  const startedAt = wallNow();
  let changedAll = 0;
  /** Aborted by close(): requests waiting for a first guide are answered at once, nothing new starts. */
  const closing = new AbortController();

  /** The promise, or a ShuttingDownError as soon as the service closes. */
  const untilClosed = <T>(pending: Promise<T>) => untilAborted(pending, closing.signal);

  /** Since when a stored guide is this provider's current one: made after the last change this instance saw. */
  function currentSince(slug: string): number {
    return Math.max(startedAt, changedAll, states.of(slug).changedAt, wallNow() - deps.ttlMs);
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
    const { origin } = states.of(slug);
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
      const served = servedFresh(generation);
      // Stored once the answer is on its way: the player never waits for bookkeeping, and on the embedded
      // database (which runs on this thread) the writes do not slow the answer down.
      const bookkeeping = new Promise((next) => setImmediate(next))
        .then(() => generation.store())
        .catch((err: unknown) =>
          deps.logger?.error({ err, provider: slug }, 'could not store what matching found'),
        );
      const state = states.of(slug);
      state.unstored = served;
      state.lastGood = served;
      const stored = Promise.all([bookkeeping, compressAndStore(slug, provider.id, served)]);
      state.storing = stored;
      storing.add(stored);
      void stored.finally(() => {
        storing.delete(stored);
        if (state.storing === stored) state.storing = null;
      });
      onStoring(stored);
      return served;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof ShuttingDownError) throw err;
      deps.logger?.warn({ err, provider: slug }, 'guide generation failed; trying the last good guide');
      deps.metrics?.failed(slug);
      const reason = err instanceof Error ? err.message : String(err);
      const state = states.of(slug);
      if (state.lastGood) return { ...state.lastGood, stale: true, staleReason: reason };
      await state.storing;
      const last = await getLastGuide(db, provider.id);
      if (!last) {
        const failure =
          err instanceof UpstreamError
            ? err
            : new UpstreamError(slug, 'bad-body', 'the guide could not be generated');
        state.lastFailure = failure;
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
      const state = states.of(slug);
      state.servedAt = served.generatedAt;
      if (served.stale) {
        // Exponential backoff while the provider keeps failing: 30 s, 60 s, 120 s... up to maxRetryMs.
        state.failures += 1;
        options.ttl = Math.min(maxRetryMs, retryMs * 2 ** (state.failures - 1));
      } else {
        state.failures = 0;
      }
      return served;
    },
  });

  /** Stores a fresh guide as the provider's last good guide, once, unless a newer one replaced it meanwhile. */
  async function compressAndStore(slug: string, providerId: number, served: ServedGuide): Promise<void> {
    const state = states.of(slug);
    const current = () => state.unstored === served;
    const { onStored, logger } = deps;
    await storeBetterCompressed(served, { db, providerId, slug, current, onStored, logger });
    if (current()) state.unstored = null;
  }

  /** Makes again, in the background, the guides players asked for lately whose TTL ends soon. */
  function refreshDue(): string[] {
    const started: string[] = [];
    if (closing.signal.aborted) return started;
    for (const [slug, state] of states.entries()) {
      if (state.askedAt === null) continue;
      if (now() - state.askedAt > 2 * deps.ttlMs) {
        state.askedAt = null;
        continue;
      }
      const left = cache.getRemainingTTL(slug);
      if (left > 0 && left <= leadMs && state.failures === 0) {
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
      const state = states.of(slug);
      state.askedAt = now();
      if (origin) state.origin = origin;
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
        throw state.lastFailure ?? new UpstreamError(slug, 'bad-body', 'the guide could not be generated');
      }
      state.lastFailure = null;
      return served;
    },
    invalidate(slug: string): void {
      states.of(slug).changedAt = wallNow();
      states.changed(slug);
      cache.delete(slug);
    },
    /** After a change that serves every provider (a team alias): each guide is made again on its next request. */
    invalidateAll(): void {
      changedAll = wallNow();
      states.changed();
      cache.clear();
    },
    /** When each provider's current guide was made. */
    guideTimes(): Iterable<[string, Date]> {
      return states.servedTimes();
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
      while (storing.size > 0) await Promise.all(storing);
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
