import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/errors.js';
import { createCircuitBreaker } from '../../src/sources/circuit-breaker.js';
import { createHttpClient, type HttpClientOptions } from '../../src/sources/http-client.js';
import { createRateLimiter } from '../../src/sources/rate-limiter.js';
import { startClosedPortUrl, loopbackPerTest } from '../support/loopback-server.js';

const serve = loopbackPerTest(afterEach);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function fakeClock() {
  const clock = { t: 1_000_000, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    // Time moves when a sleeper wakes (next macrotask), so concurrent callers see a consistent clock.
    sleep: (ms: number) => {
      clock.sleeps.push(ms);
      const wakeAt = clock.t + ms;
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          clock.t = Math.max(clock.t, wakeAt);
          resolve();
        }),
      );
    },
  };
}

function client(url: string, extra: Partial<HttpClientOptions> = {}) {
  const { clock, now, sleep } = fakeClock();
  const http = createHttpClient({
    source: 'espn',
    baseUrl: url,
    timeoutMs: 200,
    random: () => 0.5,
    now,
    sleep,
    ...extra,
  });
  return { http, clock };
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

describe('createHttpClient', () => {
  it('joins the base URL and path and returns the parsed JSON', async () => {
    const srv = await serve((req, res) => sendJson(res, 200, { path: req.url }));
    const { http } = client(`${srv.url}/apis/`);
    await expect(http.getJson('/site/v2/scoreboard?dates=20261125')).resolves.toEqual({
      path: '/apis/site/v2/scoreboard?dates=20261125',
    });
    expect(srv.requests[0]?.headers.accept).toBe('application/json');
    expect(http.stats()).toMatchObject({ source: 'espn', calls: 1, failures: 0, retries: 0 });
  });

  it('decodes a gzip-encoded JSON body', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync(JSON.stringify({ events: [1, 2, 3] })));
    });
    await expect(client(srv.url).http.getJson('/x')).resolves.toEqual({ events: [1, 2, 3] });
  });

  it('retries a 5xx with full-jitter backoff and counts the retries', async () => {
    const srv = await serve((_req, res, i) =>
      i < 2 ? sendJson(res, 503, { error: 'busy' }) : sendJson(res, 200, { ok: true }),
    );
    const { http, clock } = client(srv.url, { backoffBaseMs: 100 });
    await expect(http.getJson('/x')).resolves.toEqual({ ok: true });
    expect(srv.requests).toHaveLength(3);
    // random() = 0.5 of a ceiling of 100 then 200 ms.
    expect(clock.sleeps).toEqual([50, 100]);
    expect(http.stats()).toMatchObject({ calls: 1, failures: 0, retries: 2 });
  });

  it('gives up on a persistent 5xx with an http-status error carrying the status', async () => {
    const srv = await serve((_req, res) => sendJson(res, 502, {}));
    const { http } = client(srv.url, { retries: 1 });
    const err = await rejection(http.getJson('/x'));
    expect(err).toMatchObject({ source: 'espn', reason: 'http-status', status: 502 });
    expect(srv.requests).toHaveLength(2);
    expect(http.stats()).toMatchObject({ failures: 1, retries: 1 });
  });

  it('does not retry a 404 and does not count it against the breaker', async () => {
    const srv = await serve((_req, res) => sendJson(res, 404, {}));
    const { http } = client(srv.url, { breaker: { failureThreshold: 1, resetMs: 1000 } });
    const err = await rejection(http.getJson('/missing'));
    expect(err).toMatchObject({ reason: 'http-status', status: 404 });
    expect(err.message).toContain('GET /missing');
    expect(srv.requests).toHaveLength(1);
    expect(http.stats()).toMatchObject({ breakerTrips: 0, open: false });
  });

  it('honours a 429 Retry-After in seconds and counts it as rate limited', async () => {
    const srv = await serve((_req, res, i) => {
      if (i === 0) {
        res.writeHead(429, { 'retry-after': '2' });
        res.end();
      } else sendJson(res, 200, [1]);
    });
    const { http, clock } = client(srv.url);
    await expect(http.getJson('/x')).resolves.toEqual([1]);
    expect(clock.sleeps).toEqual([2000]);
    expect(http.stats()).toMatchObject({ rateLimited: 1, retries: 1, failures: 0 });
  });

  it('honours a 429 Retry-After given as an HTTP date', async () => {
    const { clock, now, sleep } = fakeClock();
    const srv = await serve((_req, res, i) => {
      if (i === 0) {
        res.writeHead(429, { 'retry-after': new Date(clock.t + 3000).toUTCString() });
        res.end();
      } else sendJson(res, 200, 'ok');
    });
    const http = createHttpClient({ source: 'thesportsdb', baseUrl: srv.url, now, sleep });
    await expect(http.getJson('/x')).resolves.toBe('ok');
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(2000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it('fails with rate-limited at once when Retry-After exceeds the bound', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    });
    const { http, clock } = client(srv.url, { maxRetryAfterMs: 5000 });
    const err = await rejection(http.getJson('/x'));
    expect(err).toMatchObject({ reason: 'rate-limited', status: 429 });
    expect(srv.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('rejects a garbage body as bad-body without retrying', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>maintenance</html>');
    });
    const { http } = client(srv.url);
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'bad-body' });
    expect(srv.requests).toHaveLength(1);
  });

  it('rejects a body over the cap, declared or streamed', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(5000) });
    const srv = await serve((req, res) => {
      if (req.url === '/declared') res.writeHead(200, { 'content-length': big.length });
      res.end(big);
    });
    const { http } = client(srv.url, { maxBodyBytes: 1000 });
    expect(await rejection(http.getJson('/declared'))).toMatchObject({ reason: 'too-large' });
    expect(await rejection(http.getJson('/chunked'))).toMatchObject({ reason: 'too-large' });
  });

  it('times out slow headers and retries them', async () => {
    const srv = await serve(() => undefined);
    const { http } = client(srv.url, { retries: 1 });
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'timeout' });
    expect(srv.requests).toHaveLength(2);
  });

  it('times out a body that starts but never finishes', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"events": [');
    });
    const { http } = client(srv.url, { retries: 0 });
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'timeout' });
  });

  it('reports a refused connection as connect after retrying', async () => {
    const url = await startClosedPortUrl();
    const { http } = client(url, { retries: 2 });
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'connect' });
    expect(http.stats()).toMatchObject({ retries: 2, failures: 1 });
  });

  it('turns a malformed base URL into an UpstreamError', async () => {
    const { http } = client('not a url', { retries: 0 });
    expect(await rejection(http.getJson('/x'))).toBeInstanceOf(UpstreamError);
  });

  it('keeps API keys out of error messages', async () => {
    const srv = await serve((_req, res) => sendJson(res, 404, {}));
    const { http } = client(srv.url, { secrets: ['s3cr3t'] });
    const err = await rejection(http.getJson('/api/v1/json/s3cr3t/lookup.php?id=1'));
    expect(err.message).not.toContain('s3cr3t');
  });

  it('trips the breaker, refuses calls while open, and closes after a good trial', async () => {
    let healthy = false;
    const srv = await serve((_req, res) => sendJson(res, healthy ? 200 : 500, { healthy }));
    const { http, clock } = client(srv.url, {
      retries: 0,
      breaker: { failureThreshold: 2, resetMs: 30_000 },
    });
    await rejection(http.getJson('/x'));
    await rejection(http.getJson('/x'));
    expect(http.stats()).toMatchObject({ breakerTrips: 1, open: true });
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'circuit-open' });
    expect(srv.requests).toHaveLength(2);

    clock.t += 30_000;
    healthy = true;
    await expect(http.getJson('/x')).resolves.toEqual({ healthy: true });
    expect(http.stats()).toMatchObject({ open: false, calls: 4, failures: 3 });
  });

  it('re-opens the breaker when the half-open trial fails', async () => {
    const srv = await serve((_req, res) => sendJson(res, 500, {}));
    const { http, clock } = client(srv.url, {
      retries: 0,
      breaker: { failureThreshold: 1, resetMs: 1000 },
    });
    await rejection(http.getJson('/x'));
    clock.t += 1000;
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'http-status' });
    expect(await rejection(http.getJson('/x'))).toMatchObject({ reason: 'circuit-open' });
    expect(http.stats()).toMatchObject({ breakerTrips: 2, open: true });
    expect(srv.requests).toHaveLength(2);
  });

  it('spaces calls to the per-minute limit with the injected clock', async () => {
    const { clock, now, sleep } = fakeClock();
    const seenAt: number[] = [];
    const srv = await serve((_req, res) => {
      seenAt.push(clock.t);
      sendJson(res, 200, {});
    });
    const http = createHttpClient({
      source: 'thesportsdb',
      baseUrl: srv.url,
      rateLimit: { perMinute: 2 },
      now,
      sleep,
    });
    for (let i = 0; i < 5; i += 1) await http.getJson('/x');
    const start = 1_000_000;
    expect(seenAt).toEqual([start, start, start + 60_000, start + 60_000, start + 120_000]);
    expect(http.stats()).toMatchObject({ throttled: 2, rateLimited: 0 });
  });
});

describe('createCircuitBreaker', () => {
  it('admits a single trial when half-open', () => {
    let t = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 1, resetMs: 100, now: () => t });
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
    t = 100;
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.onSuccess();
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('needs consecutive failures: a success in between resets the count', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, resetMs: 100, now: () => 0 });
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    expect(breaker.state()).toBe('closed');
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
  });
});

describe('createRateLimiter', () => {
  it('lets concurrent callers through no faster than the window allows', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createRateLimiter({ perMinute: 3, now, sleep });
    const grantedAt: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire().then(() => grantedAt.push(clock.t))));
    const byWindow = grantedAt.map((t) => Math.floor((t - 1_000_000) / 60_000));
    expect(byWindow.filter((w) => w === 0)).toHaveLength(3);
    for (let i = 3; i < grantedAt.length; i += 1) {
      expect((grantedAt[i] ?? 0) - (grantedAt[i - 3] ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
  });
});
