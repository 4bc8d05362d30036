// The steps of the enrichment chain, in order: the in-process match cache, the local events in Postgres, other
// providers' confirmed matches, the sources on demand, the LLM. Each works on all still-open channels of a
// generation at once, so a league-day is loaded or fetched once per generation, not once per channel.
import { listEventsForLeagues, listStoredEventsByIds, type StoredEvent } from '../../db/events.js';
import { listMatchesByPayloads } from '../../db/matches.js';
import {
  admitsLeague,
  inWindow,
  matchChannel,
  type CandidateQuery,
  type ScoredCandidate,
} from '../../domain/matching/index.js';
import { daysTouched, wallClock } from '../../domain/time.js';
import type { HandlerDeps, Handler, Job, Round } from './match-jobs.js';

const MAX_DAYS_PER_QUERY = 4;

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const REVIEWED_CANDIDATES = 5;

/** The best few candidates, each event once (its best showing). */
function topCandidates(list: readonly ScoredCandidate[]): ScoredCandidate[] {
  const best = new Map<string, ScoredCandidate>();
  for (const c of list) {
    const seen = best.get(c.eventId);
    if (!seen || c.score > seen.score) best.set(c.eventId, c);
  }
  return [...best.values()]
    .sort(
      (a, b) => Number(!!a.rejected) - Number(!!b.rejected) || b.score - a.score || b.teamScore - a.teamScore,
    )
    .slice(0, REVIEWED_CANDIDATES);
}

/** The provider's days a channel's window touches, at most MAX_DAYS_PER_QUERY of them. */
function localDays(q: CandidateQuery): string[] {
  return daysTouched(q.fromUtc, q.toUtc, q.timeZone).slice(0, MAX_DAYS_PER_QUERY);
}

