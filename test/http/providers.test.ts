import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const acme = {
  slug: 'acme',
  name: 'Acme IPTV',
  playlistUrl: 'http://127.0.0.1:9/playlist.m3u',
  timezone: 'America/New_York',
};

describe('the provider admin API', () => {
  it('refuses a request without a bearer token', async () => {
    const res = await request(t.url).get('/api/providers');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(typeof res.body.requestId).toBe('string');
  });

  it('refuses a wrong bearer token', async () => {
    const res = await request(t.url).get('/api/providers').set('Authorization', 'Bearer not-the-token');
    expect(res.status).toBe(401);
  });

  it('creates a provider and answers 201 without echoing its access token', async () => {
    const res = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ ...acme, accessToken: 'secret-token-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...acme, enabled: true, hasAccessToken: true });
    expect(JSON.stringify(res.body)).not.toContain('secret-token-1');
  });

  it('answers 409 for a duplicate slug', async () => {
    const res = await request(t.url).post('/api/providers').set(t.auth).send(acme);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('acme');
  });

  it('names every bad field of a bad body', async () => {
    const res = await request(t.url).post('/api/providers').set(t.auth).send({
      slug: 'Bad Slug!',
      name: '',
      playlistUrl: 'ftp://example.com/list.m3u',
      timezone: 'Mars/Olympus',
      extra: 1,
    });
    expect(res.status).toBe(400);
    const fields = (res.body.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['extra', 'name', 'playlistUrl', 'slug', 'timezone']);
    expect(res.body.message).toContain('timezone');
  });

  it('names a missing required field', async () => {
    const res = await request(t.url).post('/api/providers').set(t.auth).send({ slug: 'x' });
    expect(res.status).toBe(400);
    const fields = (res.body.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['name', 'playlistUrl', 'timezone']);
  });

  it('accepts a file: playlist inside PLAYLIST_DIR and refuses one outside it', async () => {
    const inside = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ ...acme, slug: 'local', playlistUrl: `file://${t.playlistDir}/local.m3u` });
    expect(inside.status).toBe(201);
    const outside = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ ...acme, slug: 'escape', playlistUrl: `file://${t.playlistDir}/../../etc/passwd` });
    expect(outside.status).toBe(400);
    expect(outside.body.problems).toEqual([expect.objectContaining({ field: 'playlistUrl' })]);
  });

  it('refuses malformed JSON with a 400 that says so', async () => {
    const res = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .set('Content-Type', 'application/json')
      .send('{"slug": ');
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('lists, reads and patches providers', async () => {
    const list = await request(t.url).get('/api/providers').set(t.auth);
    expect(list.status).toBe(200);
    expect(list.body.providers.map((p: { slug: string }) => p.slug)).toEqual(['acme', 'local']);

    const one = await request(t.url).get('/api/providers/acme').set(t.auth);
    expect(one.status).toBe(200);
    expect(one.body.name).toBe('Acme IPTV');

    const patched = await request(t.url)
      .patch('/api/providers/acme')
      .set(t.auth)
      .send({ name: 'Acme TV', enabled: false, accessToken: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Acme TV', enabled: false, hasAccessToken: false });
  });

  it('refuses a bad patch naming the field', async () => {
    const res = await request(t.url).patch('/api/providers/acme').set(t.auth).send({ timezone: 'EST5' });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ field: 'timezone' })]);
  });

  it('answers 404 for an unknown slug on read, patch and delete', async () => {
    for (const method of ['get', 'patch', 'delete'] as const) {
      const res = await request(t.url)[method]('/api/providers/nobody').set(t.auth).send({});
      expect(res.status, method).toBe(404);
      expect(res.body.message).toContain('nobody');
    }
  });

  it('soft-deletes: the provider disappears from the API but its row is kept', async () => {
    const res = await request(t.url).delete('/api/providers/local').set(t.auth);
    expect(res.status).toBe(204);
    expect((await request(t.url).get('/api/providers/local').set(t.auth)).status).toBe(404);
    const rows = await t.testDb.database.db
      .selectFrom('providers')
      .select(['slug', 'deleted_at'])
      .where('slug', '=', 'local')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.deleted_at).toBeInstanceOf(Date);
    // The slug is free again once its provider was deleted.
    const again = await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ ...acme, slug: 'local' });
    expect(again.status).toBe(201);
  });
});
