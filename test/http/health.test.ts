import { loadConfig } from '../../src/config/env.js';
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

describe('health probes', () => {
  it('answers live without touching anything', async () => {
    const res = await request(t.url).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers ready when the database answers', async () => {
    const res = await request(t.url).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['postgres', 'pglite']).toContain(res.body.database);
  });

  it('carries a request id on every response', async () => {
    const res = await request(t.url).get('/health/live').set('x-request-id', 'probe-42');
    expect(res.headers['x-request-id']).toBe('probe-42');
  });

  it('answers 404 as JSON for an unknown route', async () => {
    const res = await request(t.url).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('serves the OpenAPI document with the provider routes', async () => {
    const res = await request(t.url).get('/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/providers', '/api/providers/{slug}']),
    );
  });
});

describe('health and errors when the database is gone', () => {
  it('answers ready 503 with the reason when the database does not answer within 2 s', async () => {
    const net = await import('node:net');
    // A server that accepts connections and never speaks: the database hangs rather than refusing.
    const sockets: import('node:net').Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    const { createDatabase } = await import('../../src/db/database.js');
    const { buildApp } = await import('../../src/app.js');
    const database = await createDatabase({
      databaseUrl: `postgres://x@127.0.0.1:${port}/none`,
      dataDir: '',
    });
    const app = await buildApp({
      database,
      adminToken: 'x'.repeat(20),
      logger: false,
      isAllowedPlaylistUrl: () => true,
      config: loadConfig({}),
      now: () => new Date(),
    });
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable' });
    // The check's own deadline answered, not the database that never will.
    expect(res.json().reason).toContain('2000 ms');
    await app.close();
    sockets.forEach((s) => s.destroy());
    silent.close();
    await database.close().catch(() => undefined);
  });

  it('answers a 500 without a stack trace or internals when a query fails', async () => {
    const { createTestDatabase } = await import('../support/test-database.js');
    const { buildApp } = await import('../../src/app.js');
    const testDb = await createTestDatabase();
    const app = await buildApp({
      database: testDb.database,
      adminToken: 'y'.repeat(20),
      logger: false,
      isAllowedPlaylistUrl: () => true,
      config: loadConfig({}),
      now: () => new Date(),
    });
    await testDb.database.db.schema.dropTable('guides').cascade().execute();
    await testDb.database.db.schema.alterTable('providers').renameTo('providers_gone').execute();
    const res = await app.inject({
      method: 'GET',
      url: '/api/providers',
      headers: { authorization: `Bearer ${'y'.repeat(20)}` },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal error',
    });
    expect(res.body).not.toMatch(/providers|relation|at \w+ \(/);
    await app.close();
    await testDb.drop();
  });
});
