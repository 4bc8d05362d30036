import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';
import { saveLearnedMappings } from '../../src/db/leagues.js';
import { getProvider } from '../../src/db/providers.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: () => new Date('2026-11-25T17:00:00Z') });
  writeFileSync(
    join(t.playlistDir, 'goat.m3u'),
    '#EXTM3U\n#EXTINF:-1,GOATBALL 01: Lakers vs Celtics @ 7:30 PM ET\nhttp://goat.example/live/u/p/1.ts\n',
  );
  const res = await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'goat', name: 'Goat', playlistUrl: 'file:goat.m3u', timezone: 'America/New_York' });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('per-provider family mappings', () => {
  it("reads an unmapped family's channel without a league", async () => {
    const xml = (await request(t.url).get('/epg/goat.xml')).text;
    expect(xml).toContain('GOATBALL 01');
    expect(xml).not.toContain('<category>NBA</category>');
  });

  it('maps a family to a league for this provider, and the guide follows', async () => {
    const put = await request(t.url)
      .put('/api/providers/goat/mappings')
      .set(t.auth)
      .send({ family: 'GOATBALL', leagues: ['NBA'] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ family: 'GOATBALL', leagues: ['NBA'], source: 'provider' });
    const list = await request(t.url).get('/api/providers/goat/mappings').set(t.auth);
    expect(list.body.mappings).toEqual([{ family: 'GOATBALL', leagues: ['NBA'], source: 'provider' }]);
    const xml = (await request(t.url).get('/epg/goat.xml')).text;
    expect(xml).toContain('<category>NBA</category>');
  });

  it('shows what a family was learned to carry, and lets an admin replace it', async () => {
    const goat = await getProvider(t.testDb.database.db, 'goat');
    await saveLearnedMappings(t.testDb.database.db, goat!.id, new Map([['Sling', ['NHL']]]));
    const list = await request(t.url).get('/api/providers/goat/mappings').set(t.auth);
    expect(list.body.mappings).toContainEqual({ family: 'Sling', leagues: ['NHL'], source: 'learned' });
    const put = await request(t.url)
      .put('/api/providers/goat/mappings')
      .set(t.auth)
      .send({ family: 'SLING', leagues: ['NBA'] });
    expect(put.body).toEqual({ family: 'SLING', leagues: ['NBA'], source: 'provider' });
    const after = await request(t.url).get('/api/providers/goat/mappings').set(t.auth);
    expect(after.body.mappings.filter((m: { family: string }) => /sling/i.test(m.family))).toEqual([
      { family: 'SLING', leagues: ['NBA'], source: 'provider' },
    ]);
    // A lesson never replaces the admin's word.
    await saveLearnedMappings(t.testDb.database.db, goat!.id, new Map([['Sling', ['NHL']]]));
    const still = await request(t.url).get('/api/providers/goat/mappings').set(t.auth);
    expect(still.body.mappings).toContainEqual({ family: 'SLING', leagues: ['NBA'], source: 'provider' });
  });

  it('refuses an unknown league key, naming the field', async () => {
    const res = await request(t.url)
      .put('/api/providers/goat/mappings')
      .set(t.auth)
      .send({ family: 'GOATBALL', leagues: ['NBA', 'XFL9'] });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ field: 'leagues.1' })]);
  });

  it('soft-deletes a mapping and answers 404 for one that does not exist', async () => {
    expect((await request(t.url).delete('/api/providers/goat/mappings/GOATBALL').set(t.auth)).status).toBe(
      204,
    );
    expect((await request(t.url).delete('/api/providers/goat/mappings/GOATBALL').set(t.auth)).status).toBe(
      404,
    );
    const rows = await t.testDb.database.db
      .selectFrom('family_league_mappings')
      .select('deleted_at')
      .where('family', '=', 'GOATBALL')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.deleted_at !== null)).toBe(true);
  });
});
