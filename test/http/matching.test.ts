import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatXmltvTime } from '../../src/domain/xmltv/writer.js';
import { CORPUS_NOW, CORPUS_ZONE, corpusPlaylistText, loadCorpusLabels } from '../support/corpus.js';
import type { FakeSportsApi } from '../support/fake-sports-api.js';
import { loadCorpusEvents, startFakeSportsApi } from '../support/fake-sports-api.js';
import type { TestApp } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';
import { hasXmllint, validateWithXmllint, warnMissingValidators } from '../support/xmltv-validate.js';

warnMissingValidators();

interface ReportRow {
  channelId: string | null;
  name: string;
  status: string;
  event?: { id: string; startsAt: string; externalIds: { espn?: string; thesportsdb?: string } };
  handler?: string;
  confidence?: number;
  why?: string;
}

const labels = loadCorpusLabels();
const NOW = CORPUS_NOW;
const TZ = CORPUS_ZONE;

let fake: FakeSportsApi;
let t: TestApp;
let report: ReportRow[];
let xml: string;

function sourceCalls(stats: Record<string, number>): number {
  return Object.entries(stats)
    .filter(([path]) => path.startsWith('/apis/') || path.startsWith('/api/v1/'))
    .reduce((n, [, c]) => n + c, 0);
}

beforeAll(async () => {
  fake = await startFakeSportsApi({
    events: loadCorpusEvents(),
    playlist: corpusPlaylistText(),
    now: NOW,
  });
  t = await startTestApp({
    now: () => NOW,
    config: { ESPN_BASE_URL: fake.url, THESPORTSDB_BASE_URL: fake.url },
  });
  const created = await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'acme', name: 'Acme', playlistUrl: `${fake.url}/playlist.m3u`, timezone: TZ });
  expect(created.status).toBe(201);
  const guide = await request(t.url).get('/epg/acme.xml');
  expect(guide.status).toBe(200);
  xml = guide.text;
  const res = await request(t.url).get('/api/providers/acme/matches').set(t.auth);
  expect(res.status).toBe(200);
  report = res.body.channels as ReportRow[];
}, 180_000);

afterAll(async () => {
  await t.close();
  await fake.close();
});

