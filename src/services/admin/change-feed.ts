// Admin changes and new guides reach every instance sharing the database: each is announced with NOTIFY. On an
// admin change the others drop what they kept of the provider (or of every provider); on a new guide they read
// it from the database in the background, serving the one they have meanwhile.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';

const CHANNEL = 'epgoat_changes';

/** `slug` null: a change that reaches every provider (a team alias). `guide`: a new guide was stored. */
interface Change {
  from: string;
  slug: string | null;
  guide?: true;
}

export interface ChangeFeedDeps {
  database: Pick<Database, 'listen' | 'notify'>;
  /** Drops what this instance kept of a provider (null: of every provider). */
  heard: (slug: string | null) => void;
  /** Takes up the provider's guide another instance stored. */
  refresh?: (slug: string) => void;
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
    if (change.guide && typeof change.slug === 'string') deps.refresh?.(change.slug);
    else if (change.slug === null || typeof change.slug === 'string') deps.heard(change.slug);
  }

  function send(change: Change): void {
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
    announce: (slug: string | null) => send({ from: self, slug }),
    /** Tells the other instances that this one stored a new guide of the provider. */
    announceGuide: (slug: string) => send({ from: self, slug, guide: true }),
    async close(): Promise<void> {
      const s = stop;
      stop = null;
      await s?.();
    },
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
