import { setTimeout as delay } from 'node:timers/promises';

export interface RateLimiterOptions {
  perMinute: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when one more call fits in the sliding window; returns how long it waited, in ms. */
  acquire(): Promise<number>;
}

const WINDOW_MS = 60_000;

/** Client-side sliding window: at most `perMinute` calls start within any 60 s span. Waits, never fails. */
export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const limit = Math.max(1, Math.floor(opts.perMinute));
  // Start times of granted calls inside the current window, oldest first.
  const started: number[] = [];

  function prune(at: number): void {
    while (started.length > 0 && (started[0] ?? 0) <= at - WINDOW_MS) started.shift();
  }

  return {
    async acquire() {
      let waited = 0;
      for (;;) {
        const at = now();
        prune(at);
        if (started.length < limit) {
          started.push(at);
          return waited;
        }
        // Re-check after waking: concurrent callers may have taken the freed slot first.
        const wait = Math.max(1, (started[0] ?? at) + WINDOW_MS - at);
        waited += wait;
        await sleep(wait);
      }
    },
  };
}
