// The LLM step on the development corpus written with its nicknames: a provider whose event channels name
// teams by the other names the corpus gives them (Habs, Niners, Bucs, Atleti, BVB...), served by sports APIs
// that list none of those names, so only the model can know them. Matched without the LLM, then with a
// loopback Messages API that knows the nicknames, cold, warm (the guide made again) and after a restart (new
// caches, same database); calls per generation, tokens (estimated at four characters a token, as the fake
// counts them) and dollars per 100 channels asked at the default model's price.
import request from 'supertest';
import { resolve } from 'node:path';
import { loadLlmPrices, priceOf } from '../src/config/llm-prices.js';
import { costUsd } from '../src/domain/llm/index.js';
import { wallClock } from '../src/domain/time.js';
import type { MatchReport } from '../src/services/guides/guide-contracts.js';
import { buildServices } from '../src/services/compose.js';
import {
  CORPUS_NOW,
  CORPUS_ZONE,
  loadCorpusEvents,
  type CorpusEvent,
  withoutAlternates,
} from '../test/support/corpus.js';
import { answering, nicknameOracle, startFakeMessagesApi } from '../test/support/fake-messages-api.js';
import { startFakeSportsApi } from '../test/support/fake-sports-api.js';
import { startTestApp, testConfig, type TestApp } from '../test/support/test-app.js';

const MODEL = 'claude-haiku-4-5';
const NOW = CORPUS_NOW;

interface Channel {
  name: string;
  espnId: string;
  nicknamed: boolean;
}

/** The corpus day's games with teams, each written as a provider would, a team by its nickname when it has one. */
function lineup(events: CorpusEvent[]): { channels: Channel[]; nicknames: Record<string, string> } {
  const nicknames: Record<string, string> = {};
  const slots = new Map<string, number>();
  const channels: Channel[] = [];
  for (const e of events) {
    if (!e.home || !e.away) continue;
    const local = wallClock(new Date(e.startUtc), CORPUS_ZONE);
    if (local.ymd !== '2026-11-25') continue;
    const written = [e.away, e.home].map((t) => {
      const nick = (t.alternates ?? []).find((a) => !t.displayName.includes(a) && a.length <= 12);
      if (nick) nicknames[nick] = t.displayName;
      return nick ?? t.name ?? t.displayName;
    });
    const slot = (slots.get(e.league) ?? 0) + 1;
    slots.set(e.league, slot);
    const h = local.hour % 12 === 0 ? 12 : local.hour % 12;
    const time = `${h}:${String(local.minute).padStart(2, '0')} ${local.hour < 12 ? 'AM' : 'PM'} ET`;
    channels.push({
      name: `${e.league} ${String(slot).padStart(2, '0')}: ${written[0]} @ ${written[1]} ${time}`,
      espnId: e.id,
      nicknamed: written.some((w) => w in nicknames),
    });
  }
  return { channels, nicknames };
}

function score(
  report: { name: string; status: string; handler?: string; event?: { externalIds: { espn?: string } } }[],
  channels: Channel[],
) {
  const byName = new Map(report.map((r) => [r.name, r]));
  let made = 0;
  let right = 0;
  const handlers: Record<string, number> = {};
  for (const c of channels) {
    const row = byName.get(c.name);
    if (row?.status !== 'matched') continue;
    made += 1;
    if (row.event?.externalIds.espn === c.espnId) right += 1;
    handlers[row.handler ?? '?'] = (handlers[row.handler ?? '?'] ?? 0) + 1;
  }
  return { made, right, precision: made ? right / made : 1, recall: right / channels.length, handlers };
}