/** The chain's handlers, in the order they are asked, and the LLM, asked last about what all of them left. */
export function createHandlers(deps: HandlerDeps): { handlers: Handler[]; llm: Handler } {
  const { db } = deps;
  // `any` is every configured league, and the leagues the channel is known to carry: a league found by its name
  // (`Eredivisie 01`) is searched only for the channels that name it.
  const leaguesOf = (q: CandidateQuery) =>
    q.leagues !== 'any'
      ? q.leagues
      : q.known.some((l) => !deps.allLeagues.includes(l))
        ? [...new Set([...deps.allLeagues, ...q.known])]
        : deps.allLeagues;

  async function loadEvents(jobs: Job[], round: Round): Promise<void> {
    const leagues = [...new Set(jobs.flatMap((j) => leaguesOf(j.query)))];
    const from = new Date(Math.min(...jobs.map((j) => j.query.fromUtc.getTime())));
    const to = new Date(Math.max(...jobs.map((j) => j.query.toUtc.getTime())));
    const stored = leagues.length ? await listEventsForLeagues(db, leagues, from, to) : [];
    round.events = groupBy(stored, (s) => s.event.league);
  }

  /** A channel's candidates among the round's loaded events: leagues it admits, starting in its window. */
  function candidatesOf(job: Job, round: Round): StoredEvent[] {
    return leaguesOf(job.query)
      .filter((l) => admitsLeague(job.query, l))
      .flatMap((l) => round.events?.get(l) ?? [])
      .filter((s) => inWindow(job.query, s.event.startsAt, s.event.endsAt));
  }

  function decideLocally(job: Job, round: Round, handler: string): void {
    const candidates = candidatesOf(job, round);
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
      job.candidates = topCandidates([...(job.candidates ?? []), ...decision.candidates]);
    }
  }

  // A pin holds on its event's day and while the event may still be on after midnight.
  const PIN_GRACE_MS = 6 * 3_600_000;

  const override: Handler = {
    name: 'override',
    async run(jobs, round) {
      const pinned = jobs.filter((j) => typeof j.channel.override?.eventId === 'number');
      if (pinned.length === 0) return;
      const ids = [...new Set(pinned.map((j) => j.channel.override!.eventId!))];
      const events = new Map(
        (await listStoredEventsByIds(db, ids)).map((s) => [Number(s.event.id), s.event]),
      );
      const zone = round.provider.timezone;
      const today = wallClock(round.now, zone).ymd;
      for (const job of pinned) {
        const id = job.channel.override!.eventId!;
        const event = events.get(id);
        if (!event) {
          job.steps.push(`override: the pinned event ${id} no longer exists, so the pin no longer applies`);
          continue;
        }
        const day = wallClock(event.startsAt, zone).ymd;
        if (day < today && round.now.getTime() - event.startsAt.getTime() > PIN_GRACE_MS) {
          job.steps.push(`override: the pinned event ${event.title} was on ${day}, a day that has passed`);
          continue;
        }
        job.answer = {
          event,
          handler: 'override',
          confidence: 1,
          why: `pinned by an admin to ${event.title}`,
        };
      }
    },
  };

  const matchCache: Handler = {
    name: 'match-cache',
    async run(jobs, round) {
      for (const job of jobs) {
        const hit = deps.cache.get(deps.cacheKey(round, job));
        if (hit)
          job.answer = { ...hit, handler: 'match-cache', why: `remembered (${hit.handler}): ${hit.why}` };
      }
    },
  };

  const localEvents: Handler = {
    name: 'local-events',
    async run(jobs, round) {
      if (jobs.length === 0) return;
      await loadEvents(jobs, round);
      for (const job of jobs) decideLocally(job, round, 'local-events');
    },
  };

  const crossProvider: Handler = {
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
        const [only] = mine;
        if (ids.size === 1 && only) agreed.set(job.fp.key, only);
        else
          job.steps.push(
            `cross-provider: ${ids.size === 0 ? 'no other provider matched this name today' : 'other providers disagree'}`,
          );
      }
      const ids = [...new Set([...agreed.values()].map((r) => r.event_id))];
      const events = new Map(
        (await listStoredEventsByIds(db, ids)).map((s) => [Number(s.event.id), s.event]),
      );
      for (const job of jobs) {
        const row = agreed.get(job.fp.key);
        const event = row && events.get(row.event_id);
        if (!row || !event) continue;
        // What another provider's same name carried must still be a league this channel may carry.
        if (!admitsLeague(job.query, event.league)) {
          job.steps.push(`cross-provider: another provider's match is in ${event.league}, not searched here`);
          continue;
        }
        job.answer = {
          event,
          handler: 'cross-provider',
          confidence: row.confidence,
          why: `another provider's identical name matched it today (${row.handler}, ${row.confidence.toFixed(2)})`,
        };
      }
    },
  };

  const sources: Handler = {
    name: 'sources',
    async run(jobs, round) {
      const { refresher } = deps;
      if (!refresher || jobs.length === 0) {
        for (const job of jobs) job.steps.push('sources: no source client configured');
        return;
      }
      const leagues = new Set<string>();
      const known = new Set<string>();
      const days = new Set<string>();
      for (const job of jobs) {
        leaguesOf(job.query).forEach((l) => leagues.add(l));
        job.query.known.forEach((l) => known.add(l));
        localDays(job.query).forEach((d) => days.add(d));
      }
      // The days are the provider's: its zone decides which source days they overlap. Team lists (the other
      // names teams go by) only for the leagues the channels are known to carry.
      const counts = await refresher.ensure([...leagues], [...days].sort(), {
        zone: round.provider.timezone,
        teamLists: [...known],
      });
      if (counts.requests + counts.joined === 0) {
        for (const job of jobs) job.steps.push('sources: nothing new to fetch');
        return;
      }
      await loadEvents(jobs, round);
      for (const job of jobs) decideLocally(job, round, 'sources');
    },
  };

  const llm: Handler = {
    name: 'llm',
    async run(jobs, round) {
      const step = deps.llm;
      if (jobs.length === 0) return;
      // Off, with no stored decision that could still answer: nothing to load or rank.
      if (!step || !(await step.active())) {
        for (const job of jobs) job.steps.push('llm: off (no ANTHROPIC_API_KEY)');
        if (step) round.llm = step.emptySummary();
        return;
      }
      await loadEvents(jobs, round);
      const asks = jobs.map((job) => ({
        name: job.channel.entry.name,
        parsed: job.channel.parsed,
        query: job.query,
        events: candidatesOf(job, round).map((s) => s.event),
      }));
      const { results, summary } = await step.decide(asks, round.provider.id);
      round.llm = summary;
      results.forEach((result, i) => {
        const job = jobs[i]!;
        if ('choice' in result) {
          const { event, confidence, why, decisionId } = result.choice;
          job.answer = { event, handler: 'llm', confidence, why, decisionId };
        } else job.steps.push(result.step);
      });
    },
  };

  return { handlers: [override, matchCache, localEvents, crossProvider, sources], llm };
}
