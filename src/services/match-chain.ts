import { LRUCache } from 'lru-cache';
import type { LeagueConfig } from '../config/leagues.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { StoredEvent } from '../db/events.js';
import { listEventsForLeagues, listStoredEventsByIds } from '../db/events.js';
import { deleteUnmatched, listMatchesByPayloads, upsertMatches, upsertUnmatched } from '../db/matches.js';
import {
  type CandidateQuery,
  admitsLeague,
  candidateQuery,
  inWindow,
  type ScoredCandidate,
  matchChannel,
  type ChannelFingerprint,
  channelFingerprint,
} from '../domain/matching/index.js';
import { daysTouched } from '../domain/time.js';
import type { SportEvent } from '../domain/types.js';
import type { GuideProvider, MatchOutcome, UnderstoodChannel } from './guide-contracts.js';
import type { EventsRefresher } from './events-refresh.js';

/** One channel on its way through the chain; each handler adds a step. */
interface Job {
  channel: UnderstoodChannel;
  fp: ChannelFingerprint;
  query: CandidateQuery;
  steps: string[];
  answer?: { event: SportEvent; handler: string; confidence: number; why: string };
  best?: ScoredCandidate;
}

interface Round {
  provider: GuideProvider;
  now: Date;
  /** Stored events loaded once per round, keyed by league. */
  events: Map<string, StoredEvent[]> | null;
}

type Handler = { name: string; run(jobs: Job[], round: Round): Promise<void> };

export interface MatchChainDeps {
  db: Kysely<DB>;
  leagues: readonly LeagueConfig[];
  leagueForHint?: (hint: string) => string | null;
  refresher?: EventsRefresher;
  threshold: number;
  /** Entries of the in-process match cache (default 50,000). */
  cacheSize?: number;
  cacheTtlMs?: number;
}

const MAX_DAYS_PER_QUERY = 4;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The provider's days a channel's window touches, at most MAX_DAYS_PER_QUERY of them. */
function localDays(q: CandidateQuery): string[] {
  return daysTouched(q.fromUtc, q.toUtc, q.timeZone).slice(0, MAX_DAYS_PER_QUERY);
}

/**
 * The enrichment chain: an ordered list of handlers, the first confident answer wins and every step is
 * recorded. Handlers work on all still-open channels of a generation at once, so a league-day is loaded or
 * fetched once per generation, not once per channel.
 */
