import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaylistFetcher, type PlaylistFetcherOptions } from '../../src/sources/playlist.js';
import { startClosedPortUrl, startLoopbackServer, loopbackPerTest } from '../support/loopback-server.js';
import { acme, failure, readBody } from '../support/playlist-fetch.js';

const serve = loopbackPerTest(afterEach);

const M3U = '#EXTM3U\n#EXTINF:-1 tvg-id="nba1" group-title="NBA",NBA 01: Lakers vs Celtics\nhttp://x/1\n';

function fetcher(extra: Partial<PlaylistFetcherOptions> = {}) {
  const sleeps: number[] = [];
  const f = createPlaylistFetcher({
    playlistDir: '/nonexistent-playlist-dir',
    timeoutMs: 200,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...extra,
  });
  return { f, sleeps };
}

describe('createPlaylistFetcher over HTTP', () => {
  it('streams the playlist body and returns its validators', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 25 Nov 2026 12:00:00 GMT' });
      res.end(M3U);
    });
    const result = await fetcher().f.fetch(acme(`${srv.url}/get.php?username=u&password=p`));
    expect(result).toMatchObject({
      status: 'ok',
      validators: { etag: '"v1"', lastModified: 'Wed, 25 Nov 2026 12:00:00 GMT' },
    });
    expect((await readBody(result)).text).toBe(M3U);
    expect(srv.requests[0]?.url).toBe('/get.php?username=u&password=p');
  });

  it('hands a large body over in many chunks instead of one string', async () => {
    const line = '#EXTINF:-1,Channel\nhttp://x/1\n';
    const srv = await serve(async (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 50; i += 1) {
        res.write(line.repeat(2000));
        await new Promise((r) => setImmediate(r));
      }
      res.end();
    });
    const { text, chunks } = await readBody(await fetcher().f.fetch(acme(srv.url)));
    expect(text.length).toBe(line.length * 2000 * 50);
    expect(chunks).toBeGreaterThan(10);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s-encoded body', async (coding, compress) => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': coding });
      res.end(compress(Buffer.from(M3U)));
    });
    expect((await readBody(await fetcher().f.fetch(acme(srv.url)))).text).toBe(M3U);
    expect(srv.requests[0]?.headers['accept-encoding']).toContain(coding);
  });

  it('reports a corrupt compressed body as bad-body from the iterator', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('this is not gzip at all');
    });
    const result = await fetcher().f.fetch(acme(srv.url));
    expect(await failure(readBody(result))).toMatchObject({ reason: 'bad-body' });
  });

  it('sends the remembered validators and turns a 304 into not-modified', async () => {
    const srv = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v7"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v7"', 'last-modified': 'Tue, 24 Nov 2026 08:00:00 GMT' });
      res.end(M3U);
    });
    const { f } = fetcher();
    const first = await f.fetch(acme(srv.url));
    await readBody(first);
    const validators = first.status === 'ok' ? first.validators : {};
    await expect(f.fetch(acme(srv.url), validators)).resolves.toEqual({ status: 'not-modified' });
    expect(srv.requests[1]?.headers['if-modified-since']).toBe('Tue, 24 Nov 2026 08:00:00 GMT');
  });

  it('does not take a 304 for an unconditional request as not-modified', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(304);
      res.end();
    });
    const err = await failure(fetcher().f.fetch(acme(srv.url)));
    expect(err).toMatchObject({ reason: 'http-status', status: 304 });
  });

  it('follows redirects up to the limit', async () => {
    const srv = await serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      if (hop < 3) res.writeHead(302, { location: `/${hop + 1}` });
      res.end(hop < 3 ? '' : M3U);
    });
    const { f } = fetcher({ maxRedirects: 3 });
    expect((await readBody(await f.fetch(acme(`${srv.url}/0`)))).text).toBe(M3U);
    expect(srv.requests.map((r) => r.url)).toEqual(['/0', '/1', '/2', '/3']);
  });

  it('stops a redirect loop with too-many-redirects', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(301, { location: '/again' });
      res.end();
    });
    const err = await failure(fetcher({ maxRedirects: 5 }).f.fetch(acme(srv.url)));
    expect(err.reason).toBe('too-many-redirects');
    expect(srv.requests).toHaveLength(6);
  });

  it('refuses a redirect into a file: URL', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    expect(await failure(fetcher().f.fetch(acme(srv.url)))).toMatchObject({
      reason: 'forbidden-path',
    });
  });

  it('refuses a declared body over the cap before streaming', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 5000 });
      res.end('x'.repeat(5000));
    });
    const err = await failure(fetcher({ maxBytes: 1000 }).f.fetch(acme(srv.url)));
    expect(err.reason).toBe('too-large');
  });

  it('throws too-large mid-stream when decoded bytes pass the cap', async () => {
    // 1 MB of zeros compresses to about 1 KB: the cap applies to what comes out, not what goes in.
    const bomb = gzipSync(Buffer.alloc(1024 * 1024));
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    const result = await fetcher({ maxBytes: 64 * 1024 }).f.fetch(acme(srv.url));
    expect(await failure(readBody(result))).toMatchObject({ reason: 'too-large' });
  });

  it('retries 5xx answers with backoff and then succeeds', async () => {
    const srv = await serve((_req, res, i) => {
      res.writeHead(i < 2 ? 503 : 200);
      res.end(i < 2 ? 'busy' : M3U);
    });
    const { f, sleeps } = fetcher({ backoffBaseMs: 100 });
    expect((await readBody(await f.fetch(acme(srv.url)))).text).toBe(M3U);
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after the retries on a persistent 5xx', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const err = await failure(fetcher({ retries: 1 }).f.fetch(acme(srv.url)));
    expect(err).toMatchObject({ reason: 'http-status', status: 500 });
    expect(srv.requests).toHaveLength(2);
  });

  it('does not retry a 403', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(403);
      res.end();
    });
    expect(await failure(fetcher().f.fetch(acme(srv.url)))).toMatchObject({ status: 403 });
    expect(srv.requests).toHaveLength(1);
  });

  it('waits out a 429 Retry-After before retrying', async () => {
    const srv = await serve((_req, res, i) => {
      res.writeHead(i === 0 ? 429 : 200, i === 0 ? { 'retry-after': '1' } : {});
      res.end(i === 0 ? '' : M3U);
    });
    const { f, sleeps } = fetcher();
    expect((await readBody(await f.fetch(acme(srv.url)))).text).toBe(M3U);
    expect(sleeps).toEqual([1000]);
  });

  it('times out slow headers and retries', async () => {
    const srv = await serve(() => undefined);
    const err = await failure(fetcher({ retries: 1 }).f.fetch(acme(srv.url)));
    expect(err.reason).toBe('timeout');
    expect(srv.requests).toHaveLength(2);
  });

  it('times out a body that stalls mid-stream', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200);
      res.write('#EXTM3U\n');
    });
    const result = await fetcher({ bodyTimeoutMs: 200 }).f.fetch(acme(srv.url));
    expect(await failure(readBody(result))).toMatchObject({ reason: 'timeout' });
  });

  it('reports a refused connection as connect', async () => {
    const url = await startClosedPortUrl();
    const { f, sleeps } = fetcher({ retries: 2 });
    expect(await failure(f.fetch(acme(url)))).toMatchObject({ reason: 'connect' });
    expect(sleeps).toHaveLength(2);
  });

  it('keeps credentials in the URL out of error messages', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(401);
      res.end();
    });
    const err = await failure(fetcher().f.fetch(acme(`${srv.url}/live/bob/hunter2/get.php?pw=x`)));
    expect(err.message).not.toMatch(/bob|hunter2|pw=/);
    expect(err.message).toContain('127.0.0.1');
  });

  it('rejects schemes other than http(s) and file', async () => {
    const err = await failure(fetcher().f.fetch(acme('ftp://example.com/list.m3u')));
    expect(err.reason).toBe('forbidden-path');
  });

  it('closes the connection when the reader stops early', async () => {
    let markClosed = () => undefined as void;
    const socketClosed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    const srv = await serve((req, res) => {
      req.socket.once('close', () => markClosed());
      res.writeHead(200);
      res.write(M3U);
    });
    const result = await fetcher({ bodyTimeoutMs: 60_000 }).f.fetch(acme(srv.url));
    if (result.status !== 'ok') throw new Error('expected ok');
    for await (const chunk of result.body) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    // The server never ends the response and the body timeout is far away: only the reader's
    // break can close the socket this soon.
    const tooLate = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 2000));
    await expect(Promise.race([socketClosed.then(() => 'closed'), tooLate])).resolves.toBe('closed');
  });
});

