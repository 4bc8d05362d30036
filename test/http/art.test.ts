// Matchup art: a PNG of the right size for every stored event, the team's abbreviation on its colour when its
// logo cannot be fetched, the logo when it can (fetched once and kept), the same bytes every time, ETag and 304.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent } from '../../src/db/events.js';
import { insertTeam } from '../../src/db/teams.js';
import { createEventArt } from '../../src/services/art/event-art.js';
import { createHttpClient } from '../../src/sources/http-client.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LOGO = new Resvg(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#fdb927"/></svg>',
)
  .render()
  .asPng();

let logoHost: LoopbackServer;
let t: TestApp;
const ids = { matchup: 0, withLogos: 0, card: 0, namesOnly: 0 };

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const get = (path: string) =>
  request(t.url)
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

beforeAll(async () => {
  logoHost = await startLoopbackServer((req, res) => {
    if (req.url === '/logo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(LOGO);
    else res.writeHead(404).end();
  });
  t = await startTestApp();
  const db = t.testDb.database.db;
  const team = (name: string, abbreviation: string, color: string | null, logo: string | null) =>
    insertTeam(db, { league: 'NBA', name, abbreviation, color, logo });
  // Logos on a host that refuses connections: drawn with their abbreviations.
  const lakers = await team('Los Angeles Lakers', 'LAL', '552583', 'http://127.0.0.1:9/lal.png');
  const celtics = await team('Boston Celtics', 'BOS', '007a33', null);
  const warriors = await team('Golden State Warriors', 'GS', '1d428a', `${logoHost.url}/logo.png`);
  const knicks = await team('New York Knicks', 'NY', 'f58426', `${logoHost.url}/logo.png`);
  const event = (values: Partial<Parameters<typeof insertEvent>[1]>) =>
    insertEvent(db, {
      league: 'NBA',
      sport: 'basketball',
      title: 'Los Angeles Lakers at Boston Celtics',
      starts_at: new Date('2026-12-02T00:30:00Z'),
      ...values,
    });
  ids.matchup = (await event({ home_team_id: celtics.id, away_team_id: lakers.id })).id;
  ids.withLogos = (await event({ home_team_id: knicks.id, away_team_id: warriors.id, title: 'GS at NY' })).id;
  ids.card = (await event({ title: 'NBA Cup Draw Show: the Eight Quarter-Finalists Revealed' })).id;
  ids.namesOnly = (await event({ home_name: 'Real Madrid', away_name: 'Barcelona', title: 'El Clasico' })).id;
});
afterAll(async () => {
  await t.close();
  await logoHost.close();
});

describe('GET /art/:eventId.png', () => {
  it('answers a 960x540 PNG by default and the asked width at 16:9', async () => {
    const res = await get(`/art/${ids.matchup}.png`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(pngSize(res.body as Buffer)).toEqual({ width: 960, height: 540 });
    const small = await get(`/art/${ids.matchup}.png?w=480`);
    expect(pngSize(small.body as Buffer)).toEqual({ width: 480, height: 270 });
  });

  it('draws a team whose logo cannot be fetched with its abbreviation, and keeps that it failed', async () => {
    const res = await get(`/art/${ids.matchup}.png?w=640`);
    expect(res.status).toBe(200);
    const kept = await t.testDb.database.db.selectFrom('team_logos').selectAll().execute();
    expect(kept.find((k) => k.url === 'http://127.0.0.1:9/lal.png')).toMatchObject({ image: null });
  });

  it('fetches a reachable logo once and draws it', async () => {
    const first = await get(`/art/${ids.withLogos}.png`);
    await get(`/art/${ids.withLogos}.png?w=320`);
    await get(`/art/${ids.withLogos}.png?tz=Europe%2FLondon`);
    expect(first.status).toBe(200);
    expect(logoHost.requests.filter((r) => r.url === '/logo.png')).toHaveLength(1);
    // The same event drawn without logos (nothing fetches them) gives other pixels.
    const bare = createEventArt({
      db: t.testDb.database.db,
      leagues: t.services.leagues,
      now: () => new Date(),
    });
    const drawn = await (await bare.get(ids.withLogos, 960, 'America/New_York'))!.png();
    expect(drawn.equals(first.body as Buffer)).toBe(false);
  });

  it('gives the same bytes for the same event every time, from a fresh renderer too', async () => {
    const a = await get(`/art/${ids.matchup}.png?w=1280`);
    const b = await get(`/art/${ids.matchup}.png?w=1280`);
    expect((a.body as Buffer).equals(b.body as Buffer)).toBe(true);
    const fresh = createEventArt({
      db: t.testDb.database.db,
      logos: createHttpClient({ source: 'logos', baseUrl: '', timeoutMs: 1_000, retries: 0 }),
      leagues: t.services.leagues,
      now: () => new Date(),
    });
    const rendered = await (await fresh.get(ids.matchup, 1280, 'America/New_York'))!.png();
    expect(rendered.equals(a.body as Buffer)).toBe(true);
  });

  it('keeps rendered images as files under its directory and reads them back after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'epgoat-art-'));
    const make = () =>
      createEventArt({ db: t.testDb.database.db, leagues: t.services.leagues, now: () => new Date(), dir });
    const first = make();
    const png = await (await first.get(ids.card, 480, 'UTC'))!.png();
    let files: string[] = [];
    for (let i = 0; i < 50 && files.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      files = readdirSync(dir);
    }
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0]!)).equals(png)).toBe(true);
    // What a restarted process serves comes from the file, not from drawing it again.
    writeFileSync(join(dir, files[0]!), 'kept bytes');
    const restarted = make();
    const again = await (await restarted.get(ids.card, 480, 'UTC'))!.png();
    expect(again.toString()).toBe('kept bytes');
    await first.close();
    await restarted.close();
  });

  it('answers 304 to its ETag, with no body, and another ETag on another clock', async () => {
    const res = await get(`/art/${ids.matchup}.png`);
    expect(res.headers['cache-control']).toMatch(/max-age=86400/);
    const etag = String(res.headers.etag);
    const again = await get(`/art/${ids.matchup}.png`).set('if-none-match', etag);
    expect(again.status).toBe(304);
    expect((again.body as Buffer).length).toBe(0);
    const london = await get(`/art/${ids.matchup}.png?tz=Europe%2FLondon`);
    expect(london.headers.etag).not.toBe(etag);
  });

  it('draws a card with the title for an event without two teams, and names-only teams too', async () => {
    for (const id of [ids.card, ids.namesOnly]) {
      const res = await get(`/art/${id}.png?w=320`);
      expect(res.status).toBe(200);
      expect(pngSize(res.body as Buffer)).toEqual({ width: 320, height: 180 });
    }
  });

  it('refuses an unknown width or zone naming the field, and an unknown event with a 404', async () => {
    const width = await request(t.url).get(`/art/${ids.matchup}.png?w=123`);
    expect(width.status).toBe(400);
    expect(width.body.problems[0].field).toBe('w');
    const zone = await request(t.url).get(`/art/${ids.matchup}.png?tz=Mars%2FBase`);
    expect(zone.status).toBe(400);
    expect(zone.body.problems[0].field).toBe('tz');
    expect((await request(t.url).get('/art/999999.png')).status).toBe(404);
    expect((await request(t.url).get('/art/abc.png')).status).toBe(404);
  });
});
