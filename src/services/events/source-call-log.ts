// Requests made to each source, counted per UTC day in memory and added to `source_calls` every few seconds
// (and on `flush`), so the cost report survives restarts without a write per request.
import type { Kysely } from 'kysely';
import { addSourceCalls } from '../../db/source-calls.js';
import type { DB } from '../../db/types.js';

export interface SourceCallLog {
  /** One request to `source` was sent. */
  count(source: string): void;
  /** Writes what was counted; settles once written. */
  flush(): Promise<void>;
  /** Stops the timer after a last flush. */
  close(): Promise<void>;
}

export function createSourceCallLog(deps: {
  db: Kysely<DB>;
  now: () => Date;
  flushEveryMs?: number;
  onError?: (err: unknown) => void;
}): SourceCallLog {
  let counts = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: Map<string, number>): Promise<void> {
    for (const [key, calls] of batch) {
      const [day, source] = key.split('|') as [string, string];
      try {
        await addSourceCalls(deps.db, day, source, calls);
      } catch (err) {
        deps.onError?.(err);
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = counts;
    counts = new Map();
    writing = writing.then(() => (batch.size > 0 ? write(batch) : undefined));
    return writing;
  }

  return {
    count(source) {
      const key = `${deps.now().toISOString().slice(0, 10)}|${source}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!timer) {
        timer = setTimeout(() => void flush(), deps.flushEveryMs ?? 5_000);
        timer.unref();
      }
    },
    flush,
    close: flush,
  };
}
