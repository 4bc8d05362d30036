// Answers without a body (304, 204, HEAD) on a keep-alive connection: no body bytes and no content headers, so
// the next response on the same connection is read as itself.
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelined } from '../support/raw-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let etag = '';
const auth = () => ({ authorization: t.auth.Authorization });

beforeAll(async () => {
  t = await startTestApp();
  copyFileSync(
    resolve(import.meta.dirname, '../../config/playlists/demo.m3u'),
    resolve(t.playlistDir, 'demo.m3u'),
  );
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'demo', name: 'Demo', playlistUrl: 'file:demo.m3u', timezone: 'America/New_York' })
    .expect(201);
  etag = (await request(t.url).get('/epg/demo.xml').expect(200)).headers.etag ?? '';
});
afterAll(async () => {
  await t.close();
});

describe('a cached guide', () => {
  it('is answered from memory, with no database round trip', async () => {
    await request(t.url).get('/epg/demo.xml').expect(200);
    const db = t.testDb.database.db;
    await db.schema.alterTable('providers').renameTo('providers_away').execute();
    try {
      const res = await request(t.url).get('/epg/demo.xml');
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(etag);
      const notModified = await request(t.url).get('/epg/demo.xml').set('if-none-match', etag);
      expect(notModified.status).toBe(304);
    } finally {
      await db.schema.alterTable('providers_away').renameTo('providers').execute();
    }
  });
});

describe('bodiless answers on one keep-alive connection', () => {
  it('sends two pipelined 304s with no body or content headers, then the next answer intact', async () => {
    const conditional = { method: 'GET', path: '/epg/demo.xml', headers: { 'if-none-match': etag } };
    const [a, b, c] = await pipelined(t.url, [
      conditional,
      conditional,
      { method: 'GET', path: '/health/live' },
    ]);
    for (const r of [a, b]) {
      expect(r?.status).toBe(304);
      expect(r?.headers.etag).toBe(etag);
      expect(r?.headers['content-type']).toBeUndefined();
      expect(r?.headers['content-length']).toBeUndefined();
    }
    expect(c?.status).toBe(200);
    expect(JSON.parse(c?.body.toString('utf8') ?? '')).toMatchObject({ status: 'ok' });
  });

  it('sends a 204 with no body or content headers', async () => {
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ slug: 'gone', name: 'Gone', playlistUrl: 'file:demo.m3u', timezone: 'America/New_York' })
      .expect(201);
    const [deleted, next] = await pipelined(t.url, [
      { method: 'DELETE', path: '/api/providers/gone', headers: auth() },
      { method: 'GET', path: '/health/live' },
    ]);
    expect(deleted?.status).toBe(204);
    expect(deleted?.headers['content-type']).toBeUndefined();
    expect(deleted?.headers['content-length']).toBeUndefined();
    expect(next?.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const variants: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip' }];
    for (const headers of variants) {
      const [head, get] = await pipelined(t.url, [
        { method: 'HEAD', path: '/epg/demo.xml', headers },
        { method: 'GET', path: '/epg/demo.xml', headers },
      ]);
      expect(head?.status).toBe(200);
      expect(head?.body.length).toBe(0);
      for (const name of ['etag', 'content-type', 'content-encoding', 'cache-control', 'content-length']) {
        expect([name, head?.headers[name]]).toEqual([name, get?.headers[name]]);
      }
      expect(get?.body.length).toBeGreaterThan(0);
    }
  });
});
