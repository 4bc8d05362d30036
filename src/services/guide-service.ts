import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { getLastGuide, saveGuide } from '../db/guides.js';
import type { ProviderRow } from '../db/providers.js';
import { getProvider } from '../db/providers.js';
import { NotFoundError, UpstreamError } from '../errors.js';
import type { GeneratedGuide, GuideProvider, MatchReport } from './guide-contracts.js';
import type { GuideGenerator } from './guide-generator.js';

export interface ServedGuide {
  etag: string;
  xmlGzip: Buffer;
  generatedAt: Date;
  /** True when this is the last good guide from Postgres because a fresh one could not be made. */
  stale: boolean;
  /** The generation behind it; absent for a guide restored from Postgres. */
  generation?: GeneratedGuide;
  report: MatchReport;
}

export interface GuideServiceDeps {
  db: Kysely<DB>;
  generator: GuideGenerator;
  ttlMs: number;
  /** How long a fallback (stale) guide is served before a fresh one is tried again. */
  retryAfterFailureMs?: number;
  maxProviders?: number;
  logger?: Pick<Logger, 'warn' | 'info' | 'error'>;
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
 * Per-provider guide cache with single flight: concurrent requests for one provider share one generation.
 * A failed generation serves the last good guide kept in Postgres; a provider that never had one gets a 502.
 */
export function createGuideService(deps: GuideServiceDeps) {
  const { db } = deps;

  async function produce(slug: string): Promise<ServedGuide> {
    const row = await getProvider(db, slug);
    if (!row) throw new NotFoundError(`no provider '${slug}'`);
    const provider = toGuideProvider(row);
    try {
      const generation = await deps.generator.generate(provider);
      deps.logger?.info(
        { provider: slug, stageMs: generation.timings, bytes: generation.xmlGzip.length },
        'guide generated',
      );
      const served: ServedGuide = {
        etag: generation.etag,
        xmlGzip: generation.xmlGzip,
        generatedAt: generation.generatedAt,
        stale: false,
        generation,
        report: generation.report,
      };
      await saveGuide(db, provider.id, served).catch((err: unknown) =>
        deps.logger?.error({ err, provider: slug }, 'could not store the last good guide'),
      );
      return served;
    } catch (err) {
      if (err instanceof NotFoundError) throw err;
      deps.logger?.warn({ err, provider: slug }, 'guide generation failed; trying the last good guide');
      const last = await getLastGuide(db, provider.id);
      if (!last) {
        if (err instanceof UpstreamError) throw err;
        throw new UpstreamError(slug, 'bad-body', 'the guide could not be generated');
      }
      return {
        etag: last.etag,
        xmlGzip: last.xmlGzip,
        generatedAt: last.generatedAt,
        stale: true,
        report: last.report as MatchReport,
      };
    }
  }

  const cache = new LRUCache<string, ServedGuide>({
    max: deps.maxProviders ?? 500,
    ttl: deps.ttlMs,
    fetchMethod: async (slug, _stale, { options }) => {
      const served = await produce(slug);
      if (served.stale) options.ttl = deps.retryAfterFailureMs ?? Math.min(deps.ttlMs, 60_000);
      return served;
    },
  });

  return {
    /** The current guide of a provider, generated at most once per TTL however many ask at once. */
    async getGuide(slug: string): Promise<ServedGuide> {
      const served = await cache.fetch(slug);
      if (!served) throw new UpstreamError(slug, 'bad-body', 'the guide could not be generated');
      return served;
    },
    invalidate(slug: string): void {
      cache.delete(slug);
    },
  };
}

export type GuideService = ReturnType<typeof createGuideService>;
