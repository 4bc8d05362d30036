import { setTimeout as delay } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { UpstreamError } from '../errors.js';
import {
  backoffDelay,
  cappedBody,
  decodeBody,
  discard,
  headerValue,
  parseRetryAfter,
  toUpstreamError,
} from './http-body.js';
import { readPlaylistFile, resolvePlaylistPath } from './playlist-file.js';

export interface PlaylistValidators {
  etag?: string;
  lastModified?: string;
}

/**
 * `body` is single-use: iterate it once to the end, or break out of the loop so the connection is
 * released. It yields decoded bytes and throws UpstreamError ('too-large', 'timeout', ...) mid-stream.
 */
export type PlaylistFetch =
  | { status: 'ok'; body: AsyncIterable<Uint8Array>; validators: PlaylistValidators }
  | { status: 'not-modified' };

export interface PlaylistProvider {
  slug: string;
  playlistUrl: string;
}

export interface PlaylistFetcherOptions {
  /** Only `file:` URLs resolving (after symlinks) inside this directory are read. */
  playlistDir: string;
  /** Cap on decoded bytes (default 200 MB). */
  maxBytes?: number;
  /** Connect+headers deadline, in ms (default 15_000). */
  timeoutMs?: number;
  /** Longest silence between body chunks, in ms (default: timeoutMs). */
  bodyTimeoutMs?: number;
  /** Retries on 5xx, 429, timeouts and connection errors before the body starts (default 2). */
  retries?: number;
  maxRedirects?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A 429 asking to wait longer than this fails at once with 'rate-limited' (default 10_000 ms). */
  maxRetryAfterMs?: number;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  dispatcher?: Dispatcher;
}

export interface PlaylistFetcher {
  fetch(provider: PlaylistProvider, validators?: PlaylistValidators): Promise<PlaylistFetch>;
}

type Attempt =
  | { kind: 'done'; result: PlaylistFetch }
  | { kind: 'retry'; error: UpstreamError; waitMs?: number }
  | { kind: 'fail'; error: UpstreamError };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DUMP_LIMIT = 64 * 1024;

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** For admin validation: an http(s) URL, or a `file:` URL lexically inside `playlistDir`. */
export function isAllowedPlaylistUrl(url: string, playlistDir: string): boolean {
  if (/^file:/i.test(url)) return resolvePlaylistPath(url, playlistDir) !== undefined;
  return isHttpUrl(url);
}

/** Playlist URLs often carry credentials in the path or query; messages name only the origin. */
function describeUrl(url: string): string {
  try {
    return `GET ${new URL(url).origin}`;
  } catch {
    return 'GET <invalid URL>';
  }
}

export function createPlaylistFetcher(opts: PlaylistFetcherOptions): PlaylistFetcher {
  const maxBytes = opts.maxBytes ?? 200 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? timeoutMs;
  const retries = Math.max(0, opts.retries ?? 2);
  const maxRedirects = opts.maxRedirects ?? 5;
  const backoffBaseMs = opts.backoffBaseMs ?? 500;
  const backoffMaxMs = opts.backoffMaxMs ?? 10_000;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 10_000;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;

  function requestHeaders(validators?: PlaylistValidators): Record<string, string> {
    const headers: Record<string, string> = {
      accept: '*/*',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': opts.userAgent ?? 'epgoat/0.1',
    };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    return headers;
  }

  async function attemptHttp(
    slug: string,
    firstUrl: string,
    validators: PlaylistValidators | undefined,
  ): Promise<Attempt> {
    const label = describeUrl(firstUrl);
    const headers = requestHeaders(validators);
    const conditional = 'if-none-match' in headers || 'if-modified-since' in headers;
    let url = firstUrl;
    for (let hops = 0; ; hops += 1) {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url, {
          method: 'GET',
          headers,
          signal: controller.signal,
          dispatcher: opts.dispatcher,
          headersTimeout: timeoutMs,
          bodyTimeout: bodyTimeoutMs,
        });
      } catch (err) {
        const error = timedOut
          ? toUpstreamError(slug, undefined, { timedOut, timeoutMs, label })
          : toUpstreamError(slug, err, { label });
        const retryable = error.reason === 'timeout' || error.reason === 'connect';
        return retryable ? { kind: 'retry', error } : { kind: 'fail', error };
      } finally {
        clearTimeout(timer);
      }
      const status = res.statusCode;
      const fail = (reason: UpstreamError['reason'], msg: string): Attempt => ({
        kind: 'fail',
        error: new UpstreamError(slug, reason, `${label}: ${msg}`, status),
      });

      if (status >= 200 && status < 300) {
        const declared = Number(headerValue(res.headers, 'content-length'));
        if (declared > maxBytes) {
          discard(res.body);
          return fail('too-large', `body of ${declared} bytes exceeds ${maxBytes}`);
        }
        const encoding = headerValue(res.headers, 'content-encoding');
        const decoded = decodeBody(slug, res.body, encoding);
        const etag = headerValue(res.headers, 'etag');
        const lastModified = headerValue(res.headers, 'last-modified');
        return {
          kind: 'done',
          result: {
            status: 'ok',
            body: cappedBody(slug, decoded, maxBytes, label),
            validators: {
              ...(etag !== undefined && { etag }),
              ...(lastModified !== undefined && { lastModified }),
            },
          },
        };
      }

      await res.body.dump({ limit: DUMP_LIMIT }).catch(() => undefined);
      const location = headerValue(res.headers, 'location');
      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        if (hops >= maxRedirects) return fail('too-many-redirects', `more than ${maxRedirects}`);
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          return fail('http-status', `HTTP ${status} with an unreadable Location`);
        }
        // A redirect must never turn into a file: read or another scheme.
        if (!isHttpUrl(next)) return fail('forbidden-path', `redirect to a non-http URL`);
        url = next;
        continue;
      }
      if (status === 304) {
        return conditional
          ? { kind: 'done', result: { status: 'not-modified' } }
          : fail('http-status', 'HTTP 304 to an unconditional request');
      }
      const error = new UpstreamError(slug, 'http-status', `${label}: HTTP ${status}`, status);
      if (status === 429) {
        const waitMs = parseRetryAfter(headerValue(res.headers, 'retry-after'), now());
        if (waitMs !== undefined && waitMs > maxRetryAfterMs) {
          return fail('rate-limited', `HTTP 429, Retry-After ${waitMs} ms`);
        }
        return { kind: 'retry', error, waitMs };
      }
      return status >= 500 ? { kind: 'retry', error } : { kind: 'fail', error };
    }
  }

  async function fetchHttp(
    provider: PlaylistProvider,
    validators?: PlaylistValidators,
  ): Promise<PlaylistFetch> {
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await attemptHttp(provider.slug, provider.playlistUrl, validators);
      if (outcome.kind === 'done') return outcome.result;
      if (outcome.kind === 'fail' || attempt >= retries) throw outcome.error;
      await sleep(outcome.waitMs ?? backoffDelay(attempt, backoffBaseMs, backoffMaxMs, random));
    }
  }

  return {
    async fetch(provider, validators) {
      const { slug, playlistUrl } = provider;
      try {
        if (/^file:/i.test(playlistUrl)) {
          return await readPlaylistFile(provider, { playlistDir: opts.playlistDir, maxBytes }, validators);
        }
        if (!isHttpUrl(playlistUrl)) {
          throw new UpstreamError(slug, 'forbidden-path', 'playlist URL is neither http(s) nor file:');
        }
        return await fetchHttp(provider, validators);
      } catch (err) {
        throw toUpstreamError(slug, err, { label: describeUrl(playlistUrl) });
      }
    },
  };
}
