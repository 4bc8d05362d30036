// The whole service at a clock time with its sources on a loopback server: a provider registered on that server's
// playlist, its first guide made, and the match report of it, as a new user would meet it.
import request from 'supertest';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';

/** An M3U of live channels with these names. */
export function playlistOf(names: readonly string[]): string {
  return `#EXTM3U\n${names.map((n, i) => `#EXTINF:-1 group-title="Sports",${n}\nhttp://h/live/u/p/${i + 1}.ts\n`).join('')}`;
}

export interface FirstReport<Row> {
  t: TestApp;
  report: { channels: Row[]; families: { family: string; leagues: string[]; source: string | null }[] };
  byName: Map<string, Row>;
}

/**
 * Starts the service at `now` with ESPN and TheSportsDB at `sourcesUrl`, registers a provider whose playlist is
 * `${sourcesUrl}/playlist.m3u`, makes its first guide and reads its report.
 */
export async function firstReport<Row extends { name: string }>(
  sourcesUrl: string,
  now: string,
  provider: { slug: string; timezone: string } = { slug: 'acme', timezone: 'America/New_York' },
): Promise<FirstReport<Row>> {
  const t = await startTestApp({
    now: () => new Date(now),
    config: { ESPN_BASE_URL: sourcesUrl, THESPORTSDB_BASE_URL: sourcesUrl },
  });
  await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ ...provider, name: provider.slug, playlistUrl: `${sourcesUrl}/playlist.m3u` })
    .expect(201);
  expect((await request(t.url).get(`/epg/${provider.slug}.xml`)).status).toBe(200);
  const report = (await request(t.url).get(`/api/providers/${provider.slug}/matches`).set(t.auth))
    .body as FirstReport<Row>['report'];
  return { t, report, byName: new Map(report.channels.map((r) => [r.name, r])) };
}
