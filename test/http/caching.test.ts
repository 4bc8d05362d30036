// HTTP caching of the guide, the playlist and the art as a cache sees it (RFC 9110): entity-tags that are valid and
// distinct, If-None-Match with lists, `*` and weak comparison, 304s carrying the 200's validators and cache fields,
// and Accept-Encoding negotiated with q-values.
import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent } from '../../src/db/events.js';
import { parseEntityTag } from '../../src/http/plugins/conditional-get.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-25T15:00:00Z');
const playlist = (stream: string) =>
  '#EXTM3U\n' +
  '#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET\n' +
  `http://h/live/${stream}.ts\n` +
  '#EXTINF:-1 group-title="NHL",NHL 02: Rangers @ Bruins 8:00 PM ET\n' +
  'http://h/live/2.ts\n';

let upstream: LoopbackServer;
let t: TestApp;
let stream = '1';
let artPath = '';

beforeAll(async () => {
  upstream = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'audio/x-mpegurl' }).end(playlist(stream));
  });
  t = await startTestApp({ now: () => NOW });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'acme', name: 'Acme', playlistUrl: `${upstream.url}/p.m3u`, timezone: 'UTC' })
    .expect(201);
  const event = await insertEvent(t.testDb.database.db, {
    league: 'NBA',
    sport: 'basketball',
    title: 'Los Angeles Lakers at Boston Celtics',
    home_name: 'Boston Celtics',
    away_name: 'Los Angeles Lakers',
    starts_at: new Date('2026-11-26T00:30:00Z'),
  });
  artPath = `/art/${event.id}.png`;
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** The headers a cache stores with a response, which a 304 must carry as the 200 does. */
const CACHE_FIELDS = ['etag', 'cache-control', 'vary', 'last-modified'] as const;

/** The same opaque-tag with the other strength: `"a"` <-> `W/"a"`. */
function otherStrength(etag: string): string {
  return etag.startsWith('W/') ? etag.slice(2) : `W/${etag}`;
}

function expectNotModified(res: LightMyRequestResponse, ok: LightMyRequestResponse): void {
  expect(res.statusCode).toBe(304);
  expect(res.rawPayload.length).toBe(0);
  expect(res.headers['content-type']).toBeUndefined();
  expect(res.headers['content-encoding']).toBeUndefined();
  for (const name of CACHE_FIELDS) expect([name, res.headers[name]]).toEqual([name, ok.headers[name]]);
}

describe.each([
  ['the guide', '/epg/acme.xml'],
  ['the gzip guide file', '/epg/acme.xml.gz'],
  ['the playlist', '/playlist/acme.m3u'],
  ['the art', () => artPath],
])('If-None-Match on %s', (_name, path) => {
  const url = () => (typeof path === 'string' ? path : path());
  let ok: LightMyRequestResponse;
  let etag = '';
  beforeAll(async () => {
    ok = await get(url());
    expect(ok.statusCode).toBe(200);
    etag = String(ok.headers.etag);
  });

  it('answers with a syntactically valid entity-tag', () => {
    expect(parseEntityTag(etag), etag).toBeDefined();
  });

  it('answers 304 to its ETag, keeping the ETag and cache fields of the 200 and no body', async () => {
    expectNotModified(await get(url(), { 'if-none-match': etag }), ok);
  });

  it('answers 304 when a list names its ETag among others', async () => {
    expectNotModified(await get(url(), { 'if-none-match': `"x", ${etag}` }), ok);
    expectNotModified(await get(url(), { 'if-none-match': `W/"y",${etag} , "z"` }), ok);
  });

  it('answers 304 to `*`', async () => {
    expectNotModified(await get(url(), { 'if-none-match': '*' }), ok);
  });

  it('compares weakly: its opaque-tag with the other strength matches', async () => {
    expectNotModified(await get(url(), { 'if-none-match': otherStrength(etag) }), ok);
  });

  it('answers 200 to other entity-tags and to malformed ones', async () => {
    const opaque = parseEntityTag(etag)!.opaque;
    for (const header of [
      '"x"',
      '"x", W/"y"',
      opaque.slice(1, -1),
      `w/${opaque}`,
      `W/${opaque.slice(1)}`,
      '"x", *',
    ]) {
      const res = await get(url(), { 'if-none-match': header });
      expect([header, res.statusCode]).toEqual([header, 200]);
      expect(res.rawPayload.length).toBeGreaterThan(0);
    }
  });
});

describe('the ETags of a provider', () => {
  it("differ between the guide and the playlist, and the playlist's follows its stream URLs", async () => {
    const guide = String((await get('/epg/acme.xml')).headers.etag);
    const list = String((await get('/playlist/acme.m3u')).headers.etag);
    expect(list).not.toBe(guide);
    expect(parseEntityTag(list)?.opaque).not.toBe(parseEntityTag(guide)?.opaque);
    expect((await get('/playlist/acme.m3u', { 'if-none-match': guide })).statusCode).toBe(200);

    stream = '1b';
    try {
      t.services.guides.invalidate('acme');
      const moved = await get('/playlist/acme.m3u', { 'if-none-match': list });
      expect(moved.statusCode).toBe(200);
      expect(moved.body).toContain('http://h/live/1b.ts');
      expect(moved.headers.etag).not.toBe(list);
      // The guide names no stream URL: it is the same guide.
      expect((await get('/epg/acme.xml')).headers.etag).toBe(guide);
    } finally {
      stream = '1';
      t.services.guides.invalidate('acme');
    }
  });
});

