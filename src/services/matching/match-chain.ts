// The enrichment chain: an ordered list of handlers (match-handlers.ts), the first confident answer wins and
// every step is recorded. After one pass, what the family's confident matches agree on becomes the family's
// league for this generation, and its channels still open are asked again with it known.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { LeagueConfig } from '../../config/leagues.js';
import { saveLearnedMappings } from '../../db/leagues.js';
import { deleteUnmatched, upsertMatches, upsertUnmatched } from '../../db/matches.js';
import type { DB } from '../../db/types.js';
import { familyKey, restricts, type FamilyLeagues } from '../../domain/family-leagues.js';
import { candidateQuery, channelFingerprint, learnFamilyLeagues } from '../../domain/matching/index.js';
import type { EventsRefresher } from '../events/events-refresh.js';
import type { GuideProvider, MatchOutcome, UnderstoodChannel } from '../guides/guide-contracts.js';
import type { LlmStep, LlmSummary } from '../llm/llm-step.js';
import { createHandlers } from './match-handlers.js';
import type { Answer, Handler, Job, Round } from './match-jobs.js';

export interface MatchChainDeps {
  db: Kysely<DB>;
  leagues: readonly LeagueConfig[];
  leagueForHint?: (hint: string) => string | null;
  refresher?: EventsRefresher;
  threshold: number;
  /** Entries of the in-process match cache (default 50,000). */
  cacheSize?: number;
  cacheTtlMs?: number;
  /** The last step, asked about what every other step left unmatched. */
  llm?: LlmStep;
}

export interface ChainResult {
  /** One outcome per channel, in order. */
  outcomes: MatchOutcome[];
  /** Leagues learned this generation, by family label. */
  learned: Map<string, string[]>;
  /** What the LLM step did; null when no channel reached it. */
  llm: LlmSummary | null;
  /**
   * Stores the matches, the channels left unmatched and the lessons, after those of the provider's earlier
   * generations; settles once they are stored, or rejects with what failed. Called once the guide is answered,
   * so that the writes never compete with it; later calls return the same promise.
   */
  store: () => Promise<void>;
}

/** A family's leagues are learned when nothing restricts it: no mapping, hints, an earlier lesson, or "any". */
function learnable(leagues: FamilyLeagues | null): boolean {
  return !leagues || !restricts(leagues.source) || leagues.leagues.length === 0;
}

function outcomeOf(j: Job): MatchOutcome {
  if (!j.answer) return { status: 'unmatched', why: j.steps.join('; ') || 'no candidate' };
  const { event, handler, confidence, why } = j.answer;
  return { status: 'matched', event, handler, confidence, why };
}

