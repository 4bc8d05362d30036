// Rate limits on the admin API, stricter on failed sign-ins, and security headers on it but not on what players
// fetch.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the admin API', () => {
  it('answers 429 with retry-after past its rate', async () => {
    t = await startTestApp({ config: { ADMIN_RATE_LIMIT_PER_MINUTE: 20 } });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1)
      statuses.push((await request(t.url).get('/api/providers').set(t.auth)).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await request(t.url).get('/api/providers').set(t.auth);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Players are not limited by it.
    expect((await request(t.url).get('/health/live')).status).toBe(200);
  });

  it('holds an address that keeps failing to sign in, even once it sends the right token', async () => {
    t = await startTestApp({ config: { ADMIN_RATE_LIMIT_PER_MINUTE: 50 } });
    for (let i = 0; i < 5; i += 1) {
      expect(
        (
          await request(t.url)
            .get('/api/providers')
            .set({ Authorization: `Bearer wrong-${i}` })
        ).status,
      ).toBe(401);
    }
    const held = await request(t.url).get('/api/providers').set(t.auth);
    expect(held.status).toBe(429);
    expect(held.body.message).toMatch(/failed sign-ins/);
  });

  it('sends security headers on the admin API and leaves guides as players expect them', async () => {
    t = await startTestApp();
    const api = await request(t.url).get('/api/providers').set(t.auth);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toBeDefined();
    const health = await request(t.url).get('/health/live');
    expect(health.headers['content-security-policy']).toBeUndefined();
  });
});
