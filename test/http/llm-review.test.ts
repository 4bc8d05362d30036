// The LLM step through the running app: a provider whose names use nicknames no source lists, a loopback
// Messages API that knows them, the report saying what the step did, the review of its decisions, and the
// cost report from the stored ledgers.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusEvents, withoutAlternates } from '../support/corpus.js';
import {
  answering,
  nicknameOracle,
  startFakeMessagesApi,
  type FakeMessagesApi,
} from '../support/fake-messages-api.js';
import { startFakeSportsApi, type FakeSportsApi } from '../support/fake-sports-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = CORPUS_NOW;
const NICKNAMES = 'NHL 05: Blueshirts @ Habs 7:00 PM ET';
const playlist = [
  '#EXTM3U',
  `#EXTINF:-1 group-title="NHL",${NICKNAMES}`,
  'http://h/live/u/p/1.ts',
  '#EXTINF:-1 group-title="NHL",NHL 06: Nobody vs Noone 7:00 PM ET',
  'http://h/live/u/p/2.ts',
  '#EXTINF:-1 group-title="NHL",NHL 07:',
  'http://h/live/u/p/3.ts',
  '',
].join('\n');

interface Decision {
  id: number;
  channel: string;
  model: string;
  provider: string | null;
  question: { channel: string; candidates: { id: string }[] };
  answer: { kind: string; eventId?: string; confidence?: number };
  taught: { team: string; alias: string; pending: boolean }[];
  costUsd: number;
  review: string;
}

let sports: FakeSportsApi;
let llm: FakeMessagesApi;
let t: TestApp;

beforeAll(async () => {
  const events = withoutAlternates(loadCorpusEvents());
  sports = await startFakeSportsApi({ events, playlist, now: NOW });
  llm = await startFakeMessagesApi(
    answering(nicknameOracle({ Blueshirts: 'New York Rangers', Habs: 'Montreal Canadiens' })),
  );
  t = await startTestApp({
    now: () => NOW,
    config: {
      ESPN_BASE_URL: sports.url,
      THESPORTSDB_BASE_URL: sports.url,
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_BASE_URL: llm.url,
    },
  });
  const created = await request(t.url)
    .post('/api/providers')
    .set(t.auth)
    .send({ slug: 'nick', name: 'Nick', playlistUrl: `${sports.url}/playlist.m3u`, timezone: CORPUS_ZONE });
  expect(created.status).toBe(201);
  expect((await request(t.url).get('/epg/nick.xml')).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await t.close();
  await llm.close();
  await sports.close();
});

describe('the LLM step in the running service', () => {
  it('matches the nickname channel with handler llm, and the report says what the step did', async () => {
    const res = await request(t.url).get('/api/providers/nick/matches').set(t.auth);
    expect(res.status).toBe(200);
    const rows = res.body.channels as { name: string; status: string; handler?: string; why?: string }[];
    expect(rows.find((r) => r.name === NICKNAMES)).toMatchObject({ status: 'matched', handler: 'llm' });
    expect(rows.find((r) => r.name.startsWith('NHL 06'))).toMatchObject({ status: 'unmatched' });
    expect(res.body.llm).toMatchObject({
      enabled: true,
      model: 'claude-haiku-4-5',
      asked: 2,
      calls: 1,
      failedCalls: 0,
    });
    expect(llm.asked).toHaveLength(1);
  });

  it('makes no call for the same guide made again', async () => {
    t.services.guides.invalidate('nick');
    expect((await request(t.url).get('/epg/nick.xml')).status).toBe(200);
    const res = await request(t.url).get('/api/providers/nick/matches').set(t.auth);
    expect(res.body.llm).toMatchObject({ calls: 0 });
    expect(llm.asked).toHaveLength(1);
  });

  it('lists the decisions pending review with their question, answer, what they taught and cost', async () => {
    const res = await request(t.url).get('/api/review/llm').set(t.auth);
    expect(res.status).toBe(200);
    const decisions = res.body.decisions as Decision[];
    const chosen = decisions.find((d) => d.channel === NICKNAMES);
    expect(chosen).toMatchObject({
      model: 'claude-haiku-4-5',
      provider: 'nick',
      review: 'pending',
      answer: { kind: 'chosen' },
    });
    expect(chosen?.question.candidates.map((c) => c.id)).toContain(chosen?.answer.eventId);
    expect(chosen?.taught.map((a) => [a.alias, a.pending]).sort()).toEqual([
      ['Blueshirts', true],
      ['Habs', true],
    ]);
    expect(chosen?.costUsd).toBeGreaterThan(0);
    expect(decisions.find((d) => d.channel.startsWith('NHL 06'))?.answer.kind).toBe('none');
  });

  it('accepts a decision, and its aliases stop being pending', async () => {
    const list = (await request(t.url).get('/api/review/llm').set(t.auth)).body.decisions as Decision[];
    const id = list.find((d) => d.channel === NICKNAMES)!.id;
    const res = await request(t.url).post(`/api/review/llm/${id}`).set(t.auth).send({ decision: 'accept' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, review: 'accepted', aliases: 2, matchesRemoved: 0 });
    const accepted = (await request(t.url).get('/api/review/llm?status=accepted').set(t.auth)).body
      .decisions as Decision[];
    expect(accepted.map((d) => d.id)).toEqual([id]);
    expect(accepted[0]?.taught.every((a) => !a.pending)).toBe(true);
  });

  it('answers a bad review with a 4xx naming what is wrong', async () => {
    const bad = await request(t.url).post('/api/review/llm/1').set(t.auth).send({ decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('decision');
    const missing = await request(t.url)
      .post('/api/review/llm/999999')
      .set(t.auth)
      .send({ decision: 'reject' });
    expect(missing.status).toBe(404);
    const unauthorised = await request(t.url).get('/api/review/llm');
    expect(unauthorised.status).toBe(401);
  });

  it('reports per day the LLM calls, tokens and dollars, and requests per source', async () => {
    const res = await request(t.url).get('/api/stats/costs?from=2026-11-24&to=2026-11-25').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.days.map((d: { day: string }) => d.day)).toEqual(['2026-11-24', '2026-11-25']);
    const today = res.body.days[1];
    expect(today.llm).toMatchObject({ calls: 1, failedCalls: 0, inputTokens: 1800, outputTokens: 240 });
    expect(today.llm.usd).toBeCloseTo((1800 * 1 + 240 * 5) / 1e6, 6);
    expect(today.calls.llm).toBe(1);
    expect(today.calls.espn).toBeGreaterThan(0);
    expect(res.body.totals.llm.calls).toBe(1);
    // The default range is the week up to today.
    const week = await request(t.url).get('/api/stats/costs').set(t.auth);
    expect(week.body).toMatchObject({ from: '2026-11-19', to: '2026-11-25' });
  });

  it('answers a bad cost range with a 400 naming the field', async () => {
    const notADate = await request(t.url).get('/api/stats/costs?from=2026-13-01').set(t.auth);
    expect(notADate.status).toBe(400);
    expect(JSON.stringify(notADate.body)).toContain('from');
    const reversed = await request(t.url).get('/api/stats/costs?from=2026-11-25&to=2026-11-20').set(t.auth);
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body)).toContain('from');
  });
});