export async function runLlmNicknamesBench(): Promise<void> {
  const corpus = loadCorpusEvents();
  const { channels, nicknames } = lineup(corpus);
  const playlist = [
    '#EXTM3U',
    ...channels.flatMap((c, i) => [`#EXTINF:-1,${c.name}`, `http://h/live/u/p/${i}.ts`]),
    '',
  ].join('\n');
  // The sources list no other names: the nicknames are the model's to know.
  const events = withoutAlternates(corpus);
  const sports = await startFakeSportsApi({ events, playlist, now: NOW });
  const llm = await startFakeMessagesApi(answering(nicknameOracle(nicknames)), { estimateUsage: true });
  const price = priceOf(loadLlmPrices(resolve(import.meta.dirname, '../config/llm-prices.yaml')), MODEL)!;
  const nicknamed = channels.filter((c) => c.nicknamed).length;
  console.log(
    `\n== LLM step: the corpus day written with nicknames (${channels.length} event channels, ${nicknamed} with a nickname) ==`,
  );

  const run = async (withLlm: boolean): Promise<{ t: TestApp; report: () => Promise<MatchReport> }> => {
    const t = await startTestApp({
      now: () => NOW,
      config: {
        ESPN_BASE_URL: sports.url,
        THESPORTSDB_BASE_URL: sports.url,
        ...(withLlm && { ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: llm.url }),
      },
    });
    await request(t.url)
      .post('/api/providers')
      .set(t.auth)
      .send({ slug: 'nick', name: 'Nick', playlistUrl: `${sports.url}/playlist.m3u`, timezone: CORPUS_ZONE });
    const report = async () => {
      await request(t.url).get('/epg/nick.xml');
      return (await request(t.url).get('/api/providers/nick/matches').set(t.auth)).body as MatchReport;
    };
    return { t, report };
  };

  const off = await run(false);
  const without = score((await off.report()).channels, channels);
  console.log(
    `without the LLM: matched ${without.made}, precision ${without.precision.toFixed(3)}, recall ${without.recall.toFixed(3)} ${JSON.stringify(without.handlers)}`,
  );
  await off.t.close();

  const on = await run(true);
  const cold = await on.report();
  const withLlm = score(cold.channels, channels);
  console.log(
    `with the LLM fake: matched ${withLlm.made}, precision ${withLlm.precision.toFixed(3)}, recall ${withLlm.recall.toFixed(3)} ${JSON.stringify(withLlm.handlers)}`,
  );
  const calls = llm.asked.length;
  const asked = llm.asked.reduce((n, r) => n + r.questions.length, 0);
  const usage = llm.usage();
  const usd = costUsd({ inputTokens: usage.input, outputTokens: usage.output }, price);
  console.log(
    `cold generation: ${cold.llm?.calls ?? 0} calls for ${cold.llm?.asked ?? 0} channels asked; tokens in ${usage.input}, out ${usage.output}`,
  );
  console.log(
    `cost at ${MODEL} ($${price.input}/$${price.output} per million): $${usd.toFixed(4)}, $${((usd / asked) * 100).toFixed(4)} per 100 channels asked`,
  );
  on.t.services.guides.invalidate('nick');
  const warm = await on.report();
  console.log(
    `warm generation (the guide made again): ${warm.llm?.calls ?? 0} calls, ${llm.asked.length - calls} requests`,
  );
  // A restart: new caches and a new chain over the same database.
  const restarted = buildServices({
    database: on.t.testDb.database,
    now: () => NOW,
    config: testConfig({
      ESPN_BASE_URL: sports.url,
      THESPORTSDB_BASE_URL: sports.url,
      ANTHROPIC_API_KEY: 'bench-key',
      ANTHROPIC_BASE_URL: llm.url,
      LLM_TIMEOUT_MS: 30_000,
      LLM_WAIT_MS: 10_000,
    }),
  });
  const guide = await restarted.guides.getGuide('nick');
  await restarted.guides.idle();
  await restarted.llm.idle();
  console.log(
    `after a restart: ${guide.report.llm?.calls ?? 0} calls, ${guide.report.llm?.reused ?? 0} answered from stored decisions, ${llm.asked.length - calls} requests`,
  );
  await on.t.close();
  await llm.close();
  await sports.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runLlmNicknamesBench();
