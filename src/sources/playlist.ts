import type { Dispatcher } from 'undici';
import { UpstreamError } from '../errors.js';
import {
  createDeadline,
  declaredTooLarge,
  sendGet,
  statusFailure,
  withRetries,
  type Attempt,
  type Failed,
} from './http-attempt.js';
import { cappedBody, decodeBody, describeUrl, headerValue, toUpstreamError } from './http-body.js';
import { readPlaylistFile, resolvePlaylistPath } from './playlist-file.js';
import type { PlaylistFetch, PlaylistValidators } from './playlist-fetch.js';

export type { PlaylistFetch, PlaylistValidators } from './playlist-fetch.js';

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
  /**
   * One deadline for the whole fetch, in ms: connect, headers, redirects, retries and the body streamed to its
   * end (default 20_000). A host that drips bytes cannot hold a generation past it.
   */
  overallTimeoutMs?: number;
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

/** The URL without `user:password@`, and those credentials as a Basic `authorization` value. */
export function withoutCredentials(url: string): { url: string; authorization?: string } {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { url };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return {
    url: parsed.href,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

export function createPlaylistFetcher(opts: PlaylistFetcherOptions): PlaylistFetcher {
  const maxBytes = opts.maxBytes ?? 200 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? timeoutMs;
  const overallTimeoutMs = opts.overallTimeoutMs ?? 20_000;
  const retries = opts.retries ?? 2;
  const maxRedirects = opts.maxRedirects ?? 5;
  const backoffBaseMs = opts.backoffBaseMs ?? 500;
  const backoffMaxMs = opts.backoffMaxMs ?? 10_000;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 10_000;
  const { sleep, random } = opts;
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
    until: number,
  ): Promise<Attempt<PlaylistFetch>> {
    // Names the host being asked: after a redirect, the one that failed, not the first.
    let label = describeUrl(firstUrl);
    const { url: bareUrl, authorization } = withoutCredentials(firstUrl);
    const headers = requestHeaders(validators);
    const conditional = 'if-none-match' in headers || 'if-modified-since' in headers;
    // Credentials in the URL go as HTTP Basic auth, to its origin only: a redirect elsewhere does not get them.
    const origin = new URL(bareUrl).origin;
    const headersFor = (url: string) =>
      authorization && new URL(url).origin === origin ? { ...headers, authorization } : headers;
    let url = bareUrl;
    for (let hops = 0; ; hops += 1) {
      // The deadline covers connect and headers; the body then streams under undici's bodyTimeout.
      const left = until - now();
      if (left <= 0) {
        const msg = `${label}: no playlist within ${overallTimeoutMs} ms`;
        return { kind: 'fail', error: new UpstreamError(slug, 'timeout', msg) };
      }
      const deadline = createDeadline(Math.min(timeoutMs, left));
      const send = {
        source: slug,
        label,
        headers: headersFor(url),
        timeoutMs: Math.min(timeoutMs, left),
        bodyTimeoutMs,
        dispatcher: opts.dispatcher,
      };
      const sent = await sendGet(url, send, deadline).finally(() => deadline.clear());
      if (sent.kind !== 'response') return sent;
      const { res } = sent;
      const status = res.statusCode;
      const fail = (reason: UpstreamError['reason'], msg: string): Failed => ({
        kind: 'fail',
        error: new UpstreamError(slug, reason, `${label}: ${msg}`, status),
      });

      if (status >= 200 && status < 300) {
        const tooLarge = declaredTooLarge(slug, res, maxBytes, label);
        if (tooLarge) return tooLarge;
        const decoded = decodeBody(slug, res.body, headerValue(res.headers, 'content-encoding'));
        const etag = headerValue(res.headers, 'etag');
        const lastModified = headerValue(res.headers, 'last-modified');
        return {
          kind: 'done',
          value: {
            status: 'ok',
            body: cappedBody(slug, decoded, maxBytes, label, {
              until,
              now,
              message: `the whole playlist did not arrive within ${overallTimeoutMs} ms`,
            }),
            validators: {
              ...(etag !== undefined && { etag }),
              ...(lastModified !== undefined && { lastModified }),
            },
          },
        };
      }

      const location = headerValue(res.headers, 'location');
      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        await res.body.dump({ limit: DUMP_LIMIT }).catch(() => undefined);
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
        label = `${describeUrl(next)} (redirected from ${new URL(bareUrl).origin})`;
        continue;
      }
      if (status === 304) {
        await res.body.dump({ limit: DUMP_LIMIT }).catch(() => undefined);
        return conditional
          ? { kind: 'done', value: { status: 'not-modified' } }
          : fail('http-status', 'HTTP 304 to an unconditional request');
      }
      return statusFailure(res, { source: slug, label, now, maxRetryAfterMs });
    }
  }

  function fetchHttp(provider: PlaylistProvider, validators?: PlaylistValidators): Promise<PlaylistFetch> {
    const until = now() + overallTimeoutMs;
    return withRetries(() => attemptHttp(provider.slug, provider.playlistUrl, validators, until), {
      retries,
      backoffBaseMs,
      backoffMaxMs,
      sleep,
      random,
    });
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