export function createMatchChain(deps: MatchChainDeps) {
  const { db } = deps;
  const allLeagues = deps.leagues.map((l) => l.key);
  const cache = new LRUCache<string, NonNullable<Job['answer']>>({
    max: deps.cacheSize ?? 50_000,
    ttl: deps.cacheTtlMs ?? 6 * 3_600_000,
  });
  const cacheKey = (round: Round, job: Job) => `${round.provider.id}|${job.fp.key}|${job.fp.day}`;
  const leaguesOf = (q: CandidateQuery) => (q.leagues === 'any' ? allLeagues : q.leagues);

  async function loadEvents(jobs: Job[], round: Round): Promise<void> {
    const leagues = [...new Set(jobs.flatMap((j) => leaguesOf(j.query)))];
    const from = new Date(Math.min(...jobs.map((j) => j.query.fromUtc.getTime())));
    const to = new Date(Math.max(...jobs.map((j) => j.query.toUtc.getTime())));
    const stored = leagues.length ? await listEventsForLeagues(db, leagues, from, to) : [];
    round.events = groupBy(stored, (s) => s.event.league);
  }

  function decideLocally(job: Job, round: Round, handler: string): void {
    const candidates = leaguesOf(job.query)
      .filter((l) => admitsLeague(job.query, l))
      .flatMap((l) => round.events?.get(l) ?? [])
      .filter((s) => inWindow(job.query, s.event.startsAt));
    const decision = matchChannel(job.channel.parsed, candidates, {
      threshold: deps.threshold,
      query: job.query,
    });
    const event = decision.eventId
      ? candidates.find((c) => c.event.id === decision.eventId)?.event
      : undefined;
    if (event) {
      job.answer = { event, handler, confidence: decision.confidence, why: decision.why };
    } else {
      job.steps.push(`${handler}: ${decision.why}`);
      if (decision.best && (!job.best || decision.best.score > job.best.score)) job.best = decision.best;
    }
  }

  const handlers: Handler[] = [
    {
      name: 'match-cache',
      async run(jobs, round) {
        for (const job of jobs) {
          const hit = cache.get(cacheKey(round, job));
          if (hit)
            job.answer = { ...hit, handler: 'match-cache', why: `remembered (${hit.handler}): ${hit.why}` };
        }
      },
    },
    {
      name: 'local-events',
      async run(jobs, round) {
        if (jobs.length === 0) return;
        await loadEvents(jobs, round);
        for (const job of jobs) decideLocally(job, round, 'local-events');
      },
    },
    {
      name: 'cross-provider',
      async run(jobs, round) {
        if (jobs.length === 0) return;
        const rows = await listMatchesByPayloads(db, {
          payloads: [...new Set(jobs.map((j) => j.fp.payload))],
          days: [...new Set(jobs.map((j) => j.fp.day))],
          excludeProviderId: round.provider.id,
          minConfidence: deps.threshold,
        });
        const byKey = groupBy(rows, (r) => `${r.payload}|${r.day}`);
        const agreed = new Map<string, (typeof rows)[number]>();
        for (const job of jobs) {
          const mine = byKey.get(`${job.fp.payload}|${job.fp.day}`) ?? [];
          const ids = new Set(mine.map((r) => r.event_id));
          if (ids.size === 1) agreed.set(job.fp.key, mine[0]!);
          else
            job.steps.push(
              `cross-provider: ${ids.size === 0 ? 'no other provider matched this name today' : 'other providers disagree'}`,
            );
        }
        const events = new Map(
          (await listStoredEventsByIds(db, [...new Set([...agreed.values()].map((r) => r.event_id))])).map(
            (s) => [Number(s.event.id), s.event],
          ),
        );
        for (const job of jobs) {
          const row = agreed.get(job.fp.key);
          const event = row && events.get(row.event_id);
          if (!row || !event) continue;
          job.answer = {
            event,
            handler: 'cross-provider',
            confidence: row.confidence,
            why: `another provider's identical name matched it today (${row.handler}, ${row.confidence.toFixed(2)})`,
          };
        }
      },
    },
    {
      name: 'sources',
      async run(jobs, round) {
        if (!deps.refresher || jobs.length === 0) {
          for (const job of jobs) job.steps.push('sources: no source client configured');
          return;
        }
        const leagues = new Set<string>();
        const days = new Set<string>();
        for (const job of jobs) {
          leaguesOf(job.query).forEach((l) => leagues.add(l));
          localDays(job.query).forEach((d) => days.add(d));
        }
        // The days are the provider's: its zone decides which source days they overlap.
        const counts = await deps.refresher.ensure([...leagues], [...days].sort(), round.provider.timezone);
        if (counts.requests + counts.joined === 0) {
          for (const job of jobs) job.steps.push('sources: nothing new to fetch');
          return;
        }
        await loadEvents(jobs, round);
        for (const job of jobs) decideLocally(job, round, 'sources');
      },
    },
    {
      name: 'llm',
      async run(jobs) {
        for (const job of jobs) job.steps.push('llm: skipped (no ANTHROPIC_API_KEY)');
      },
    },
  ];

  async function matchChannels(
    provider: GuideProvider,
    channels: readonly UnderstoodChannel[],
    now: Date,
  ): Promise<MatchOutcome[]> {
    const ctx = { now, timeZone: provider.timezone };
    const jobs: Job[] = channels.map((channel) => ({
      channel,
      fp: channelFingerprint(channel.parsed, ctx),
      query: candidateQuery(channel.parsed, {
        // The generator read the family's leagues from the provider's mappings.
        leaguesForFamily: () => channel.leagues,
        ...(deps.leagueForHint && { leagueForHint: deps.leagueForHint }),
        now,
        timeZone: provider.timezone,
      }),
      steps: [],
    }));
    const round: Round = { provider, now, events: null };
    for (const h of handlers) {
      const open = jobs.filter((j) => !j.answer);
      if (open.length === 0) break;
      await h.run(open, round);
    }

    const matched = jobs.filter((j) => j.answer);
    for (const j of matched) {
      if (j.answer!.handler !== 'match-cache') cache.set(cacheKey(round, j), j.answer);
    }
    await upsertMatches(
      db,
      matched
        .filter((j) => j.answer!.handler !== 'match-cache')
        .map((j) => ({
          providerId: provider.id,
          fingerprint: j.fp.key,
          day: j.fp.day,
          eventId: Number(j.answer!.event.id),
          handler: j.answer!.handler,
          confidence: j.answer!.confidence,
          why: j.answer!.why,
          payload: j.fp.payload,
        })),
    );
    await deleteUnmatched(
      db,
      provider.id,
      matched.map((j) => j.fp.key),
    );
    const unmatched = jobs.filter((j) => !j.answer);
    await upsertUnmatched(
      db,
      unmatched.map((j) => ({
        providerId: provider.id,
        fingerprint: j.fp.key,
        day: j.fp.day,
        name: j.channel.entry.name,
        parsed: j.channel.parsed,
        bestCandidate: j.best,
        reason: j.steps.join(' | '),
      })),
    );

    return jobs.map((j) =>
      j.answer
        ? {
            status: 'matched',
            event: j.answer.event,
            handler: j.answer.handler,
            confidence: j.answer.confidence,
            why: j.answer.why,
          }
        : { status: 'unmatched', why: j.steps.join('; ') || 'no candidate' },
    );
  }

  return { matchChannels };
}

export type MatchChain = ReturnType<typeof createMatchChain>;
