// The LLM step inside the real chain, on real Postgres, a loopback ESPN/TheSportsDB and a loopback Messages
// API: asked once about what no rule matched, in batches, within budget; every failure leaves the channel
// unmatched with the reason; decisions reused across generations, restarts and providers; what an accepted
// decision taught serves every provider's local matching.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { loadFamilyLeagueMappings } from '../../../src/config/leagues.js';
import { familyMappingsFor } from '../../../src/db/leagues.js';
import { insertLlmCall } from '../../../src/db/llm-calls.js';
import { insertProvider } from '../../../src/db/providers.js';
import { compileFamilies } from '../../../src/domain/channel-name/index.js';
import { createLeagueLexicon } from '../../../src/domain/league-names.js';
import type { GuideProvider } from '../../../src/services/guides/guide-contracts.js';
import { understandLineup } from '../../../src/services/guides/guide-stages.js';
import { createLlmReview } from '../../../src/services/llm/llm-review.js';
import { createLlmStep } from '../../../src/services/llm/llm-step.js';
import { createMatchChain, type ChainResult } from '../../../src/services/matching/match-chain.js';
import { seedReferenceData } from '../../../src/services/events/reference-data.js';
import { createLlmClient } from '../../../src/sources/llm.js';
import { leagues } from '../../support/config.js';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusEvents, withoutAlternates } from '../../support/corpus.js';
import { loopbackRefresher, startFakeSportsApi, type FakeSportsApi } from '../../support/fake-sports-api.js';
import {
  answering,
  nicknameOracle,
  startFakeMessagesApi,
  type FakeMessagesApi,
  type FakeScript,
} from '../../support/fake-messages-api.js';
import { playlistEntry } from '../../support/playlist-entry.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const NOW = CORPUS_NOW;
const MODEL = 'claude-haiku-4-5';
// The sources list no other names for any team: the nicknames below are known only to the model.
const corpus = withoutAlternates(loadCorpusEvents());
const lexicon = createLeagueLexicon(
  leagues.map((l) => ({ key: l.key, sport: l.sport, names: [l.name, ...l.aliases] })),
);
const families = compileFamilies([], loadDefaultFamilies('config/channel-families.yaml'));
// Rangers at Canadiens, 7:00 PM in New York on the corpus day; Islanders at Senators the night before.
const HABS = 'NHL 05: Blueshirts @ Habs 7:00 PM ET';
const knows = nicknameOracle({
  Blueshirts: 'New York Rangers',
  Habs: 'Montreal Canadiens',
  Sens: 'Ottawa Senators',
});

let sports: FakeSportsApi;
let llmApi: FakeMessagesApi;
let script: FakeScript = answering(knows);
beforeAll(async () => {
  sports = await startFakeSportsApi({ events: corpus, now: NOW, leagues });
  llmApi = await startFakeMessagesApi((req, i) => script(req, i));
});
afterAll(async () => {
  await sports.close();
  await llmApi.close();
});

async function setUp(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  await seedReferenceData(t.database.db, leagues, loadFamilyLeagueMappings(undefined, leagues));
  return t;
}

interface ChainOptions {
  key?: boolean;
  budget?: number;
  timeoutMs?: number;
  waitMs?: number;
  clock?: () => Date;
}

function chainFor(t: TestDatabase, opts: ChainOptions = {}) {
  return chainAndStep(t, opts).chain;
}

function chainAndStep(t: TestDatabase, opts: ChainOptions = {}) {
  const refresher = loopbackRefresher(t.database, sports.url, () => NOW, leagues);
  const llm = createLlmStep({
    db: t.database.db,
    client:
      opts.key === false
        ? null
        : createLlmClient({
            apiKey: 'test-key',
            baseUrl: llmApi.url,
            model: MODEL,
            timeoutMs: opts.timeoutMs ?? 5_000,
            sleep: () => Promise.resolve(),
          }),
    model: MODEL,
    price: { input: 1, output: 5 },
    dailyBudgetUsd: opts.budget ?? 1,
    waitMs: opts.waitMs ?? 5_000,
    threshold: 0.7,
    now: opts.clock ?? (() => NOW),
  });
  const chain = createMatchChain({
    db: t.database.db,
    leagues,
    leagueForHint: lexicon.exact,
    refresher,
    threshold: 0.7,
    llm,
  });
  return { chain, llm };
}

