// What the guide service keeps of each provider, in one place: the guide's history in this process (the newest
// one until it is stored, the last fresh one), how its generations fared, and when players last asked for it.
import { LRUCache } from 'lru-cache';
import type { UpstreamError } from '../../errors.js';
import type { ServedGuide } from './served-guide.js';

export interface ProviderGuideState {
  /** Generations that failed in a row, for the backoff (0 after a fresh guide). */
  failures: number;
  /** When players last asked for the guide, on the service's clock; null when not lately. */
  askedAt: number | null;
  /** The origin players last reached the guide at, for the links the next guide carries. */
  origin: string | null;
  /** The newest generated guide until it is stored. */
  unstored: ServedGuide | null;
  /** What the last generation left to store (what matching found, the last good guide), until it is done. */
  storing: Promise<unknown> | null;
  /**
   * The last fresh guide in this process, generation included: when a refresh fails it is served again, stale,
   * so the rewritten playlist stays available too (a guide restored from Postgres has no entries).
   */
  lastGood: ServedGuide | null;
  /** Why the last generation failed while the provider had no guide at all, for the answer that says so. */
  lastFailure: UpstreamError | null;
  /** When the current guide (fresh or stale) was made. */
  servedAt: Date | null;
  /** Wall-clock time of the last admin change to the provider this instance saw. */
  changedAt: number;
}

function freshState(): ProviderGuideState {
  return {
    failures: 0,
    askedAt: null,
    origin: null,
    unstored: null,
    storing: null,
    lastGood: null,
    lastFailure: null,
    servedAt: null,
    changedAt: 0,
  };
}

/** The states of the providers this instance serves, the least recently used dropped past `max`. */
export function createProviderGuideStates(max: number) {
  const states = new LRUCache<string, ProviderGuideState>({ max });
  return {
    /** The provider's state, made when first needed. */
    of(slug: string): ProviderGuideState {
      let state = states.get(slug);
      if (!state) {
        state = freshState();
        states.set(slug, state);
      }
      return state;
    },
    /** The provider's state if it has one, without making it or counting as a use. */
    peek(slug: string): ProviderGuideState | undefined {
      return states.peek(slug);
    },
    entries(): IterableIterator<[string, ProviderGuideState]> {
      return states.entries();
    },
    /** After an admin change: no backoff left, no current guide (`slug` undefined: every provider). */
    changed(slug?: string): void {
      for (const state of slug === undefined ? states.values() : [this.of(slug)]) {
        state.failures = 0;
        state.servedAt = null;
      }
    },
    /** When each provider's current guide was made. */
    *servedTimes(): Iterable<[string, Date]> {
      for (const [slug, state] of states.entries()) if (state.servedAt) yield [slug, state.servedAt];
    },
  };
}
