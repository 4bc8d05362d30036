// Provider rows kept in memory: a guide request costs no database round trip, and keeps being answered while
// the database is away. Every admin change invalidates the provider's row; a row is read again in the
// background once it is older than the TTL (changes another instance made show within it).
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { getProvider, type ProviderRow } from '../../db/providers.js';
import type { DB } from '../../db/types.js';

export interface ProviderDirectoryDeps {
  db: Kysely<DB>;
  /** How long a row is trusted before it is read again in the background (default 60 s). */
  ttlMs?: number;
  /** Rows kept (default 10,000). */
  max?: number;
}

/** `null` remembers that no live provider has the slug, for a shorter while. */
type Entry = { row: ProviderRow | null };

const MISSING_TTL_MS = 5_000;

export function createProviderDirectory(deps: ProviderDirectoryDeps) {
  const rows = new LRUCache<string, Entry>({
    max: deps.max ?? 10_000,
    ttl: deps.ttlMs ?? 60_000,
    allowStale: true,
    noDeleteOnStaleGet: true,
    allowStaleOnFetchRejection: true,
    noDeleteOnFetchRejection: true,
    fetchMethod: async (slug, _old, { options }) => {
      const row = (await getProvider(deps.db, slug)) ?? null;
      if (!row) options.ttl = MISSING_TTL_MS;
      return { row };
    },
  });

  return {
    /** The live provider with the slug, or undefined. */
    async get(slug: string): Promise<ProviderRow | undefined> {
      return (await rows.fetch(slug))?.row ?? undefined;
    },
    invalidate(slug: string): void {
      rows.delete(slug);
    },
    invalidateAll(): void {
      rows.clear();
    },
  };
}

export type ProviderDirectory = ReturnType<typeof createProviderDirectory>;
