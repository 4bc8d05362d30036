// Six providers that write their event channels in six ways the development corpus does not (families no list
// names, decorations, separators, European and US kick-offs), each served end to end (playlist and events on a
// loopback ESPN/TheSportsDB, real Postgres) with the guide built in the morning, the afternoon and late at night
// in New York. No LLM is involved.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../src/domain/time.js';
import type { CorpusEvent } from '../support/corpus.js';
import { startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { startTestApp } from '../support/test-app.js';

interface Label {
  name: string;
  kind: 'event' | 'placeholder' | 'linear';
  expect: { eventId: string; tsdbId: string; startUtc: string } | null;
}
interface Row {
  channelId: string | null;
  name: string;
  status: string;
  event?: { externalIds: { espn?: string; thesportsdb?: string } };
  why?: string;
}

const DIR = resolve(import.meta.dirname, '../fixtures/providers');
const events = JSON.parse(readFileSync(resolve(DIR, 'events.json'), 'utf8')) as CorpusEvent[];
const PROVIDERS = ['unseen-a', 'unseen-b', 'unseen-c', 'devx-d', 'devx-e', 'devx-f'];
const CLOCKS = ['08:30', '14:00', '23:30'];
const ZONE = 'America/New_York';

let fake: FakeSportsApi;
let now = new Date();
beforeAll(async () => {
  fake = await startFakeSportsApi({ events, now: () => now });
});
afterAll(async () => {
  await fake.close();
});

/** The guide of one provider built at one clock time: what was matched right, wrong and not at all. */
async function score(provider: string, clock: string) {
  now = zonedToUtc('2026-12-01', clock, ZONE);
  const labels = (JSON.parse(readFileSync(resolve(DIR, provider, 'labels.json'), 'utf8')) as Label[]).map(
    (l) => ({ ...l, name: l.name.trim() }),
  );
  fake.setPlaylist(readFileSync(resolve(DIR, provider, 'playlist.m3u'), 'utf8'));
  const t = await startTestApp({
    now: () => now,
    config: { ESPN_BASE_URL: fake.url, THESPORTSDB_BASE_URL: fake.url },
  });
  try {
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ slug: 'p', name: provider, playlistUrl: `${fake.url}/playlist.m3u`, timezone: ZONE })
      .expect(201);
    await request(t.url).get('/epg/p.xml').expect(200);
    const report = await request(t.url).get('/api/providers/p/matches').set(t.auth).expect(200);
    const byName = new Map((report.body.channels as Row[]).map((r) => [r.name, r]));
    let right = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const l of labels.filter((x) => x.kind !== 'linear')) {
      const row = byName.get(l.name);
      const ids = row?.status === 'matched' ? Object.values(row.event?.externalIds ?? {}) : [];
      if (l.expect && (ids.includes(l.expect.eventId) || ids.includes(l.expect.tsdbId))) right += 1;
      else if (ids.length > 0) wrong.push(`${l.name} -> ${ids.join('/')}`);
      else if (l.expect) missed.push(`${l.name}: ${row?.why ?? row?.status ?? 'absent'}`);
    }
    const expected = labels.filter((l) => l.expect).length;
    return { right, made: right + wrong.length, expected, wrong, missed };
  } finally {
    await t.close();
  }
}

describe('matching providers nobody configured, at any hour', () => {
  for (const provider of PROVIDERS) {
    it(`matches ${provider} with precision >= 0.995 and recall >= 0.97 at ${CLOCKS.join(', ')} New York`, async () => {
      for (const clock of CLOCKS) {
        const s = await score(provider, clock);
        const precision = s.made === 0 ? 0 : s.right / s.made;
        const recall = s.right / s.expected;
        console.log(
          `${provider} at ${clock}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${s.right}/${s.expected})`,
        );
        expect(s.wrong, `${provider} at ${clock}`).toEqual([]);
        expect(recall, `${provider} at ${clock}:\n${s.missed.join('\n')}`).toBeGreaterThanOrEqual(0.97);
      }
    }, 120_000);
  }
});
