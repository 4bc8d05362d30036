// Admin changes reach every instance sharing the database: each change is announced with NOTIFY, and each
// instance drops what it kept of the provider (or of every provider) when another announces one.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';

const CHANNEL = 'epgoat_changes';

/** `slug` null: a change that reaches every provider (a team alias). */
interface Change {
  from: string;
  slug: string | null;
}

export interface ChangeFeedDeps {
  database: Pick<Database, 'listen' | 'notify'>;
  /** Drops what this instance kept of a provider. */
  invalidate: (slug: string) => void;
  invalidateAll: () => void;
  logger?: { warn(obj: object, msg: string): void };
}

export function createChangeFeed(deps: ChangeFeedDeps) {
  const self = randomUUID();
  let stop: (() => Promise<void>) | null = null;

  function received(payload: string): void {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    if (change.from === self) return;
    if (change.slug === null) deps.invalidateAll();
    else if (typeof change.slug === 'string') deps.invalidate(change.slug);
  }

  function announce(slug: string | null): void {
    const change: Change = { from: self, slug };
    void deps.database
      .notify(CHANNEL, JSON.stringify(change))
      .catch((err: unknown) => deps.logger?.warn({ err }, 'could not announce a change to other instances'));
  }

  return {
    /** Starts hearing other instances' changes. */
    async start(): Promise<void> {
      stop ??= await deps.database.listen(CHANNEL, received);
    },
    /** Tells the other instances that a provider changed (null: every provider). */
    announce,
    async close(): Promise<void> {
      const s = stop;
      stop = null;
      await s?.();
    },
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