describe('matching the development corpus end to end', () => {
  it('matches event channels with precision >= 0.99 and recall >= 0.97', () => {
    const byName = new Map(report.map((r) => [r.name, r]));
    const events = labels.filter((l) => l.kind === 'event' && l.expect);
    let made = 0;
    let right = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const l of events) {
      const row = byName.get(l.name);
      if (row?.status !== 'matched') {
        missed.push(`${l.name} -> ${row?.why ?? 'absent'}`);
        continue;
      }
      made += 1;
      if (row.event?.externalIds.espn === l.expect!.eventId) right += 1;
      else wrong.push(`${l.name} -> ${JSON.stringify(row.event)}`);
    }
    // Channels that carry no event must not be matched either.
    const falseMatches = labels.filter((l) => !l.expect && byName.get(l.name)?.status === 'matched');
    made += falseMatches.length;
    const precision = made === 0 ? 0 : right / made;
    const recall = right / events.length;
    console.log(
      `corpus matching: ${right}/${events.length} right, ${made} made, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(wrong.concat(falseMatches.map((l) => l.name))).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall, missed.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('explains every match with a handler, a confidence and a reason', () => {
    for (const row of report.filter((r) => r.status === 'matched')) {
      // A cold guide: nothing is stored yet, so the sources answer (the first league-days fetched let the
      // local events answer the channels that follow).
      expect(row.handler).toMatch(/^(local-events|sources)$/);
      expect(row.confidence).toBeGreaterThan(0);
      expect(row.confidence).toBeLessThanOrEqual(1);
      expect(row.why).toBeTruthy();
    }
  });

  it('reports each family found, where its leagues come from and how many of its channels matched', async () => {
    const res = await request(t.url).get('/api/providers/acme/matches').set(t.auth);
    const families = res.body.families as {
      family: string;
      recognisedBy: string;
      slots: number;
      events: number;
      matched: number;
      leagues: string[];
      leagueSource: string | null;
    }[];
    const byFamily = new Map(families.map((f) => [f.family, f]));
    const nba = labels.filter((l) => /^NBA \d/.test(l.name));
    expect(byFamily.get('NBA')).toMatchObject({
      recognisedBy: 'config',
      slots: nba.length,
      events: nba.filter((l) => l.kind === 'event').length,
      matched: nba.filter((l) => l.expect).length,
      leagues: ['NBA'],
      leagueSource: 'config',
    });
    expect(byFamily.get('ESPN+')).toMatchObject({ leagueSource: 'config' });
    for (const f of families) expect(f.matched, f.family).toBeLessThanOrEqual(f.events);
  });

  it("starts every matched channel's live programme at its event's start", () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'programme' });
    const doc = parser.parse(xml) as {
      tv: { programme: { '@_start': string; '@_channel': string; new?: string }[] };
    };
    const matched = report.filter((r) => r.status === 'matched');
    expect(matched.length).toBeGreaterThan(0);
    for (const row of matched) {
      const live = doc.tv.programme.filter((p) => p['@_channel'] === row.channelId && p.new !== undefined);
      expect(live, row.name).toHaveLength(1);
      expect(live[0]!['@_start'], row.name).toBe(formatXmltvTime(new Date(row.event!.startsAt), TZ));
    }
  });

  it("points every matched channel's programmes at the event's matchup art, which answers a PNG", async () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'programme' });
    const doc = parser.parse(xml) as {
      tv: { programme: { '@_channel': string; icon?: { '@_src': string } }[] };
    };
    const matched = report.filter((r) => r.status === 'matched');
    for (const row of matched) {
      const icons = new Set(
        doc.tv.programme.filter((p) => p['@_channel'] === row.channelId).map((p) => p.icon?.['@_src']),
      );
      const art = `${t.url}/art/${row.event!.id}.png?tz=${encodeURIComponent(TZ)}`;
      expect([...icons], row.name).toEqual([art]);
    }
    const unmatched = report.find((r) => r.status !== 'matched' && r.channelId);
    if (unmatched) {
      const own = doc.tv.programme.filter((p) => p['@_channel'] === unmatched.channelId);
      expect(own.every((p) => !p.icon?.['@_src'].includes('/art/'))).toBe(true);
    }
    const png = await request(t.url).get(new URL(`${t.url}/art/${matched[0]!.event!.id}.png`).pathname);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
  });

  it.skipIf(!hasXmllint)('stays valid against the XMLTV DTD with the art links', () => {
    expect(xml).toContain('/art/');
    const r = validateWithXmllint(xml);
    expect(r.ok, r.output).toBe(true);
  });

  it('answers a second generation of the same guide from the match cache, with no source call', async () => {
    fake.resetStats();
    t.services.guides.invalidate('acme');
    const again = await request(t.url).get('/epg/acme.xml');
    expect(again.status).toBe(200);
    expect(sourceCalls(fake.stats())).toBe(0);
    const res = await request(t.url).get('/api/providers/acme/matches').set(t.auth);
    const matched = (res.body.channels as ReportRow[]).filter((r) => r.status === 'matched');
    expect(matched.length).toBe(report.filter((r) => r.status === 'matched').length);
    expect(new Set(matched.map((r) => r.handler))).toEqual(new Set(['match-cache']));
  });

  it('gives another provider’s identical name the same event, from the events stored for the first', async () => {
    const name = labels.find((l) => l.kind === 'event' && l.expect)!;
    const row = report.find((r) => r.name === name.name)!;
    writeFileSync(
      resolve(t.playlistDir, 'other.m3u'),
      `#EXTM3U\n#EXTINF:-1,${name.name}\nhttp://other.example/live/u/p/1.ts\n`,
    );
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ slug: 'other', name: 'Other', playlistUrl: 'file:other.m3u', timezone: TZ });
    const res = await request(t.url).get('/api/providers/other/matches').set(t.auth);
    const other = (res.body.channels as ReportRow[]).find((r) => r.name === name.name)!;
    expect(other).toMatchObject({ status: 'matched', handler: 'local-events' });
    expect(other.event?.id).toBe(row.event?.id);
  });
});
