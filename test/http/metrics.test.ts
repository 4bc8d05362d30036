// GET /metrics: Prometheus text with the process metrics, requests by route, guide generations and their stages,
// channels by status, chain answers, cache results, upstream calls and breakers, and each guide's age; for
// loopback clients only unless METRICS_TOKEN is set.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, testConfig, type TestApp } from '../support/test-app.js';

const PLAYLIST = [
  '#EXTM3U',
  '#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET',
  'http://h/live/1.ts',
  '#EXTINF:-1 group-title="NBA",NBA 02:',
  'http://h/live/2.ts',
  '#EXTINF:-1,CNN International',
  'http://h/live/3.ts',
  '',
].join('\n');

let upstream: LoopbackServer;
let t: TestApp;
beforeAll(async () => {
  upstream = await startLoopbackServer((_req, res) => {
    res.end(PLAYLIST);
  });
  t = await startTestApp();
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'acme', name: 'Acme', playlistUrl: `${upstream.url}/p.m3u`, timezone: 'America/New_York' })
    .expect(201);
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});

/** The value of one sample line, by its exact name and labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('tells of requests, generations, stages, channels, the cache, upstreams and guide age', async () => {
    expect((await request(t.url).get('/epg/acme.xml')).status).toBe(200);
    expect((await request(t.url).get('/epg/acme.xml')).status).toBe(200);
    const res = await request(t.url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(sample(text, 'epgoat_guide_generations_total{provider="acme",outcome="fresh"}')).toBe(1);
    expect(
      sample(
        text,
        'epgoat_http_request_duration_seconds_count{method="GET",route="/epg/:file",status="200"}',
      ),
    ).toBe(2);
    expect(sample(text, 'epgoat_guide_stage_seconds_count{provider="acme",stage="read"}')).toBe(1);
    expect(sample(text, 'epgoat_guide_generation_seconds_count{provider="acme"}')).toBe(1);
    expect(sample(text, 'epgoat_guide_channels{provider="acme",status="placeholder"}')).toBe(1);
    expect(sample(text, 'epgoat_guide_channels{provider="acme",status="unmatched"}')).toBe(1);
    expect(sample(text, 'epgoat_guide_cache_requests_total{result="miss"}')).toBe(1);
    expect(sample(text, 'epgoat_guide_cache_requests_total{result="hit"}')).toBe(1);
    expect(sample(text, 'epgoat_upstream_breaker_open{source="espn"}')).toBe(0);
    // Matching asked the (unreachable) sources for the NBA channel.
    expect(sample(text, 'epgoat_upstream_calls_total{source="espn"}')).toBeGreaterThan(0);
    expect(sample(text, 'epgoat_guide_age_seconds{provider="acme"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'epgoat_llm_dollars_today')).toBe(0);
  });

  it('answers loopback clients only without METRICS_TOKEN, and the token holder only with it', async () => {
    const open = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(open.statusCode).toBe(401);
    const app = await buildApp({
      database: t.testDb.database,
      adminToken: 'y'.repeat(20),
      logger: false,
      isAllowedPlaylistUrl: () => true,
      config: testConfig({ METRICS_TOKEN: 'metrics-token-0123456789' }),
      now: () => new Date(),
      metrics: t.services.metrics,
    });
    const none = await app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(right.statusCode).toBe(200);
    await app.close();
  });
});
