import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatXmltvTime } from '../../src/domain/xmltv/writer.js';
import { CORPUS_NOW, CORPUS_ZONE, corpusPlaylistText, loadCorpusLabels } from '../support/corpus.js';
import type { LoopbackServer } from '../support/loopback-server.js';
import { startLoopbackServer } from '../support/loopback-server.js';
import type { TestApp } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';
import {
  hasTvValidateFile,
  hasXmllint,
  validateWithTvValidateFile,
  validateWithXmllint,
  warnMissingValidators,
} from '../support/xmltv-validate.js';

const playlistText = corpusPlaylistText();
const labels = loadCorpusLabels();
const NOW = CORPUS_NOW;
const TZ = CORPUS_ZONE;

// Two good entries, a movie, an #EXTINF with an open quote (its URL goes with it) and a stray URL line.
const MALFORMED_PLAYLIST = [
  '#EXTM3U',
  '#EXTINF:-1 group-title="NBA",NBA 01: Lakers vs Celtics 7:30 PM ET',
  'http://h/live/u/p/1.ts',
  '#EXTINF:-1 tvg-name="open quote,NBA 02: Heat vs Knicks',
  'http://h/live/u/p/2.ts',
  'http://h/live/u/p/stray.ts',
  '#EXTINF:-1,Dark Night (2008)',
  'http://h/movie/u/p/3.mkv',
  '#EXTINF:-1 group-title="NHL",NHL 09:',
  'http://h/live/u/p/4.ts',
].join('\n');

let t: TestApp;
let upstream: LoopbackServer;
/** Paths the upstream fails with this status; a test fails only the playlist of a provider of its own. */
const failing = new Map<string, number>();
const etag = `"${createHash('sha1').update(playlistText).digest('hex').slice(0, 16)}"`;

interface XmlProgramme {
  '@_start': string;
  '@_stop': string;
  '@_channel': string;
  title: string;
  new?: string;
}
interface XmlChannel {
  '@_id': string;
  'display-name': string;
}
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (n) => ['programme', 'channel', 'category'].includes(n),
});
function parseGuide(xml: string) {
  const doc = parser.parse(xml) as { tv: { channel: XmlChannel[]; programme: XmlProgramme[] } };
  return doc.tv;
}

warnMissingValidators();

/** supertest parser keeping the body as raw bytes (XML, M3U and gzip alike). */
function rawBytes(r: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  upstream = await startLoopbackServer((req, res) => {
    if (req.url === '/malformed.m3u') {
      res.writeHead(200, { 'content-type': 'audio/x-mpegurl' }).end(MALFORMED_PLAYLIST);
      return;
    }
    const status = failing.get(req.url ?? '');
    if (status !== undefined) {
      res.writeHead(status).end('upstream broken');
      return;
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'audio/x-mpegurl', etag }).end(playlistText);
  });
  t = await startTestApp({ now: () => NOW });
  const created = await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'acme', name: 'Acme', playlistUrl: `${upstream.url}/playlist.m3u`, timezone: TZ });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await t.close();
  await upstream.close();
});

/** Registers a provider of the test's own on the loopback upstream. */
async function createProvider(slug: string, path: string, over: Record<string, unknown> = {}) {
  const res = await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug, name: slug, playlistUrl: `${upstream.url}${path}`, timezone: TZ, ...over });
  expect(res.status).toBe(201);
}