let providerSeq = 0;
async function provider(t: TestDatabase): Promise<GuideProvider> {
  providerSeq += 1;
  const slug = `llm${providerSeq}`;
  const row = await insertProvider(t.database.db, {
    slug,
    name: slug,
    playlist_url: 'http://example.invalid/p.m3u',
    timezone: CORPUS_ZONE,
  });
  if (!row) throw new Error('no provider row');
  return { id: row.id, slug, name: slug, playlistUrl: row.playlist_url, timezone: CORPUS_ZONE, settings: {} };
}

async function match(
  t: TestDatabase,
  chain: ReturnType<typeof chainFor>,
  p: GuideProvider,
  names: string[],
): Promise<ChainResult> {
  const entries = names.map((name, i) => playlistEntry({ name, url: `http://h/live/u/p/${i}.ts` }));
  const mappings = await familyMappingsFor(t.database.db, p.id);
  const { channels } = understandLineup(entries, { provider: p, now: NOW, families, mappings, lexicon });
  const result = await chain.matchChannels(p, channels, NOW);
  await result.store();
  return result;
}

function asked(): number {
  return llmApi.asked.length;
}

describe('the LLM step', () => {
  // A database each: another provider's match of the same name would answer before the LLM is asked.
  let t: TestDatabase;
  beforeEach(async () => {
    t = await setUp();
  });
  afterEach(async () => {
    await t.drop();
  });

  it('is off without a key, and the outcome and summary say so', async () => {
    script = answering(knows);
    const before = asked();
    const { outcomes, llm } = await match(t, chainFor(t, { key: false }), await provider(t), [HABS]);
    expect(outcomes[0]).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining('llm: off (no ANTHROPIC_API_KEY)'),
    });
    expect(llm).toMatchObject({ enabled: false, calls: 0, note: 'off: no ANTHROPIC_API_KEY' });
    expect(asked()).toBe(before);
  });

  it('asks about the channel no rule matched, among real candidates, and matches it with handler llm', async () => {
    script = answering(knows);
    const before = asked();
    const { outcomes, llm } = await match(t, chainFor(t), await provider(t), [
      HABS,
      'NHL 06: Nobody vs Noone 7:00 PM ET',
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'matched', handler: 'llm', confidence: 0.92 });
    expect(outcomes[0]?.event?.title).toMatch(/Rangers.*Canadiens|Canadiens.*Rangers/);
    expect(outcomes[0]?.why).toContain(MODEL);
    expect(outcomes[1]).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining(`llm: ${MODEL} found none`),
    });
    expect(llm).toMatchObject({ enabled: true, model: MODEL, asked: 2, calls: 1, failedCalls: 0 });
    expect(asked()).toBe(before + 1);
    const request = llmApi.asked.at(-1)!;
    expect(request.questions.map((q) => q.channel)).toEqual([HABS, 'NHL 06: Nobody vs Noone 7:00 PM ET']);
    for (const q of request.questions) {
      expect(q.candidates.length).toBeGreaterThan(0);
      expect(q.candidates.length).toBeLessThanOrEqual(10);
      expect(q.candidates.every((c) => c.league === 'NHL')).toBe(true);
    }
    // The decision, its call and what it taught are stored.
    const decisions = await t.database.db
      .selectFrom('llm_decisions')
      .selectAll()
      .where('channel', '=', HABS)
      .execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      model: MODEL,
      outcome: 'chosen',
      review: 'pending',
      input_tokens: 900,
      output_tokens: 120,
    });
    expect(Number(decisions[0]!.cost_usd)).toBeCloseTo((1800 * 1 + 240 * 5) / 1e6 / 2, 6);
    const taught = await t.database.db
      .selectFrom('team_aliases')
      .select(['alias', 'pending', 'source'])
      .where('llm_decision_id', '=', decisions[0]!.id)
      .orderBy('alias')
      .execute();
    expect(taught).toEqual([
      { alias: 'Blueshirts', pending: true, source: 'llm' },
      { alias: 'Habs', pending: true, source: 'llm' },
    ]);
  });

  it('never asks the same question twice: not in the next generation, after a restart, or for another provider', async () => {
    script = answering(knows);
    const p = await provider(t);
    const chain = chainFor(t);
    await match(t, chain, p, [HABS]);
    const before = asked();
    expect((await match(t, chain, p, [HABS])).outcomes[0]).toMatchObject({ handler: 'match-cache' });
    const restarted = await match(t, chainFor(t), p, [HABS]);
    expect(restarted.outcomes[0]).toMatchObject({
      status: 'matched',
      handler: 'llm',
      why: expect.stringContaining('stored'),
    });
    expect(restarted.llm).toMatchObject({ asked: 0, reused: 1, calls: 0 });
    const other = await match(t, chainFor(t), await provider(t), [HABS]);
    expect(other.outcomes[0]?.status).toBe('matched');
    expect(asked()).toBe(before);
  });

  it('asks 25 channels a call, two calls at a time at most', async () => {
    script = async (req) => {
      await new Promise((r) => setTimeout(r, 100));
      return answering(knows)(req, 0);
    };
    const before = asked();
    const names = Array.from({ length: 60 }, (_, i) => `NHL ${i + 10}: Nobody${i} vs Noone${i} 7:00 PM ET`);
    const { llm } = await match(t, chainFor(t), await provider(t), names);
    expect(asked() - before).toBe(3);
    expect(
      llmApi.asked
        .slice(before)
        .map((r) => r.questions.length)
        .sort(),
    ).toEqual([10, 25, 25]);
    expect(llmApi.maxInFlight()).toBe(2);
    expect(llm).toMatchObject({ asked: 60, calls: 3 });
  });

  it('rejects an id not among the candidates, a malformed answer and a confidence below the threshold', async () => {
    const names = [
      'NHL 71: Blueshirts @ Habs 7:00 PM ET',
      'NHL 72: Blueshirts @ Habs 7:00 PM ET',
      'NHL 73: Blueshirts @ Habs 7:00 PM ET',
    ];
    script = answering((q) => {
      const right = knows(q);
      if (q.channel === names[0]) return { ...right, eventId: '999999' };
      if (q.channel === names[1]) return { ...right, confidence: 'high' };
      return { ...right, confidence: 0.55 };
    });
    const { outcomes } = await match(t, chainFor(t), await provider(t), names);
    expect(outcomes.map((o) => o.status)).toEqual(['unmatched', 'unmatched', 'unmatched']);
    expect(outcomes[0]?.why).toMatch(/answered id "999999", not a candidate/);
    expect(outcomes[1]?.why).toMatch(/malformed answer \(confidence/);
    expect(outcomes[2]?.why).toMatch(/\(0\.55\) is below the threshold 0\.7/);
  });

  it('leaves the channels of a refused call unmatched, and rests them an hour before asking again', async () => {
    let clock = NOW;
    const chain = chainFor(t, { clock: () => clock });
    const p = await provider(t);
    const names = ['NHL 81: Blueshirts @ Habs 7:00 PM ET'];
    script = () => ({ kind: 'refusal' });
    const before = asked();
    const first = await match(t, chain, p, names);
    expect(first.outcomes[0]).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining('call failed (refusal'),
    });
    expect(first.llm).toMatchObject({ calls: 1, failedCalls: 1 });
    script = answering(knows);
    const rested = await match(t, chain, p, names);
    expect(rested.outcomes[0]?.why).toContain('resting an hour');
    expect(asked()).toBe(before + 1);
    clock = new Date(NOW.getTime() + 61 * 60_000);
    expect((await match(t, chain, p, names)).outcomes[0]).toMatchObject({
      status: 'matched',
      handler: 'llm',
    });
    expect(asked()).toBe(before + 2);
  });

  it('retries a 429 once, and leaves the channels unmatched after a second 529', async () => {
    const start = asked();
    script = (req, i) =>
      i === start
        ? { kind: 'error', status: 429, type: 'rate_limit_error', retryAfter: '1' }
        : answering(knows)(req, i);
    const ok = await match(t, chainFor(t), await provider(t), ['NHL 91: Blueshirts @ Habs 7:00 PM ET']);
    expect(ok.outcomes[0]).toMatchObject({ status: 'matched', handler: 'llm' });
    expect(asked()).toBe(start + 2);

    script = () => ({ kind: 'error', status: 529, type: 'overloaded_error' });
    const down = await match(t, chainFor(t), await provider(t), ['NHL 92: Nobody vs Noone 7:00 PM ET']);
    expect(down.outcomes[0]).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining('overloaded'),
    });
    expect(asked()).toBe(start + 4);
  });

  it('does not hold the guide past its wait: a late answer is stored and serves the next guide', async () => {
    script = async (req) => {
      await new Promise((r) => setTimeout(r, 600));
      return answering(knows)(req, 0);
    };
    const { chain, llm } = chainAndStep(t, { waitMs: 100 });
    const p = await provider(t);
    const before = asked();
    const first = await match(t, chain, p, [HABS]);
    expect(first.outcomes[0]).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining('serves the next guide'),
    });
    // Asked for again while the answer is on its way: not asked twice.
    const meanwhile = await match(t, chain, p, [HABS]);
    expect(meanwhile.outcomes[0]?.why).toContain('being asked for an earlier guide');
    await llm.idle();
    const next = await match(t, chain, p, [HABS]);
    expect(next.outcomes[0]).toMatchObject({
      status: 'matched',
      handler: 'llm',
      why: expect.stringContaining('stored'),
    });
    expect(asked()).toBe(before + 1);
  });

  it('gives up on a call that hangs past the timeout, and the guide goes on', async () => {
    script = () => ({ kind: 'hang' });
    const { outcomes } = await match(t, chainFor(t, { timeoutMs: 300 }), await provider(t), [
      'NHL 93: Blueshirts @ Habs 7:00 PM ET',
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'unmatched', why: expect.stringContaining('timeout') });
  });

  it('makes no call once the day’s budget is spent', async () => {
    script = answering(knows);
    await insertLlmCall(t.database.db, {
      model: MODEL,
      channels: 25,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 5,
      latencyMs: 1,
      attempts: 1,
      outcome: 'answered',
      error: null,
      at: NOW,
    });
    const before = asked();
    const { outcomes, llm } = await match(t, chainFor(t, { budget: 5 }), await provider(t), [
      'NHL 94: Blueshirts @ Habs 7:00 PM ET',
    ]);
    expect(asked()).toBe(before);
    expect(outcomes[0]?.why).toMatch(/llm: not asked, daily budget of \$5\.00 spent/);
    expect(llm?.note).toMatch(/daily budget/);
  });
});