describe('Accept-Encoding on the guide', () => {
  let xml = '';
  beforeAll(async () => {
    xml = (await get('/epg/acme.xml', { 'accept-encoding': 'identity' })).body;
    expect(xml).toMatch(/^<\?xml/);
  });

  async function expectCoding(header: string | undefined, coding: 'gzip' | 'identity') {
    const res = await get('/epg/acme.xml', header === undefined ? {} : { 'accept-encoding': header });
    expect([header, res.statusCode]).toEqual([header, 200]);
    expect(res.headers.vary).toBe('accept-encoding');
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    if (coding === 'gzip') {
      expect([header, res.headers['content-encoding']]).toEqual([header, 'gzip']);
      expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(xml);
    } else {
      expect([header, res.headers['content-encoding']]).toEqual([header, undefined]);
      expect(res.body).toBe(xml);
    }
  }

  it('is identity without the header', async () => {
    await expectCoding(undefined, 'identity');
  });

  it('is identity when gzip has q=0', async () => {
    await expectCoding('gzip;q=0', 'identity');
    await expectCoding('gzip;q=0, identity', 'identity');
    await expectCoding('gzip; q=0.0, *', 'identity');
  });

  it('is gzip whatever the case of its name, and for x-gzip', async () => {
    await expectCoding('GZIP', 'gzip');
    await expectCoding('x-gzip', 'gzip');
  });

  it('is the acceptable coding of highest q-value', async () => {
    await expectCoding('br;q=1, gzip;q=0.5', 'gzip');
    await expectCoding('gzip;q=0.5, identity;q=0.8', 'identity');
    await expectCoding('identity;q=0, *', 'gzip');
  });

  it('is 406, varying on Accept-Encoding, when gzip and identity are both refused', async () => {
    for (const header of ['*;q=0', 'identity;q=0', 'gzip;q=0, identity;q=0', 'br, *;q=0']) {
      const res = await get('/epg/acme.xml', { 'accept-encoding': header });
      expect([header, res.statusCode]).toEqual([header, 406]);
      expect(res.headers.vary).toBe('accept-encoding');
      expect(res.json()).toMatchObject({ statusCode: 406, error: 'Not Acceptable' });
    }
  });

  it('is 406 even when If-None-Match would match: the precondition counts only for a 2xx', async () => {
    const { etag } = (await get('/epg/acme.xml')).headers;
    const res = await get('/epg/acme.xml', { 'accept-encoding': '*;q=0', 'if-none-match': String(etag) });
    expect(res.statusCode).toBe(406);
  });

  it('keeps the Vary of a gzip answer on its 304', async () => {
    const ok = await get('/epg/acme.xml', { 'accept-encoding': 'gzip' });
    const res = await get('/epg/acme.xml', {
      'accept-encoding': 'gzip',
      'if-none-match': String(ok.headers.etag),
    });
    expectNotModified(res, ok);
  });

  it('does not matter to the .xml.gz file, which does not vary on it', async () => {
    for (const header of [undefined, '*;q=0', 'gzip;q=0']) {
      const res = await get('/epg/acme.xml.gz', header === undefined ? {} : { 'accept-encoding': header });
      expect([header, res.statusCode]).toEqual([header, 200]);
      expect(res.headers['content-type']).toBe('application/gzip');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
      expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(xml);
    }
  });
});

describe('Accept-Encoding on the playlist and the art', () => {
  it('leaves the playlist identity, varying on it, and 406 when identity is refused', async () => {
    for (const header of ['gzip', 'gzip;q=0', 'x-gzip', 'br;q=1, gzip;q=0.5']) {
      const res = await get('/playlist/acme.m3u', { 'accept-encoding': header });
      expect([header, res.statusCode]).toEqual([header, 200]);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBe('accept-encoding');
      expect(res.body).toMatch(/^#EXTM3U/);
    }
    for (const header of ['*;q=0', 'identity;q=0', 'gzip, *;q=0']) {
      const res = await get('/playlist/acme.m3u', { 'accept-encoding': header });
      expect([header, res.statusCode]).toEqual([header, 406]);
      expect(res.headers.vary).toBe('accept-encoding');
    }
  });

  it('does not matter to the art, a PNG sent as it is', async () => {
    for (const header of ['gzip', '*;q=0']) {
      const res = await get(artPath, { 'accept-encoding': header });
      expect([header, res.statusCode]).toEqual([header, 200]);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
    }
  });
});

describe('a 304 on the wire', () => {
  it('carries the ETag and cache fields of the playlist and no body', async () => {
    const ok = await request(t.url).get('/playlist/acme.m3u').buffer(true);
    const res = await request(t.url)
      .get('/playlist/acme.m3u')
      .set('if-none-match', `"x", ${ok.headers.etag}`);
    expect(res.status).toBe(304);
    expect(res.headers['content-type']).toBeUndefined();
    for (const name of ['etag', 'cache-control', 'vary']) expect(res.headers[name]).toBe(ok.headers[name]);
  });
});
