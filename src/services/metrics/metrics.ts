// What the service tells Prometheus: requests, guide generations and their stages, channels by status, chain
// answers by handler, guide cache results, upstream calls and breakers, the age of each provider's guide, and the
// LLM's calls, tokens and dollars today. One registry per service (no global), with Node's process metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SourceStats } from '../../sources/http-client.js';
import type { MatchReport, StageTimes } from '../guides/guide-contracts.js';

export interface LlmToday {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  usd: number;
}

export interface MetricsDeps {
  /** Each upstream client's counters (ESPN, TheSportsDB, logos). */
  sources: () => SourceStats[];
  /** When each provider's current guide was made. */
  guideTimes?: () => Iterable<[slug: string, generatedAt: Date]>;
  /** The LLM step's calls, tokens and dollars of the current UTC day. */
  llmToday?: () => Promise<LlmToday>;
  now: () => Date;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(deps: MetricsDeps) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Histogram({
    name: 'epgoat_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: SECONDS,
    registers,
  });
  const generations = new Counter({
    name: 'epgoat_guide_generations_total',
    help: 'Guide generations by provider and outcome (fresh, or failed: the last good guide served)',
    labelNames: ['provider', 'outcome'],
    registers,
  });
  const generationSeconds = new Histogram({
    name: 'epgoat_guide_generation_seconds',
    help: 'Time of a successful guide generation, all stages',
    labelNames: ['provider'],
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
    registers,
  });
  const stageSeconds = new Histogram({
    name: 'epgoat_guide_stage_seconds',
    help: 'Time of each stage of a guide generation (read, understand, match, schedule, write, report)',
    labelNames: ['provider', 'stage'],
    buckets: SECONDS,
    registers,
  });
  const channels = new Gauge({
    name: 'epgoat_guide_channels',
    help: "Channels of each provider's latest guide by status (matched, unmatched, placeholder, not-event)",
    labelNames: ['provider', 'status'],
    registers,
  });
  const answers = new Counter({
    name: 'epgoat_match_answers_total',
    help: 'Matched channels by the step of the enrichment chain that answered',
    labelNames: ['handler'],
    registers,
  });
  const cacheRequests = new Counter({
    name: 'epgoat_guide_cache_requests_total',
    help: 'Guide requests by what the cache held: hit (fresh), stale (served while a new one is made), miss',
    labelNames: ['result'],
    registers,
  });

  // The clients count for themselves; each scrape adds what they counted since the last one.
  const seen = new Map<string, SourceStats>();
  const upstream = () => {
    for (const s of deps.sources()) {
      const before = seen.get(s.source);
      upstreamCalls.inc({ source: s.source }, s.calls - (before?.calls ?? 0));
      upstreamFailures.inc({ source: s.source }, s.failures - (before?.failures ?? 0));
      breakerOpen.set({ source: s.source }, s.open ? 1 : 0);
      seen.set(s.source, s);
    }
  };
  const upstreamCalls: Counter = new Counter({
    name: 'epgoat_upstream_calls_total',
    help: 'Calls to each upstream source (ESPN, TheSportsDB, logos), retries not included',
    labelNames: ['source'],
    registers,
    collect: upstream,
  });
  const upstreamFailures: Counter = new Counter({
    name: 'epgoat_upstream_failures_total',
    help: 'Calls to each upstream source that failed, refused by an open breaker included',
    labelNames: ['source'],
    registers,
    collect: upstream,
  });
  const breakerOpen: Gauge = new Gauge({
    name: 'epgoat_upstream_breaker_open',
    help: "1 while a source's circuit breaker is open or half-open",
    labelNames: ['source'],
    registers,
    collect: upstream,
  });
  new Gauge({
    name: 'epgoat_guide_age_seconds',
    help: "Age of each provider's current guide",
    labelNames: ['provider'],
    registers,
    collect() {
      this.reset();
      const now = deps.now().getTime();
      for (const [slug, at] of deps.guideTimes?.() ?? []) {
        this.set({ provider: slug }, Math.max(0, (now - at.getTime()) / 1000));
      }
    },
  });
  if (deps.llmToday) {
    const llmToday = deps.llmToday;
    let today: Promise<LlmToday> | null = null;
    // One query serves the three gauges of a scrape.
    const read = () => (today ??= llmToday().finally(() => setTimeout(() => (today = null), 1000).unref()));
    new Gauge({
      name: 'epgoat_llm_calls_today',
      help: 'Calls to the LLM this UTC day',
      registers,
      async collect() {
        this.set((await read()).calls);
      },
    });
    new Gauge({
      name: 'epgoat_llm_tokens_today',
      help: 'Tokens sent to (input) and received from (output) the LLM this UTC day',
      labelNames: ['direction'],
      registers,
      async collect() {
        const t = await read();
        this.set({ direction: 'input' }, t.inputTokens);
        this.set({ direction: 'output' }, t.outputTokens);
      },
    });
    new Gauge({
      name: 'epgoat_llm_dollars_today',
      help: 'Dollars spent on the LLM this UTC day',
      registers,
      async collect() {
        this.set((await read()).usd);
      },
    });
  }

  return {
    registry,
    request(method: string, route: string, status: number, seconds: number): void {
      requests.observe({ method, route, status: String(status) }, seconds);
    },
    cache(result: 'hit' | 'stale' | 'miss'): void {
      cacheRequests.inc({ result });
    },
    /** A fresh guide: its time, stages, channels by status and chain answers. */
    generated(provider: string, timings: StageTimes, report: Pick<MatchReport, 'channels'>): void {
      generations.inc({ provider, outcome: 'fresh' });
      let total = 0;
      for (const [stage, ms] of Object.entries(timings)) {
        stageSeconds.observe({ provider, stage }, ms / 1000);
        total += ms;
      }
      generationSeconds.observe({ provider }, total / 1000);
      const byStatus = new Map<string, number>([
        ['matched', 0],
        ['unmatched', 0],
        ['placeholder', 0],
        ['not-event', 0],
      ]);
      for (const c of report.channels) {
        byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
        if (c.status === 'matched' && c.handler) answers.inc({ handler: c.handler });
      }
      for (const [status, n] of byStatus) channels.set({ provider, status }, n);
    },
    failed(provider: string): void {
      generations.inc({ provider, outcome: 'failed' });
    },
    /** The text format, and its content type. */
    async exposition(): Promise<{ contentType: string; body: string }> {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