describe('what the LLM taught, once reviewed', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setUp();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('serves every provider’s local matching once accepted, so the nickname never reaches the LLM again', async () => {
    script = answering(knows);
    const first = await match(t, chainFor(t), await provider(t), [HABS]);
    const decisionId = Number(
      (
        await t.database.db
          .selectFrom('llm_decisions')
          .select('id')
          .where('channel', '=', HABS)
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect(first.outcomes[0]?.handler).toBe('llm');
    // Pending, what it taught does not serve matching: another spelling is a new question for the model.
    const pending = await match(t, chainFor(t), await provider(t), ['NHL 14: Habs vs Blueshirts 7:00 PM ET']);
    expect(pending.outcomes[0]).toMatchObject({ status: 'matched', handler: 'llm' });
    const review = createLlmReview({ db: t.database.db, forget: () => undefined });
    expect(await review.review(decisionId, 'accept')).toMatchObject({ review: 'accepted', aliases: 2 });
    const before = asked();
    // Another provider, another slot and a spelling of its own: a question never asked, answered locally.
    const next = await match(t, chainFor(t), await provider(t), ['NHL 11 | Blueshirts vs Habs | 7:00 PM ET']);
    expect(next.outcomes[0]).toMatchObject({
      status: 'matched',
      handler: expect.stringMatching(/local-events|sources/),
    });
    expect(next.outcomes[0]?.event?.id).toBe(first.outcomes[0]?.event?.id);
    expect(asked()).toBe(before);
  });

  it('forgets a rejected decision: its aliases and matches go, and it is never reused', async () => {
    const knowsIsles = nicknameOracle({ Isles: 'New York Islanders', Sens: 'Ottawa Senators' });
    script = answering(knowsIsles);
    // The Islanders at the Senators are the night before the corpus day at 10 PM: ask with that time.
    const late = 'NHL 12: Isles @ Sens 10:00 PM ET 11/24';
    const p = await provider(t);
    const forgotten: number[] = [];
    const chain = chainFor(t);
    const first = await match(t, chain, p, [late]);
    expect(first.outcomes[0]).toMatchObject({ status: 'matched', handler: 'llm' });
    const row = await t.database.db
      .selectFrom('llm_decisions')
      .select('id')
      .where('channel', '=', late)
      .executeTakeFirstOrThrow();
    const review = createLlmReview({
      db: t.database.db,
      forget: (id) => {
        forgotten.push(id);
        chain.forgetDecision(id);
      },
    });
    expect(await review.review(row.id, 'reject')).toMatchObject({
      review: 'rejected',
      aliases: 2,
      matchesRemoved: 1,
    });
    expect(forgotten).toEqual([row.id]);
    const before = asked();
    const again = await match(t, chain, p, [late]);
    expect(again.outcomes[0]).toMatchObject({
      status: 'unmatched',
      why: expect.stringContaining('an admin rejected'),
    });
    expect(asked()).toBe(before);
    const aliases = await t.database.db
      .selectFrom('team_aliases')
      .select('id')
      .where('llm_decision_id', '=', row.id)
      .execute();
    expect(aliases).toEqual([]);
  });
});
