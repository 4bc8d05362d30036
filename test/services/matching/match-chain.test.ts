// The enrichment chain on real Postgres and a loopback ESPN/TheSportsDB: each step is shown answering the
// channels only it can answer, so a chain without that step fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { loadFamilyLeagueMappings } from '../../../src/config/leagues.js';
import { familyMappingsFor, upsertProviderMapping } from '../../../src/db/leagues.js';
import { insertProvider } from '../../../src/db/providers.js';
import { compileFamilies } from '../../../src/domain/channel-name/index.js';
import { createLeagueLexicon } from '../../../src/domain/league-names.js';
import { hhmm, wallClock } from '../../../src/domain/time.js';
import type { GuideProvider } from '../../../src/services/guides/guide-contracts.js';
import { understandLineup } from '../../../src/services/guides/guide-stages.js';
import { createMatchChain, type ChainResult } from '../../../src/services/matching/match-chain.js';
import { seedReferenceData } from '../../../src/services/events/reference-data.js';
import { leagues } from '../../support/config.js';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusEvents, type CorpusEvent } from '../../support/corpus.js';
import { loopbackRefresher, startFakeSportsApi, type FakeSportsApi } from '../../support/fake-sports-api.js';
import { playlistEntry } from '../../support/playlist-entry.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const NOW = CORPUS_NOW;
const nhlTonight = (events: CorpusEvent[]) =>
  events
    .filter((e) => e.league === 'NHL' && wallClock(new Date(e.startUtc), CORPUS_ZONE).ymd === '2026-11-25')
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc));
// For the games named by code below, a basketball twin at the same hour whose teams have the same codes: the
// codes then fit two games, and only the league tells them apart.
const twins = nhlTonight(loadCorpusEvents())
  .slice(2, 5)
  .map((e, i): CorpusEvent => ({
    ...e,
    id: `49990000${i}`,
    tsdbId: `59990000${i}`,
    league: 'NBA',
    sport: 'basketball',
    home: { ...e.home!, id: `99${i}1`, name: 'Twins', displayName: `${e.home!.location} Twins` },
    away: { ...e.away!, id: `99${i}2`, name: 'Doubles', displayName: `${e.away!.location} Doubles` },
    name: `twin ${i}`,
  }));
const corpus = [...loadCorpusEvents(), ...twins];
const lexicon = createLeagueLexicon(
  leagues.map((l) => ({ key: l.key, sport: l.sport, names: [l.name, ...l.aliases] })),
);
const families = compileFamilies([], loadDefaultFamilies('config/channel-families.yaml'));

// Tonight's NHL games in New York, earliest first.
const tonight = nhlTonight(corpus);
const clock = (e: CorpusEvent) => {
  const w = wallClock(new Date(e.startUtc), CORPUS_ZONE);
  return `${hhmm(w)} ET`;
};
const full = (e: CorpusEvent) => `${e.away!.displayName} @ ${e.home!.displayName} ${clock(e)}`;
const codes = (e: CorpusEvent) => `${e.away!.abbreviation} @ ${e.home!.abbreviation} ${clock(e)}`;

let fake: FakeSportsApi;
beforeAll(async () => {
  fake = await startFakeSportsApi({ events: corpus, now: NOW, leagues });
});
afterAll(async () => {
  await fake.close();
});

async function setUp(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  await seedReferenceData(t.database.db, leagues, loadFamilyLeagueMappings(undefined, leagues));
  return t;
}

function chainFor(t: TestDatabase) {
  const refresher = loopbackRefresher(t.database, fake.url, () => NOW, leagues);
  const chain = createMatchChain({
    db: t.database.db,
    leagues,
    leagueForHint: lexicon.exact,
    refresher,
    threshold: 0.7,
  });
  return { chain, refresher };
}

/** A chain's result once what it learned is stored, as the next generation or another provider sees it. */
async function stored(matching: Promise<ChainResult>): Promise<ChainResult> {
  const result = await matching;
  await result.store();
  return result;
}

let providerSeq = 0;
async function provider(t: TestDatabase): Promise<GuideProvider> {
  providerSeq += 1;
  const slug = `p${providerSeq}`;
  const row = await insertProvider(t.database.db, {
    slug,
    name: slug,
    playlist_url: 'http://example.invalid/p.m3u',
    timezone: CORPUS_ZONE,
  });
  if (!row) throw new Error('no provider row');
  return { id: row.id, slug, name: slug, playlistUrl: row.playlist_url, timezone: CORPUS_ZONE, settings: {} };
}

async function lineupOf(t: TestDatabase, p: GuideProvider, names: string[]) {
  const entries = names.map((name, i) => playlistEntry({ name, url: `http://h/live/u/p/${i}.ts` }));
  const mappings = await familyMappingsFor(t.database.db, p.id);
  return understandLineup(entries, { provider: p, now: NOW, families, mappings, lexicon }).channels;
}

describe('the match chain with nothing stored', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setUp();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('asks the sources on demand, and answers with handler sources', async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    const [game] = tonight;
    const channels = await lineupOf(t, p, [`NHL 01: ${full(game!)}`]);
    const { outcomes } = await stored(chain.matchChannels(p, channels, NOW));
    expect(outcomes[0]).toMatchObject({ status: 'matched', handler: 'sources' });
    expect(outcomes[0]?.event?.externalIds.espn).toBe(game!.id);
  });
});

