export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through, in ms. */
  resetMs: number;
  now?: () => number;
}

export interface CircuitBreaker {
  /** True when a call may go out. In half-open state exactly one trial is admitted until it settles. */
  tryAcquire(): boolean;
  onSuccess(): void;
  onFailure(): void;
  state(): BreakerState;
  /** How many times the circuit has opened (a failed half-open trial counts again). */
  trips(): number;
}

export function createCircuitBreaker(opts: CircuitBreakerOptions): CircuitBreaker {
  const now = opts.now ?? Date.now;
  const threshold = Math.max(1, opts.failureThreshold);
  let consecutiveFailures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;
  let tripCount = 0;

  function state(): BreakerState {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= opts.resetMs ? 'half-open' : 'open';
  }

  function open(): void {
    openedAt = now();
    trialInFlight = false;
    tripCount += 1;
  }

  return {
    tryAcquire() {
      const current = state();
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    onSuccess() {
      consecutiveFailures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    onFailure() {
      if (openedAt !== undefined) {
        // A failed half-open trial (or a straggler that started before the trip) re-opens the full window.
        open();
        return;
      }
      consecutiveFailures += 1;
      if (consecutiveFailures >= threshold) open();
    },
    state,
    trips: () => tripCount,
  };
}
