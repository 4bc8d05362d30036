// Team aliases over the admin API: listed with their sources, taught by an admin (every provider's next guide
// uses them), soft-deleted; bad requests answered with the problem named.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusEvents, withoutAlternates } from '../support/corpus.js';
import { startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = CORPUS_NOW;
const NICKNAMES = 'NHL 05: Blueshirts @ Habs 7:00 PM ET';
const playlist = ['#EXTM3U', `#EXTINF:-1 group-title="NHL",${NICKNAMES}`, 'http://h/live/u/p/1.ts', ''].join(
  '\n',
);

interface Team {
  id: number;
  name: string;
  aliases: { id: number; alias: string; source: string; pending: boolean }[];
}

let sports: FakeSportsApi;
let t: TestApp;

beforeAll(async () => {
  // The sources list no nicknames: only an admin can teach them.
  const events = withoutAlternates(loadCorpusEvents());
  sports = await startFakeSportsApi({ events, playlist, now: NOW });
  t = await startTestApp({
    now: () => NOW,
    config: { ESPN_BASE_URL: sports.url, THESPORTSDB_BASE_URL: sports.url },
  });
  const created = await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'teams', name: 'Teams', playlistUrl: `${sports.url}/playlist.m3u`, timezone: CORPUS_ZONE });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await t.close();
  await sports.close();
});

async function nhlTeam(name: string): Promise<Team> {
  const res = await request(t.url)
    .get(`/api/leagues/nhl/teams?search=${encodeURIComponent(name)}`)
    .set(t.auth);
  expect(res.status).toBe(200);
  const team = (res.body.teams as Team[]).find((x) => x.name === name);
  if (!team) throw new Error(`no ${name}`);
  return team;
}

async function statusOfChannel(): Promise<{ status: string; handler?: string }> {
  await request(t.url).get('/epg/teams.xml');
  const res = await request(t.url).get('/api/providers/teams/matches').set(t.auth);
  return (res.body.channels as { name: string; status: string; handler?: string }[]).find(
    (c) => c.name === NICKNAMES,
  )!;
}

describe('team aliases', () => {
  it('lists a league’s teams with their aliases and sources', async () => {
    expect((await statusOfChannel()).status).toBe('unmatched');
    const habs = await nhlTeam('Montreal Canadiens');
    expect(habs.aliases.length).toBeGreaterThan(0);
    expect(habs.aliases.every((a) => a.source === 'api' && !a.pending)).toBe(true);
  });

  it('taught by an admin, serve the next guide of every provider', async () => {
    const habs = await nhlTeam('Montreal Canadiens');
    const rangers = await nhlTeam('New York Rangers');
    for (const [team, alias] of [
      [habs, 'Habs'],
      [rangers, 'Blueshirts'],
    ] as const) {
      const res = await request(t.url)
        .post(`/api/leagues/NHL/teams/${team.id}/aliases`)
        .set(t.auth)
        .send({ alias });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ alias, source: 'admin', pending: false });
    }
    expect(await statusOfChannel()).toMatchObject({ status: 'matched', handler: 'local-events' });
  });

  it('answer a duplicate with 409, an empty alias with 400 and an unknown league or team with 404', async () => {
    const habs = await nhlTeam('Montreal Canadiens');
    const again = await request(t.url)
      .post(`/api/leagues/NHL/teams/${habs.id}/aliases`)
      .set(t.auth)
      .send({ alias: 'HABS' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('alias');
    const empty = await request(t.url)
      .post(`/api/leagues/NHL/teams/${habs.id}/aliases`)
      .set(t.auth)
      .send({ alias: '!!' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('alias');
    const missing = await request(t.url)
      .post(`/api/leagues/NHL/teams/${habs.id}/aliases`)
      .set(t.auth)
      .send({});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('alias');
    expect((await request(t.url).get('/api/leagues/XFL/teams').set(t.auth)).status).toBe(404);
    expect((await request(t.url).get('/api/leagues/NHL/teams/999999/aliases').set(t.auth)).status).toBe(404);
    expect((await request(t.url).get('/api/leagues/NHL/teams')).status).toBe(401);
  });

  it('soft-deleted, stop serving matching and stay in the database', async () => {
    const habs = await nhlTeam('Montreal Canadiens');
    const alias = habs.aliases.find((a) => a.alias === 'Habs')!;
    const res = await request(t.url)
      .delete(`/api/leagues/NHL/teams/${habs.id}/aliases/${alias.id}`)
      .set(t.auth);
    expect(res.status).toBe(204);
    expect(
      (await request(t.url).delete(`/api/leagues/NHL/teams/${habs.id}/aliases/${alias.id}`).set(t.auth))
        .status,
    ).toBe(404);
    const listed = await request(t.url).get(`/api/leagues/NHL/teams/${habs.id}/aliases`).set(t.auth);
    expect((listed.body.aliases as { alias: string }[]).map((a) => a.alias)).not.toContain('Habs');
    const kept = await t.testDb.database.db
      .selectFrom('team_aliases')
      .select('deleted_at')
      .where('id', '=', alias.id)
      .executeTakeFirst();
    expect(kept?.deleted_at).not.toBeNull();
  });
});
