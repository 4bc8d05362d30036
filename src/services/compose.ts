import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { loadDefaultFamilies } from '../config/channel-families.js';
import type { Config } from '../config/env.js';
import { loadFamilyLeagueMappings, loadLeagues } from '../config/leagues.js';
import { loadEspnLeagues } from '../config/espn-leagues.js';
import { loadLlmPrices, priceOf } from '../config/llm-prices.js';
import { loadSportsConfig } from '../config/sports.js';
import type { Database } from '../db/database.js';
import { listOverrides } from '../db/channel-overrides.js';
import { familyMappingsFor } from '../db/leagues.js';
import { providerFamilies } from '../db/provider-patterns.js';
import { createEspnClient } from '../sources/espn.js';
import { createHttpClient } from '../sources/http-client.js';
import { createLlmClient } from '../sources/llm.js';
import { createPlaylistFetcher } from '../sources/playlist.js';
import { createTheSportsDbClient } from '../sources/thesportsdb.js';
import { createEventsRefresher } from './events/events-refresh.js';
import { createLeagueDiscovery } from './events/league-discovery.js';
import { createLlmReview } from './llm/llm-review.js';
import { createLlmStep } from './llm/llm-step.js';
import { createSourceCallLog } from './events/source-call-log.js';
import { createMatchChain } from './matching/match-chain.js';
import { seedReferenceData } from './events/reference-data.js';
import { createGuideGenerator } from './guides/guide-generator.js';
import { createAdminChanges } from './admin/admin-changes.js';
import { createOnboarding } from './admin/onboarding.js';
import { createUnmatchedReview } from './admin/unmatched-review.js';
import { createChangeFeed } from './admin/change-feed.js';
import { createEventArt } from './art/event-art.js';
import { createMetrics } from './metrics/metrics.js';
import { llmCostsByDay } from '../db/llm-calls.js';
import { createGuideService } from './guides/guide-service.js';
import { createPlaylistReader } from './guides/playlist-reader.js';
import { createProviderDirectory } from './guides/provider-directory.js';

/** First key of the generation locks (the second is the provider id), apart from other advisory locks. */
const GUIDE_LOCK_SPACE = 72_411;
/** How long an instance waits for another's generation before making the guide itself. */
const GUIDE_LOCK_WAIT_MS = 60_000;

export type ServiceConfig = Pick<
  Config,
  | 'CONFIG_DIR'
  | 'PLAYLIST_DIR'
  | 'PLAYLIST_MAX_BYTES'
  | 'PLAYLIST_TIMEOUT_SECONDS'
  | 'PLAYLIST_MAX_ENTRIES'
  | 'GUIDE_CACHE_TTL_SECONDS'
  | 'DEFAULT_TIMEZONE'
  | 'ESPN_BASE_URL'
  | 'THESPORTSDB_BASE_URL'
  | 'THESPORTSDB_API_KEY'
  | 'MATCH_CONFIDENCE_THRESHOLD'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_BASE_URL'
  | 'LLM_MODEL'
  | 'LLM_DAILY_BUDGET_USD'
  | 'LLM_TIMEOUT_MS'
  | 'LLM_WAIT_MS'
> &
  Partial<Pick<Config, 'DATA_DIR'>>;

