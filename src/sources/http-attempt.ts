// One HTTP GET attempt and the retry loop around it, shared by the JSON sources and the playlist fetcher:
// our own deadline, what each status means, and when to try again.
import { setTimeout as delay } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { UpstreamError } from '../errors.js';
import { backoffDelay, discard, headerValue, parseRetryAfter, toUpstreamError } from './http-body.js';

export type Attempt<T> =
  | { kind: 'done'; value: T }
  | { kind: 'retry'; error: UpstreamError; waitMs?: number }
  | { kind: 'fail'; error: UpstreamError };

export type Failed = Exclude<Attempt<never>, { kind: 'done' }>;

const DUMP_LIMIT = 64 * 1024;

/** Our own deadline: it aborts `signal` when it fires, and then anything the abort surfaces as is a timeout. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly fired: boolean;
  /** Starts the deadline again from now (for the next phase, such as reading the body). */
  restart(): void;
  clear(): void;
}

export function createDeadline(ms: number): Deadline {
  const controller = new AbortController();
  let fired = false;
  const arm = () =>
    setTimeout(() => {
      fired = true;
      controller.abort();
    }, ms);
  let timer = arm();
  return {
    signal: controller.signal,
    get fired() {
      return fired;
    },
    restart() {
      clearTimeout(timer);
      timer = arm();
    },
    clear() {
      clearTimeout(timer);
    },
  };
}

export interface SendOptions {
  source: string;
  /** What is being fetched, safe to log (never a query string or credentials). */
  label: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Longest silence between body chunks (default: timeoutMs). */
  bodyTimeoutMs?: number;
  dispatcher?: Dispatcher;
}

/**
 * Sends one GET under `deadline`. Resolves to the response, or to the failed attempt: a timeout or a
 * connection error may be retried, anything else may not.
 */
export async function sendGet(
  url: string,
  opts: SendOptions,
  deadline: Deadline,
): Promise<{ kind: 'response'; res: Dispatcher.ResponseData } | Failed> {
  try {
    const res = await request(url, {
      method: 'GET',
      headers: opts.headers,
      signal: deadline.signal,
      dispatcher: opts.dispatcher,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.bodyTimeoutMs ?? opts.timeoutMs,
    });
    return { kind: 'response', res };
  } catch (err) {
    return failure(opts.source, err, deadline, opts.label, opts.timeoutMs);
  }
}

/** An error thrown during an attempt, as a failed attempt; once our deadline fired it is a timeout. */
export function failure(
  source: string,
  err: unknown,
  deadline: Deadline,
  label: string,
  timeoutMs: number,
): Failed {
  const error = deadline.fired
    ? toUpstreamError(source, undefined, { timedOut: true, timeoutMs, label })
    : toUpstreamError(source, err, { label });
  const retryable = error.reason === 'timeout' || error.reason === 'connect';
  return retryable ? { kind: 'retry', error } : { kind: 'fail', error };
}

/** A 2xx whose declared length is over the cap fails at once, without reading the body. */
export function declaredTooLarge(
  source: string,
  res: Dispatcher.ResponseData,
  maxBytes: number,
  label: string,
): Failed | null {
  const declared = Number(headerValue(res.headers, 'content-length'));
  if (!(declared > maxBytes)) return null;
  discard(res.body);
  const msg = `${label}: body of ${declared} bytes exceeds ${maxBytes}`;
  return { kind: 'fail', error: new UpstreamError(source, 'too-large', msg, res.statusCode) };
}

export interface StatusOptions {
  source: string;
  label: string;
  now: () => number;
  /** A 429 asking to wait longer than this fails at once with 'rate-limited'. */
  maxRetryAfterMs: number;
}

/**
 * What an answer that is neither a success nor a redirect means: 5xx may be retried, 429 too (after its
 * Retry-After), anything else fails. The body is drained so the connection can be reused.
 */
export async function statusFailure(res: Dispatcher.ResponseData, opts: StatusOptions): Promise<Failed> {
  await res.body.dump({ limit: DUMP_LIMIT }).catch(() => undefined);
  const status = res.statusCode;
  const { source, label } = opts;
  if (status === 429) {
    const waitMs = parseRetryAfter(headerValue(res.headers, 'retry-after'), opts.now());
    const limited = (msg: string) => new UpstreamError(source, 'rate-limited', msg, status);
    if (waitMs !== undefined && waitMs > opts.maxRetryAfterMs) {
      return { kind: 'fail', error: limited(`${label}: HTTP 429, Retry-After ${waitMs} ms`) };
    }
    return { kind: 'retry', error: limited(`${label}: HTTP 429`), waitMs };
  }
  const error = new UpstreamError(source, 'http-status', `${label}: HTTP ${status}`, status);
  return status >= 500 ? { kind: 'retry', error } : { kind: 'fail', error };
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** Backoff ceiling for the first retry, doubled per retry, in ms. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each retry's wait. */
  onRetry?: () => void;
}

/**
 * Runs `attempt` until it is done or fails for good, or the retries are spent (then its last error is
 * thrown). Between attempts it waits the server's Retry-After, else a full-jitter backoff.
 */
export async function withRetries<T>(attempt: () => Promise<Attempt<T>>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const random = opts.random ?? Math.random;
  const retries = Math.max(0, opts.retries);
  for (let n = 0; ; n += 1) {
    const outcome = await attempt();
    if (outcome.kind === 'done') return outcome.value;
    if (outcome.kind === 'fail' || n >= retries) throw outcome.error;
    opts.onRetry?.();
    await sleep(outcome.waitMs ?? backoffDelay(n, opts.backoffBaseMs, opts.backoffMaxMs, random));
  }
}
