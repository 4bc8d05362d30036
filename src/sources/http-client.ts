import { setTimeout as delay } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { UpstreamError } from '../errors.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { createRateLimiter } from './rate-limiter.js';
import {
  backoffDelay,
  decodeBody,
  discard,
  headerValue,
  parseRetryAfter,
  readCapped,
  toUpstreamError,
} from './http-body.js';

export interface SourceStats {
  source: string;
  /** getJson calls, including ones refused by an open circuit. */
  calls: number;
  /** getJson calls that ended in an UpstreamError. */
  failures: number;
  /** Extra attempts after a retryable failure (5xx, 429, timeout, connection error). */
  retries: number;
  breakerTrips: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Circuit not closed (open, or half-open waiting for its trial). */
  open: boolean;
  /** Requests that had to wait for the client-side rate limit. */
  throttled?: number;
}

export interface HttpClientOptions {
  /** 'espn' | 'thesportsdb' | provider slug: used in UpstreamError and stats. */
  source: string;
  baseUrl: string;
  /** Connect+headers deadline, then a separate deadline for the whole body, in ms (default 10_000). */
  timeoutMs?: number;
  /** Retries on 5xx, 429, timeouts and connection errors (default 2); exponential backoff, full jitter. */
  retries?: number;
  /** Backoff ceiling for the first retry, doubled per retry, in ms (default 250). */
  backoffBaseMs?: number;
  /** Upper bound of any one backoff, in ms (default 5_000). */
  backoffMaxMs?: number;
  /** Default 5 consecutive failed calls open the circuit for 30 s. */
  breaker?: { failureThreshold: number; resetMs: number };
  /** Client-side sliding window; waits, does not fail. */
  rateLimit?: { perMinute: number };
  headers?: Record<string, string>;
  dispatcher?: Dispatcher;
  /** Decoded JSON bodies larger than this fail with 'too-large' (default 20 MB). */
  maxBodyBytes?: number;
  /** A 429 asking to wait longer than this fails at once with 'rate-limited' (default 10_000 ms). */
  maxRetryAfterMs?: number;
  /** Strings scrubbed from error messages, e.g. an API key that sits in the path. */
  secrets?: string[];
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface HttpClient {
  getJson(pathAndQuery: string): Promise<unknown>;
  stats(): SourceStats;
}

type Attempt =
  | { kind: 'ok'; value: unknown }
  | { kind: 'retry'; error: UpstreamError; waitMs?: number }
  | { kind: 'fail'; error: UpstreamError };

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;
const DUMP_LIMIT = 64 * 1024;

export function joinUrl(baseUrl: string, pathAndQuery: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return pathAndQuery.startsWith('/') ? base + pathAndQuery : `${base}/${pathAndQuery}`;
}

/** A 4xx other than 429 means the upstream is up and answered; it must not trip the breaker. */
function countsAgainstBreaker(error: UpstreamError): boolean {
  if (error.reason !== 'http-status' || error.status === undefined) return true;
  return error.status >= 500 || error.status === 429;
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const { source } = opts;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retries = Math.max(0, opts.retries ?? 2);
  const backoffBaseMs = opts.backoffBaseMs ?? 250;
  const backoffMaxMs = opts.backoffMaxMs ?? 5_000;
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 10_000;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const breakerOpts = opts.breaker ?? { failureThreshold: 5, resetMs: 30_000 };
  const breaker = createCircuitBreaker({ ...breakerOpts, now });
  const limiter = opts.rateLimit
    ? createRateLimiter({ perMinute: opts.rateLimit.perMinute, now, sleep })
    : undefined;
  const headers = {
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': 'epgoat/0.1',
    ...opts.headers,
  };
  const counters = { calls: 0, failures: 0, retries: 0, rateLimited: 0, throttled: 0 };

  function scrub(text: string): string {
    let out = text;
    for (const secret of opts.secrets ?? []) if (secret) out = out.split(secret).join('***');
    return out;
  }

  function describe(pathAndQuery: string): string {
    return `GET ${scrub(pathAndQuery.split('?')[0] ?? '')}`;
  }

  async function attemptOnce(url: string, label: string): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const arm = () =>
      setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    let timer = arm();
    try {
      const res = await request(url, {
        method: 'GET',
        headers,
        signal: controller.signal,
        dispatcher: opts.dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      clearTimeout(timer);
      timer = arm();
      const status = res.statusCode;
      if (status >= 200 && status < 300) {
        const declared = Number(headerValue(res.headers, 'content-length'));
        if (declared > maxBodyBytes) {
          discard(res.body);
          const msg = `${label}: body of ${declared} bytes exceeds ${maxBodyBytes}`;
          return { kind: 'fail', error: new UpstreamError(source, 'too-large', msg, status) };
        }
        const decoded = decodeBody(source, res.body, headerValue(res.headers, 'content-encoding'));
        const bytes = await readCapped(source, decoded, maxBodyBytes, label);
        try {
          return { kind: 'ok', value: JSON.parse(bytes.toString('utf8')) as unknown };
        } catch {
          const msg = `${label}: answer is not JSON (${bytes.length} bytes)`;
          return { kind: 'fail', error: new UpstreamError(source, 'bad-body', msg, status) };
        }
      }
      await res.body.dump({ limit: DUMP_LIMIT }).catch(() => undefined);
      const error = new UpstreamError(source, 'http-status', `${label}: HTTP ${status}`, status);
      if (status === 429) {
        counters.rateLimited += 1;
        const waitMs = parseRetryAfter(headerValue(res.headers, 'retry-after'), now());
        const limited = (msg: string) => new UpstreamError(source, 'rate-limited', msg, status);
        if (waitMs !== undefined && waitMs > maxRetryAfterMs) {
          return { kind: 'fail', error: limited(`${label}: HTTP 429, Retry-After ${waitMs} ms`) };
        }
        return { kind: 'retry', error: limited(`${label}: HTTP 429`), waitMs };
      }
      return status >= 500 ? { kind: 'retry', error } : { kind: 'fail', error };
    } catch (err) {
      // Once our deadline fires, whatever the abort surfaced as (even inside the body reader) is a timeout.
      const error = timedOut
        ? toUpstreamError(source, undefined, { timedOut, timeoutMs, label })
        : toUpstreamError(source, err, { label });
      const retryable = error.reason === 'timeout' || error.reason === 'connect';
      return retryable ? { kind: 'retry', error } : { kind: 'fail', error };
    } finally {
      clearTimeout(timer);
    }
  }

  async function callWithRetries(pathAndQuery: string): Promise<unknown> {
    const url = joinUrl(opts.baseUrl, pathAndQuery);
    const label = describe(pathAndQuery);
    for (let attempt = 0; ; attempt += 1) {
      if (limiter && (await limiter.acquire()) > 0) counters.throttled += 1;
      const outcome = await attemptOnce(url, label);
      if (outcome.kind === 'ok') return outcome.value;
      if (outcome.kind === 'fail' || attempt >= retries) throw outcome.error;
      counters.retries += 1;
      await sleep(outcome.waitMs ?? backoffDelay(attempt, backoffBaseMs, backoffMaxMs, random));
    }
  }

  return {
    async getJson(pathAndQuery) {
      counters.calls += 1;
      if (!breaker.tryAcquire()) {
        counters.failures += 1;
        const msg = `circuit open after ${breakerOpts.failureThreshold} consecutive failures`;
        throw new UpstreamError(source, 'circuit-open', msg);
      }
      try {
        const value = await callWithRetries(pathAndQuery);
        breaker.onSuccess();
        return value;
      } catch (err) {
        const error = toUpstreamError(source, err, { label: describe(pathAndQuery) });
        counters.failures += 1;
        if (countsAgainstBreaker(error)) breaker.onFailure();
        else breaker.onSuccess();
        throw error;
      }
    },
    stats() {
      return {
        source,
        calls: counters.calls,
        failures: counters.failures,
        retries: counters.retries,
        breakerTrips: breaker.trips(),
        rateLimited: counters.rateLimited,
        open: breaker.state() !== 'closed',
        throttled: counters.throttled,
      };
    },
  };
}