describe('the match chain with the day stored', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setUp();
    const { refresher } = chainFor(t);
    await refresher.refresh({ leagues: ['NHL', 'NBA'], from: '2026-11-24', to: '2026-11-26' });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('answers from the local events first, then from its cache', async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    const channels = await lineupOf(t, p, [`NHL 02: ${full(tonight[1]!)}`]);
    const first = await stored(chain.matchChannels(p, channels, NOW));
    expect(first.outcomes[0]).toMatchObject({ status: 'matched', handler: 'local-events' });
    const again = await stored(chain.matchChannels(p, channels, NOW));
    expect(again.outcomes[0]).toMatchObject({ status: 'matched', handler: 'match-cache' });
    expect(again.outcomes[0]?.event?.id).toBe(first.outcomes[0]?.event?.id);
  });

  it('writes nothing until asked to store, and a generation never stored does not hold up the next', async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    const channels = await lineupOf(t, p, [`NHL 02: ${full(tonight[1]!)}`, 'NHL 03: Nobody vs Noone']);
    const first = await chain.matchChannels(p, channels, NOW);
    const rows = () =>
      t.database.db.selectFrom('unmatched_channels').select('name').where('provider_id', '=', p.id).execute();
    expect(await rows()).toEqual([]);
    const second = await chain.matchChannels(p, channels, NOW);
    expect(second.outcomes.map((o) => o.status)).toEqual(first.outcomes.map((o) => o.status));
    expect(second.store()).toBe(second.store());
    await second.store();
    expect(await rows()).toEqual([{ name: 'NHL 03: Nobody vs Noone' }]);
  });

  it('writes a channel still unmatched again only when its name or reasons change', async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    const seen = () =>
      t.database.db
        .selectFrom('unmatched_channels')
        .select(['name', 'seen_at'])
        .where('provider_id', '=', p.id)
        .orderBy('seen_at')
        .execute();
    const once = ['NHL 04: Nobody vs Noone'];
    await (await chain.matchChannels(p, await lineupOf(t, p, once), NOW)).store();
    const first = await seen();
    await new Promise((r) => setTimeout(r, 20));
    await (await chain.matchChannels(p, await lineupOf(t, p, once), NOW)).store();
    expect(await seen()).toEqual(first);

    const renamed = ['NHL 04: Nobody vs Noone (Alt)'];
    await (await chain.matchChannels(p, await lineupOf(t, p, renamed), NOW)).store();
    const after = await seen();
    expect(after.map((r) => r.name)).toEqual([once[0], renamed[0]]);
  });

  it("learns an unlisted family's league from its slots, then matches its channels named by code", async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    const [a, b, c] = tonight;
    const names = [`Sling 01 | ${full(a!)}`, `Sling 02 | ${full(b!)}`, `Sling 03 | ${codes(c!)}`];
    const { outcomes, learned } = await stored(chain.matchChannels(p, await lineupOf(t, p, names), NOW));
    expect(learned).toEqual(new Map([['Sling', ['NHL']]]));
    expect(outcomes.map((o) => o.event?.externalIds.espn)).toEqual([a!.id, b!.id, c!.id]);
    expect(outcomes[2]).toMatchObject({ handler: 'local-events' });

    const mappings = await familyMappingsFor(t.database.db, p.id);
    expect(mappings.find((m) => m.family === 'Sling')).toEqual({
      family: 'Sling',
      leagues: ['NHL'],
      source: 'learned',
    });
    // Without the lesson, the channel named by code alone stays unmatched.
    const alone = await provider(t);
    const lone = [`Sling 03 | ${codes(tonight[4]!)}`];
    const single = await stored(chainFor(t).chain.matchChannels(alone, await lineupOf(t, alone, lone), NOW));
    expect(single.outcomes[0]?.status).toBe('unmatched');
  });

  it("answers an identical name from another provider's confirmed match", async () => {
    const { chain } = chainFor(t);
    const first = await provider(t);
    const [a, b, , d] = tonight;
    const names = [`Sling 01 | ${full(a!)}`, `Sling 02 | ${full(b!)}`, `Sling 04 | ${codes(d!)}`];
    const taught = await stored(chain.matchChannels(first, await lineupOf(t, first, names), NOW));
    expect(taught.outcomes[2]?.status).toBe('matched');

    const second = await provider(t);
    const fresh = chainFor(t).chain;
    const { outcomes } = await stored(
      fresh.matchChannels(second, await lineupOf(t, second, [names[2]!]), NOW),
    );
    expect(outcomes[0]).toMatchObject({ status: 'matched', handler: 'cross-provider' });
    expect(outcomes[0]?.event?.externalIds.espn).toBe(d!.id);
  });

  it('keeps what it could not match, with the reasons, until it matches', async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    const name = `NHL 05: Nobody FC @ Nowhere United ${clock(tonight[0]!)}`;
    const { outcomes } = await stored(chain.matchChannels(p, await lineupOf(t, p, [name]), NOW));
    expect(outcomes[0]?.status).toBe('unmatched');
    const rows = await t.database.db
      .selectFrom('unmatched_channels')
      .select(['name', 'reason'])
      .where('provider_id', '=', p.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name });
    expect(rows[0]?.reason).toMatch(/local-events: .*\| cross-provider: .*\| sources: /);
  });

  it("never lets a lesson replace an admin's mapping", async () => {
    const { chain } = chainFor(t);
    const p = await provider(t);
    await upsertProviderMapping(t.database.db, p.id, 'Sling', ['NBA']);
    const [a, b] = tonight;
    const names = [`Sling 01 | ${full(a!)}`, `Sling 02 | ${full(b!)}`, `Sling 03 | ${full(tonight[5]!)}`];
    const { outcomes } = await stored(chain.matchChannels(p, await lineupOf(t, p, names), NOW));
    // The admin said NBA: these NHL games are not searched for.
    expect(outcomes.every((o) => o.status === 'unmatched')).toBe(true);
    const mappings = await familyMappingsFor(t.database.db, p.id);
    expect(mappings.find((m) => m.family === 'Sling')).toMatchObject({
      leagues: ['NBA'],
      source: 'provider',
    });
  });
});
