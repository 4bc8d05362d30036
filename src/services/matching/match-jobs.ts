// What the chain's handlers work on: a job per open channel, the round they share, and what answers a job.
import type { Kysely } from 'kysely';
import type { LRUCache } from 'lru-cache';
import type { StoredEvent } from '../../db/events.js';
import type { DB } from '../../db/types.js';
import type { CandidateQuery, ChannelFingerprint, ScoredCandidate } from '../../domain/matching/index.js';
import type { SportEvent } from '../../domain/types.js';
import type { EventsRefresher } from '../events/events-refresh.js';
import type { GuideProvider, UnderstoodChannel } from '../guides/guide-contracts.js';
import type { LlmStep, LlmSummary } from '../llm/llm-step.js';

export interface Answer {
  event: SportEvent;
  handler: string;
  confidence: number;
  why: string;
  /** The stored LLM decision the answer comes from. */
  decisionId?: number;
}

/** One channel on its way through the chain; each handler adds a step. */
export interface Job {
  channel: UnderstoodChannel;
  fp: ChannelFingerprint;
  query: CandidateQuery;
  steps: string[];
  answer?: Answer;
  best?: ScoredCandidate;
  /** The best candidates seen, with why each was refused, for the review queue. */
  candidates?: ScoredCandidate[];
}

export interface Round {
  provider: GuideProvider;
  now: Date;
  /** Stored events loaded for the round's open channels, keyed by league. */
  events: Map<string, StoredEvent[]> | null;
  /** What the LLM step did, once it ran. */
  llm?: LlmSummary;
}

export interface Handler {
  name: string;
  run(jobs: Job[], round: Round): Promise<void>;
}

export interface HandlerDeps {
  db: Kysely<DB>;
  /** Every configured league key, for queries open to any league. */
  allLeagues: readonly string[];
  refresher?: EventsRefresher;
  threshold: number;
  cache: LRUCache<string, Answer>;
  cacheKey: (round: Round, job: Job) => string;
  /** The last step; without it the report says the LLM is off. */
  llm?: LlmStep;
}