export function createMatchChain(deps: MatchChainDeps) {
  const { db } = deps;
  const cache = new LRUCache<string, Answer>({
    max: deps.cacheSize ?? 50_000,
    ttl: deps.cacheTtlMs ?? 6 * 3_600_000,
  });
  const cacheKey = (round: Round, job: Job) => `${round.provider.id}|${job.fp.key}|${job.fp.day}`;
  /**
   * What this process last stored of each channel left unmatched (its day, name and reasons), or '' once it
   * has no rows; forgotten after an hour, so that the rows' `seen_at` stays within the hour.
   */
  const stored = new LRUCache<string, string>({ max: 200_000, ttl: 3_600_000 });
  const storedKey = (provider: GuideProvider, job: Job) => `${provider.id}|${job.fp.key}`;
  /** Each provider's writes still under way. */
  const saving = new Map<number, Promise<void>>();
  const { handlers, llm } = createHandlers({
    db,
    allLeagues: deps.leagues.map((l) => l.key),
    ...(deps.refresher && { refresher: deps.refresher }),
    threshold: deps.threshold,
    cache,
    cacheKey,
    ...(deps.llm && { llm: deps.llm }),
  });

  function newJob(
    channel: UnderstoodChannel,
    leagues: FamilyLeagues | null,
    round: Round,
    restrictToFamily = false,
  ): Job {
    const ctx = { now: round.now, timeZone: round.provider.timezone };
    return {
      channel,
      fp: channelFingerprint(channel.parsed, ctx),
      query: candidateQuery(channel.parsed, {
        leaguesForFamily: () => leagues,
        restrictToFamily,
        ...(deps.leagueForHint && { leagueForHint: deps.leagueForHint }),
        ...ctx,
      }),
      steps: [],
    };
  }

  async function run(jobs: Job[], round: Round, steps: readonly Handler[]): Promise<void> {
    for (const h of steps) {
      const open = jobs.filter((j) => !j.answer);
      if (open.length === 0) break;
      await h.run(open, round);
    }
  }

  /** Learns each learnable family's leagues from its matches; asks its open channels again with them known. */
  async function learnAndRetry(jobs: Job[], round: Round): Promise<Map<string, string[]>> {
    const learning = jobs.filter((j) => j.channel.parsed.family && learnable(j.channel.leagues));
    const lessons = learnFamilyLeagues(
      learning.map((j) => ({
        family: familyKey(j.channel.parsed.family ?? ''),
        league: j.answer ? j.answer.event.league : null,
      })),
    );
    const learned = new Map<string, string[]>();
    const retry: Job[] = [];
    for (const job of learning) {
      const family = job.channel.parsed.family ?? '';
      const lesson = lessons.get(familyKey(family));
      if (!lesson) continue;
      learned.set(family, lesson);
      const before = job.channel.leagues?.leagues ?? [];
      if (job.answer || lesson.every((l) => before.includes(l))) continue;
      const leagues: FamilyLeagues = { leagues: [...new Set([...lesson, ...before])], source: 'learned' };
      // Asked again within the family's leagues only: a code another league's team also goes by is then
      // this league's.
      job.query = newJob(job.channel, leagues, round, true).query;
      job.steps.push(`learned: ${family} carries ${lesson.join(', ')}`);
      retry.push(job);
    }
    // The cache was asked in the first pass; the others may answer now that the league is known.
    if (retry.length > 0)
      await run(
        retry,
        round,
        handlers.filter((h) => h.name !== 'match-cache'),
      );
    return learned;
  }

  async function remember(provider: GuideProvider, jobs: Job[], round: Round): Promise<void> {
    const fresh = jobs.flatMap((j) =>
      j.answer && j.answer.handler !== 'match-cache' ? [{ j, a: j.answer }] : [],
    );
    // An admin's pin is asked for afresh every generation: removed, it must stop applying at once.
    for (const { j, a } of fresh) if (a.handler !== 'override') cache.set(cacheKey(round, j), a);
    await upsertMatches(
      db,
      fresh.map(({ j, a }) => ({
        providerId: provider.id,
        fingerprint: j.fp.key,
        day: j.fp.day,
        eventId: Number(a.event.id),
        handler: a.handler,
        confidence: a.confidence,
        why: a.why,
        payload: j.fp.payload,
        llmDecisionId: a.decisionId ?? null,
      })),
    );
    // A channel's unmatched rows go once it matches; a channel still unmatched is written again only when its
    // day, name or reasons changed, or an hour has passed (regenerations mostly find the same).
    const answered = jobs.filter((j) => j.answer && stored.get(storedKey(provider, j)) !== '');
    await deleteUnmatched(
      db,
      provider.id,
      answered.map((j) => j.fp.key),
    );
    for (const j of answered) stored.set(storedKey(provider, j), '');
    const open = jobs.flatMap((j) => {
      if (j.answer) return [];
      const reason = j.steps.join(' | ');
      const signature = `${j.fp.day}\u0000${j.channel.entry.name}\u0000${reason}`;
      return stored.get(storedKey(provider, j)) === signature ? [] : [{ j, reason, signature }];
    });
    await upsertUnmatched(
      db,
      open.map(({ j, reason }) => ({
        providerId: provider.id,
        fingerprint: j.fp.key,
        day: j.fp.day,
        name: j.channel.entry.name,
        parsed: j.channel.parsed,
        bestCandidate: j.best,
        reason,
        channelId: j.channel.channelId,
        candidates: j.candidates ?? [],
        leagues: j.query.leagues === 'any' ? [] : j.query.leagues,
      })),
    );
    for (const { j, signature } of open) stored.set(storedKey(provider, j), signature);
  }

  /** Matches a generation's event channels; remembers matches, misses and what each family was learned to carry. */
  async function matchChannels(
    provider: GuideProvider,
    channels: readonly UnderstoodChannel[],
    now: Date,
  ): Promise<ChainResult> {
    // A provider's writes stay in order: the last generation's are stored before this one reads them.
    await saving.get(provider.id)?.catch(() => undefined);
    const round: Round = { provider, now, events: null };
    const jobs = channels.map((c) => newJob(c, c.leagues, round));
    await run(jobs, round, handlers);
    const learned = await learnAndRetry(jobs, round);
    // The LLM is asked once, about what the rules left after learning, in batches.
    await run(jobs, round, [llm]);
    let stored: Promise<void> | null = null;
    const store = (): Promise<void> => {
      if (stored) return stored;
      const before = saving.get(provider.id);
      const writes = (async () => {
        await before?.catch(() => undefined);
        await remember(provider, jobs, round);
        await saveLearnedMappings(db, provider.id, learned);
      })();
      saving.set(provider.id, writes);
      void writes
        .catch(() => undefined)
        .finally(() => {
          if (saving.get(provider.id) === writes) saving.delete(provider.id);
        });
      stored = writes;
      return writes;
    };
    return { outcomes: jobs.map(outcomeOf), learned, llm: round.llm ?? null, store };
  }

  /** Forgets the answers an LLM decision gave (an admin rejected it); returns how many were cached. */
  function forgetDecision(decisionId: number): number {
    let forgotten = 0;
    for (const [key, answer] of cache.entries()) {
      if (answer.decisionId === decisionId && cache.delete(key)) forgotten += 1;
    }
    return forgotten;
  }

  return { matchChannels, forgetDecision };
}

export type MatchChain = ReturnType<typeof createMatchChain>;