describe('GET /epg/:slug.xml on the development corpus', () => {
  let res: request.Response;
  let xml = '';
  let guide: ReturnType<typeof parseGuide>;
  beforeAll(async () => {
    res = await request(t.url).get('/epg/acme.xml').buffer(true).parse(rawBytes);
    xml = (res.body as Buffer).toString('utf8');
    guide = parseGuide(xml);
  });

  it('serves every event and placeholder channel, and no linear or VOD channel', () => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const names = new Set(guide.channel.map((c) => c['display-name']));
    for (const l of labels) {
      if (l.kind === 'linear') expect(names.has(l.name), l.name).toBe(false);
      else expect(names.has(l.name), l.name).toBe(true);
    }
    expect(guide.channel).toHaveLength(labels.filter((l) => l.kind !== 'linear').length);
    expect(xml).not.toMatch(/S0\d E\d\d|\/movie\//);
  });

  it('gives each event channel whose name has a time a live programme starting at that time', () => {
    const idByName = new Map(guide.channel.map((c) => [c['display-name'], c['@_id']]));
    let checked = 0;
    for (const l of labels.filter((x) => x.kind === 'event' && x.expect)) {
      if (!/\d(:\d\d)?\s*(AM|PM)|\d\d:\d\d/i.test(l.name)) continue; // names without a time get a day block
      const id = idByName.get(l.name);
      const live = guide.programme.filter((p) => p['@_channel'] === id && p.new !== undefined);
      expect(live, l.name).toHaveLength(1);
      expect(live[0]!['@_start'], l.name).toBe(formatXmltvTime(new Date(l.expect!.startUtc), TZ));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it.skipIf(!hasXmllint)('validates against the XMLTV DTD with xmllint', () => {
    const r = validateWithXmllint(xml);
    expect(r.ok, r.output).toBe(true);
  });

  it.skipIf(!hasTvValidateFile)('validates with tv_validate_file', () => {
    const r = validateWithTvValidateFile(xml);
    expect(r.ok, r.output).toBe(true);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await request(t.url).get('/epg/acme.xml');
    const res = await request(t.url).get('/epg/acme.xml').set('If-None-Match', first.headers.etag!);
    expect(res.status).toBe(304);
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
  });

  it('gzips when the client accepts it, and always for the .xml.gz name', async () => {
    const zipped = await request(t.url)
      .get('/epg/acme.xml')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(rawBytes);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const gz = await request(t.url).get('/epg/acme.xml.gz').buffer(true).parse(rawBytes);
    expect(gz.headers['content-type']).toBe('application/gzip');
    expect(gunzipSync(gz.body as Buffer).toString('utf8')).toBe(xml);
  });

  it('serves a VOD-free playlist whose tvg-ids join the guide and whose url-tvg points at it', async () => {
    const res = await request(t.url).get('/playlist/acme.m3u').buffer(true).parse(rawBytes);
    expect(res.status).toBe(200);
    const m3u = (res.body as Buffer).toString('utf8');
    expect(m3u.split('\n')[0]).toContain(`url-tvg="${t.url}/epg/acme.xml"`);
    expect(m3u).not.toMatch(/\/movie\/|\/series\//);
    const ids = new Set(guide.channel.map((c) => c['@_id']));
    const byName = new Map<string, string>();
    for (const m of m3u.matchAll(/tvg-id="([^"]*)"[^\n]*,(.*)\n/g)) byName.set(m[2]!, m[1]!);
    for (const l of labels.filter((x) => x.kind !== 'linear'))
      expect(ids.has(byName.get(l.name) ?? ''), l.name).toBe(true);
    expect(byName.size).toBe(labels.length);
  });
});

describe('guide cache and failure handling', () => {
  it('makes one generation for 100 concurrent requests', async () => {
    t.services.guides.invalidate('acme');
    const before = upstream.requests.length;
    const all = await Promise.all(Array.from({ length: 100 }, () => request(t.url).get('/epg/acme.xml')));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(upstream.requests.length - before).toBe(1);
  });

  it('serves the last good guide when the playlist cannot be fetched', async () => {
    await createProvider('flaky', '/flaky.m3u');
    const good = await request(t.url).get('/epg/flaky.xml');
    expect(good.status).toBe(200);
    expect(good.headers['x-epgoat-stale']).toBeUndefined();
    t.services.guides.invalidate('flaky');
    failing.set('/flaky.m3u', 500);
    const res = await request(t.url).get('/epg/flaky.xml');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(good.headers.etag);
    expect(res.headers['x-epgoat-stale']).toBe('true');
  });

  it('answers 502 with a JSON reason for a provider that never had a guide', async () => {
    await createProvider('broken', '/broken.m3u');
    failing.set('/broken.m3u', 500);
    const res = await request(t.url).get('/epg/broken.xml');
    expect(res.status).toBe(502);
    expect(res.body.message).toMatch(/broken/);
    // Players are not told the upstream's host, port or file names.
    expect(res.body.message).not.toMatch(/127\.0\.0\.1|localhost|:\d{2,5}|\.m3u/);
  });

  it('needs ?token= when the provider has an access token', async () => {
    await createProvider('locked', '/p.m3u', { accessToken: 'let-me-in-42' });
    expect((await request(t.url).get('/epg/locked.xml')).status).toBe(401);
    expect((await request(t.url).get('/epg/locked.xml?token=wrong-token')).status).toBe(401);
    const ok = await request(t.url).get('/epg/locked.xml?token=let-me-in-42');
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toMatch(/^private/);
  });

  it('answers 404 for unknown and disabled providers', async () => {
    expect((await request(t.url).get('/epg/nobody.xml')).status).toBe(404);
    await createProvider('disabled', '/p.m3u');
    expect((await request(t.url).get('/epg/disabled.xml')).status).toBe(200);
    await request(t.url).patch('/api/providers/disabled').set(t.auth).send({ enabled: false });
    expect((await request(t.url).get('/epg/disabled.xml')).status).toBe(404);
  });

  it('reports every live channel with its parse, and what reading the playlist found', async () => {
    const res = await request(t.url).get('/api/providers/acme/matches').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.provider).toBe('acme');
    expect(res.body.playlist).toMatchObject({
      entries: 4116,
      live: 116,
      vod: 4000,
      skipped: 0,
      problems: [],
    });
    const statuses = new Map<string, string>(
      res.body.channels.map((c: { name: string; status: string }) => [c.name, c.status]),
    );
    for (const l of labels) {
      const want =
        l.kind === 'linear'
          ? 'not-event'
          : l.kind === 'placeholder'
            ? 'placeholder'
            : ['matched', 'unmatched'];
      if (Array.isArray(want)) expect(want, l.name).toContain(statuses.get(l.name));
      else expect(statuses.get(l.name), l.name).toBe(want);
    }
  });
});

describe('a playlist with malformed lines', () => {
  it('serves the guide of the good entries and reports each skipped line with its reason', async () => {
    await createProvider('malformed', '/malformed.m3u');
    const guideRes = await request(t.url).get('/epg/malformed.xml').buffer(true).parse(rawBytes);
    expect(guideRes.status).toBe(200);
    const names = parseGuide((guideRes.body as Buffer).toString('utf8')).channel.map(
      (c) => c['display-name'],
    );
    expect(names).toEqual(['NBA 01: Lakers vs Celtics 7:30 PM ET', 'NHL 09:']);
    const report = await request(t.url).get('/api/providers/malformed/matches').set(t.auth);
    expect(report.body.playlist).toEqual({
      entries: 3,
      live: 2,
      vod: 1,
      skipped: 2,
      problems: [
        { line: 4, reason: 'unterminated quote in #EXTINF' },
        { line: 6, reason: 'URL line without a preceding #EXTINF' },
      ],
      withoutUrl: 0,
      reused: false,
    });
  });
});