describe('credentials in a playlist URL', () => {
  it('go as HTTP Basic auth, not in the URL, and not to another origin a redirect names', async () => {
    const other = await startLoopbackServer((_req, res) => {
      res.writeHead(200).end(M3U);
    });
    const srv = await serve((req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('user:p@ss').toString('base64')}`) {
        res.writeHead(401).end();
        return;
      }
      if (req.url === '/moved') {
        res.writeHead(302, { location: `${other.url}/elsewhere` }).end();
        return;
      }
      res.writeHead(200).end(M3U);
    });
    const withCreds = (path: string) => srv.url.replace('http://', 'http://user:p%40ss@') + path;
    const ok = await fetcher().f.fetch(acme(withCreds('/get.php')));
    expect((await readBody(ok)).text).toBe(M3U);
    expect(srv.requests[0]?.url).toBe('/get.php');
    await readBody(await fetcher().f.fetch(acme(withCreds('/moved'))));
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    await other.close();
  });

  it('never appear in an error message', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(500).end();
    });
    const err = await failure(
      fetcher({ retries: 0 }).f.fetch(acme(srv.url.replace('http://', 'http://user:secret@'))),
    );
    expect(err.message).not.toContain('secret');
    expect(err.message).not.toContain('user');
  });
});

describe('one deadline for the whole fetch', () => {
  it('ends a host that drips one byte at a time, however steadily, at the overall deadline', async () => {
    const srv = await serve(async (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 100 && !res.destroyed; i += 1) {
        res.write('#');
        await new Promise((r) => setTimeout(r, 50));
      }
      res.end();
    });
    const result = await fetcher({ overallTimeoutMs: 400, timeoutMs: 5_000 }).f.fetch(acme(srv.url));
    const err = await failure(readBody(result));
    expect(err.reason).toBe('timeout');
    expect(err.message).toMatch(/whole playlist did not arrive within 400 ms/);
  });

  it('counts retries and redirects against the same deadline', async () => {
    const srv = await serve(() => undefined);
    const err = await failure(
      fetcher({
        overallTimeoutMs: 300,
        timeoutMs: 5_000,
        retries: 5,
        sleep: () => Promise.resolve(),
      }).f.fetch(acme(srv.url)),
    );
    expect(err.reason).toBe('timeout');
  });
});

describe('an error after a redirect', () => {
  it('names the host that failed, and the one that redirected to it', async () => {
    const broken = await startLoopbackServer((_req, res) => {
      res.writeHead(500).end();
    });
    const srv = await serve((_req, res) => {
      res.writeHead(302, { location: `${broken.url}/real.m3u` }).end();
    });
    const err = await failure(fetcher({ retries: 0 }).f.fetch(acme(`${srv.url}/get.php`)));
    expect(err.message).toContain(broken.url);
    expect(err.message).toContain(`redirected from ${srv.url}`);
    await broken.close();
  });
});
