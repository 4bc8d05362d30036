// Onboarding a playlist over the admin API: what epgoat would do with it before anything is stored, the
// patterns and mappings it proposes, and storing the chosen ones.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const lines = [
  ...[1, 2, 3, 4].flatMap((n) => [
    `#EXTINF:-1 group-title="ZETA",ZETA SPORTS ${n}: ${n % 2 ? 'Duke vs UNC 7:00 PM ET' : ''}`,
    `http://h/live/u/p/z${n}.ts`,
  ]),
  ...[1, 2, 3].flatMap((n) => [
    `#EXTINF:-1 group-title="UK| PREMIER LEAGUE",KICK ${n} | Arsenal v Chelsea 15:00 UK`,
    `http://h/live/u/p/k${n}.ts`,
  ]),
  '#EXTINF:-1 group-title="NBA",NBA 01: Lakers @ Celtics 7:30 PM ET',
  'http://h/live/u/p/n1.ts',
  '#EXTINF:-1 group-title="Boxing",Canelo vs Crawford Live 9:00 PM',
  'http://h/live/u/p/b1.ts',
  '#EXTINF:-1 group-title="Boxing",BOXING @ 9PM',
  'http://h/live/u/p/b2.ts',
  '#EXTINF:-1 group-title="News",CNN International',
  'http://h/live/u/p/c1.ts',
  '#EXTINF:-1 group-title="Movies",Heat (1995)',
  'http://h/movie/u/p/m1.mkv',
  'garbage line without extinf',
];
const playlist = ['#EXTM3U', ...lines, ''].join('\n');

interface Family {
  family: string;
  recognisedBy: string;
  slots: number;
  leagues: string[];
  certainty: string;
}

let upstream: LoopbackServer;
let t: TestApp;
beforeAll(async () => {
  upstream = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'audio/x-mpegurl' });
    res.end(playlist);
  });
  t = await startTestApp({ now: () => new Date('2026-11-25T17:00:00Z') });
});
afterAll(async () => {
  await t.close();
  await upstream.close();
});

describe('onboarding a playlist', () => {
  it('answers, before the provider is saved, what epgoat would do with it', async () => {
    const res = await request(t.url)
      .post('/api/providers/newco/onboard')
      .set(t.auth)
      .send({ playlistUrl: `${upstream.url}/get.php`, timezone: 'America/New_York' });
    expect(res.status).toBe(200);
    expect(res.body.playlist).toMatchObject({ live: 11, vod: 1 });
    const families = res.body.families as Family[];
    expect(families.find((f) => f.family.toUpperCase() === 'ZETA SPORTS')).toMatchObject({
      recognisedBy: 'discovered',
      slots: 4,
      certainty: 'unknown',
    });
    expect(families.find((f) => f.family.toUpperCase() === 'NBA')).toMatchObject({
      certainty: 'configured',
      leagues: ['NBA'],
    });
    const kick = families.find((f) => f.family.toUpperCase() === 'KICK')!;
    expect(kick).toMatchObject({ certainty: 'hinted' });
    expect(kick.leagues).toContain('EPL');
    expect(res.body.sample.find((s: { name: string }) => s.name.startsWith('NBA 01'))).toMatchObject({
      kind: 'event',
      teams: ['Lakers', 'Celtics'],
      time: '19:30',
    });
    expect(res.body.sample.find((s: { name: string }) => s.name.startsWith('Canelo'))).toMatchObject({
      kind: 'event',
    });
    expect(res.body.unreadable.names).toEqual(['BOXING @ 9PM']);
    expect(res.body.unreadable.names).not.toContain('CNN International');
    const zeta = res.body.proposals.patterns.find(
      (p: { family: string }) => p.family.toUpperCase() === 'ZETA SPORTS',
    );
    expect(zeta).toMatchObject({ matchesExample: true });
    expect(zeta.pattern, 'runs on the linear-time engine').not.toMatch(/\(\?<?[=!]/);
    expect(res.body.proposals.mappings).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: kick.family, leagues: kick.leagues })]),
    );
    // Nothing was stored.
    expect((await request(t.url).get('/api/providers/newco').set(t.auth)).status).toBe(404);
  });

  it('stores the chosen proposals once the provider is saved, and reads the playlist with them', async () => {
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({
        slug: 'newco',
        name: 'NewCo',
        playlistUrl: `${upstream.url}/get.php`,
        timezone: 'America/New_York',
      })
      .expect(201);
    const proposals = (await request(t.url).post('/api/providers/newco/onboard').set(t.auth).send({})).body
      .proposals;
    const res = await request(t.url)
      .post('/api/providers/newco/onboard/accept')
      .set(t.auth)
      .send({
        patterns: proposals.patterns.map((p: { family: string; pattern: string }) => ({
          family: p.family,
          pattern: p.pattern,
        })),
        mappings: proposals.mappings.map((m: { family: string; leagues: string[] }) => ({
          family: m.family,
          leagues: m.leagues,
        })),
      });
    expect(res.status).toBe(200);
    expect(res.body.patterns.map((p: { family: string }) => p.family.toUpperCase()).sort()).toEqual([
      'KICK',
      'ZETA SPORTS',
    ]);
    expect(res.body.mappings).toHaveLength(1);
    const again = await request(t.url).post('/api/providers/newco/onboard').set(t.auth).send({});
    const families = again.body.families as Family[];
    expect(families.find((f) => f.family.toUpperCase() === 'ZETA SPORTS')?.recognisedBy).toBe('provider');
    expect(families.find((f) => f.family.toUpperCase() === 'KICK')).toMatchObject({
      recognisedBy: 'provider',
      certainty: 'configured',
    });
    expect(again.body.proposals.patterns).toEqual([]);
  });

  it('answers a bad request with the problem named', async () => {
    const none = await request(t.url).post('/api/providers/nobody/onboard').set(t.auth).send({});
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('playlistUrl');
    const unsafe = await request(t.url)
      .post('/api/providers/newco/onboard/accept')
      .set(t.auth)
      .send({ patterns: [{ family: 'BAD', pattern: '^BAD (?<slot>\\d{1,3})(?!\\d)(?<payload>.*)$' }] });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.problems).toEqual([
      { field: 'patterns.0.pattern', message: expect.stringMatching(/^uses a lookahead \(\?!…\)/) },
    ]);
    const league = await request(t.url)
      .post('/api/providers/newco/onboard/accept')
      .set(t.auth)
      .send({ mappings: [{ family: 'KICK', leagues: ['XFL'] }] });
    expect(league.status).toBe(400);
    expect(JSON.stringify(league.body)).toContain('leagues');
    expect(
      (await request(t.url).post('/api/providers/nobody/onboard/accept').set(t.auth).send({})).status,
    ).toBe(404);
    const file = await request(t.url)
      .post('/api/providers/x/onboard')
      .set(t.auth)
      .send({ playlistUrl: 'file:///etc/passwd' });
    expect(file.status).toBe(400);
  });
});
