import { setTimeout as delay } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { UpstreamError } from '../errors.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import {
  createDeadline,
  declaredTooLarge,
  failure,
  sendGet,
  statusFailure,
  withRetries,
  type Attempt,
} from './http-attempt.js';
import { decodeBody, describeUrl, headerValue, readCapped, toUpstreamError } from './http-body.js';
import { createRateLimiter } from './rate-limiter.js';

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
  /** Told of each request sent (retries included), for the per-source call counts. */
  onRequest?: (source: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface HttpClient {
  getJson(pathAndQuery: string): Promise<unknown>;
  /** The body of an absolute URL (a logo on another host) with its content type; errors name only the origin. */
  getBytes(url: string): Promise<{ bytes: Buffer; contentType: string }>;
  stats(): SourceStats;
}

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

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
  const retries = opts.retries ?? 2;
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

  /** JSON, or a `bad-body` failure naming the size. */
  function asJson(bytes: Buffer, label: string, status: number): Attempt<unknown> {
    try {
      return { kind: 'done', value: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      const msg = `${label}: answer is not JSON (${bytes.length} bytes)`;
      return { kind: 'fail', error: new UpstreamError(source, 'bad-body', msg, status) };
    }
  }

  async function attemptOnce<T>(
    url: string,
    label: string,
    read: (bytes: Buffer, label: string, status: number, contentType: string) => Attempt<T>,
  ): Promise<Attempt<T>> {
    const deadline = createDeadline(timeoutMs);
    opts.onRequest?.(source);
    try {
      const sent = await sendGet(
        url,
        { source, label, headers, timeoutMs, dispatcher: opts.dispatcher },
        deadline,
      );
      if (sent.kind !== 'response') return sent;
      const { res } = sent;
      // The body gets a deadline of its own, as long as the one for connect and headers.
      deadline.restart();
      if (res.statusCode < 200 || res.statusCode >= 300) {
        if (res.statusCode === 429) counters.rateLimited += 1;
        return await statusFailure(res, { source, label, now, maxRetryAfterMs });
      }
      const tooLarge = declaredTooLarge(source, res, maxBodyBytes, label);
      if (tooLarge) return tooLarge;
      const decoded = decodeBody(source, res.body, headerValue(res.headers, 'content-encoding'));
      const bytes = await readCapped(source, decoded, maxBodyBytes, label);
      return read(bytes, label, res.statusCode, headerValue(res.headers, 'content-type') ?? '');
    } catch (err) {
      return failure(source, err, deadline, label, timeoutMs);
    } finally {
      deadline.clear();
    }
  }

  async function callWithRetries<T>(
    url: string,
    label: string,
    read: (bytes: Buffer, label: string, status: number, contentType: string) => Attempt<T>,
  ): Promise<T> {
    return withRetries(
      async () => {
        if (limiter && (await limiter.acquire()) > 0) counters.throttled += 1;
        return attemptOnce(url, label, read);
      },
      {
        retries,
        backoffBaseMs,
        backoffMaxMs,
        sleep,
        random,
        onRetry: () => {
          counters.retries += 1;
        },
      },
    );
  }

  /** One call through the breaker, retried as configured. */
  async function call<T>(
    url: string,
    label: string,
    read: (bytes: Buffer, label: string, status: number, contentType: string) => Attempt<T>,
  ): Promise<T> {
    counters.calls += 1;
    if (!breaker.tryAcquire()) {
      counters.failures += 1;
      const msg = `circuit open after ${breakerOpts.failureThreshold} consecutive failures`;
      throw new UpstreamError(source, 'circuit-open', msg);
    }
    try {
      const value = await callWithRetries(url, label, read);
      breaker.onSuccess();
      return value;
    } catch (err) {
      const error = toUpstreamError(source, err, { label });
      counters.failures += 1;
      if (countsAgainstBreaker(error)) breaker.onFailure();
      else breaker.onSuccess();
      throw error;
    }
  }

  return {
    getJson(pathAndQuery) {
      return call(joinUrl(opts.baseUrl, pathAndQuery), describe(pathAndQuery), asJson);
    },
    getBytes(url) {
      return call(url, describeUrl(url), (bytes, _label, _status, contentType) => ({
        kind: 'done',
        value: { bytes, contentType },
      }));
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