/** The stateful parts, built once: config files, the playlist reader, the guide generator and its cache. */
export function buildServices(deps: {
  database: Database;
  config: ServiceConfig;
  now: () => Date;
  logger?: Logger;
}) {
  const { config } = deps;
  const configDir = resolve(config.CONFIG_DIR);
  const playlistDir = resolve(config.PLAYLIST_DIR);
  const leagues = loadLeagues(resolve(configDir, 'leagues.yaml'));
  const familyMappings = loadFamilyLeagueMappings(resolve(configDir, 'family-leagues.yaml'), leagues);
  const defaultFamilies = loadDefaultFamilies(resolve(configDir, 'channel-families.yaml'));
  const sports = loadSportsConfig(configDir);

  const calls = createSourceCallLog({
    db: deps.database.db,
    now: deps.now,
    onError: (err) => deps.logger?.warn({ err }, 'could not record source calls'),
  });
  const onRequest = (source: string) => calls.count(source);
  const espnHttp = createHttpClient({
    source: 'espn',
    baseUrl: config.ESPN_BASE_URL,
    timeoutMs: 10_000,
    retries: 2,
    onRequest,
  });
  const espn = createEspnClient({ http: espnHttp });
  const tsdbHttp = createHttpClient({
    source: 'thesportsdb',
    baseUrl: config.THESPORTSDB_BASE_URL,
    timeoutMs: 10_000,
    retries: 2,
    // The free tier allows 30 requests a minute; the key sits in the URL path.
    rateLimit: { perMinute: 30 },
    secrets: [config.THESPORTSDB_API_KEY],
    onRequest,
  });
  const tsdb = createTheSportsDbClient({
    http: tsdbHttp,
    apiKey: config.THESPORTSDB_API_KEY,
    leagues,
  });
  // The configured leagues and those found since by name; the refresher and the generator read this list.
  const discovery = createLeagueDiscovery({
    database: deps.database,
    tsdb,
    configured: leagues,
    espnLeagues: loadEspnLeagues(resolve(configDir, 'espn-leagues.yaml')),
    now: deps.now,
    ...(deps.logger && { logger: deps.logger }),
  });
  const refresher = createEventsRefresher({
    database: deps.database,
    espn,
    tsdb,
    leagues: discovery.leagues,
    timeZone: config.DEFAULT_TIMEZONE,
    now: deps.now,
    ...(deps.logger && { logger: deps.logger }),
  });
  const { lexicon } = discovery;
  // A model without a price cannot be kept within the daily budget: refused at start when a key is set.
  const price = priceOf(loadLlmPrices(resolve(configDir, 'llm-prices.yaml')), config.LLM_MODEL);
  if (config.ANTHROPIC_API_KEY && !price) {
    throw new Error(`LLM_MODEL ${config.LLM_MODEL} has no price in ${resolve(configDir, 'llm-prices.yaml')}`);
  }
  const llm = createLlmStep({
    db: deps.database.db,
    client: config.ANTHROPIC_API_KEY
      ? createLlmClient({
          apiKey: config.ANTHROPIC_API_KEY,
          baseUrl: config.ANTHROPIC_BASE_URL,
          model: config.LLM_MODEL,
          timeoutMs: config.LLM_TIMEOUT_MS,
        })
      : null,
    model: config.LLM_MODEL,
    price: price ?? { input: 0, output: 0 },
    dailyBudgetUsd: config.LLM_DAILY_BUDGET_USD,
    waitMs: config.LLM_WAIT_MS,
    threshold: config.MATCH_CONFIDENCE_THRESHOLD,
    now: deps.now,
    ...(deps.logger && { logger: deps.logger }),
  });
  const matcher = createMatchChain({
    db: deps.database.db,
    leagues,
    leagueForHint: lexicon.exact,
    refresher,
    threshold: config.MATCH_CONFIDENCE_THRESHOLD,
    llm,
  });

  const reader = createPlaylistReader({
    fetcher: createPlaylistFetcher({
      playlistDir,
      maxBytes: config.PLAYLIST_MAX_BYTES,
      overallTimeoutMs: config.PLAYLIST_TIMEOUT_SECONDS * 1000,
    }),
    maxLiveEntries: config.PLAYLIST_MAX_ENTRIES,
  });
  const generator = createGuideGenerator({
    reader,
    defaultFamilies,
    familyMappings: (providerId) => familyMappingsFor(deps.database.db, providerId),
    leagues: discovery.leagues,
    lexicon,
    discoverLeagues: (names) => discovery.discover(names),
    sports,
    providerPatterns: (providerId) => providerFamilies(deps.database.db, providerId),
    overrides: async (providerId) =>
      (await listOverrides(deps.database.db, providerId)).map((o) => ({
        channelId: o.channel_id,
        eventId: o.event_id,
      })),
    matcher,
    now: deps.now,
    ...(deps.logger && { logger: deps.logger }),
  });
  // Logos live on the sources' image hosts; fetched once each and kept, never retried in a request.
  const logosHttp = createHttpClient({
    source: 'logos',
    baseUrl: '',
    timeoutMs: 5_000,
    retries: 0,
    maxBodyBytes: 1024 * 1024,
    onRequest,
  });
  const metrics = createMetrics({
    sources: () => [espnHttp.stats(), tsdbHttp.stats(), logosHttp.stats()],
    guideTimes: () => guides.guideTimes(),
    llmToday: async () => {
      const day = deps.now().toISOString().slice(0, 10);
      const [today] = await llmCostsByDay(deps.database.db, day, day);
      return today ?? { calls: 0, inputTokens: 0, outputTokens: 0, usd: 0 };
    },
    now: deps.now,
  });
  const providers = createProviderDirectory({ db: deps.database.db });
  const guides = createGuideService({
    metrics,
    onStored: (slug) => changes.announceGuide(slug),
    // Instances on one Postgres make each guide once between them; an embedded database has one instance.
    ...(deps.database.kind === 'postgres' && {
      coordinator: {
        lock: (providerId: number) => deps.database.lock(GUIDE_LOCK_SPACE, providerId, GUIDE_LOCK_WAIT_MS),
      },
    }),
    db: deps.database.db,
    generator,
    providers,
    ttlMs: config.GUIDE_CACHE_TTL_SECONDS * 1000,
    ...(deps.logger && { logger: deps.logger }),
  });
  const art = createEventArt({
    db: deps.database.db,
    logos: logosHttp,
    leagues: discovery.leagues,
    now: deps.now,
    ...(config.DATA_DIR && { dir: resolve(config.DATA_DIR, 'art') }),
    ...(deps.logger && { logger: deps.logger }),
  });
  const changes = createChangeFeed({
    database: deps.database,
    heard: (slug) => adminChanges.heard(slug),
    // Taking up another instance's guide reads what it stored under the generation lock, which only Postgres
    // shares between instances.
    ...(deps.database.kind === 'postgres' && { refresh: (slug: string) => guides.takeUp(slug) }),
    ...(deps.logger && { logger: deps.logger }),
  });
  const adminChanges = createAdminChanges({
    keepers: [providers, guides],
    announce: (slug) => changes.announce(slug),
  });
  const leagueKeys = leagues.map((l) => l.key);
  return {
    /** Writes the checked-in leagues and family mappings; run once at start, before serving. */
    seed: async () => {
      const seeded = await seedReferenceData(deps.database.db, leagues, familyMappings);
      await discovery.load();
      return seeded;
    },
    discovery,
    leagues,
    familyMappings,
    defaultFamilies,
    sports,
    refresher,
    matcher,
    reader,
    generator,
    providers,
    guides,
    art,
    metrics,
    /** Admin changes to and from the other instances on the database; start() it before serving. */
    changes,
    /** What an admin change resets, here and on the other instances. */
    adminChanges,
    onboarding: createOnboarding({ db: deps.database.db, generator }),
    reviewQueue: createUnmatchedReview({
      db: deps.database.db,
      leagueKeys,
      invalidate: adminChanges.providerChanged,
    }),
    llm,
    llmReview: createLlmReview({ db: deps.database.db, forget: (id) => matcher.forgetDecision(id) }),
    /** Requests per source and day, written every few seconds; flush before reading or closing. */
    sourceCalls: calls,
  };
}

export type Services = ReturnType<typeof buildServices>;
