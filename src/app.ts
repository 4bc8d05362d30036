import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import proxyAddr from '@fastify/proxy-addr';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/database.js';
import { requireAdminToken } from './http/plugins/admin-auth.js';
import { registerAdminPage } from './http/routes/admin-page.js';
import { registerErrorHandler } from './http/plugins/error-handler.js';
import { refuseUnstorableText } from './http/plugins/text-guard.js';
import { registerSwagger } from './http/plugins/swagger.js';
import { artRoutes } from './http/routes/art.js';
import { eventRoutes } from './http/routes/events.js';
import { healthRoutes } from './http/routes/health.js';
import { guideRoutes } from './http/routes/guide.js';
import { mappingRoutes } from './http/routes/mappings.js';
import { matchRoutes } from './http/routes/matches.js';
import { onboardingRoutes } from './http/routes/onboarding.js';
import { overrideRoutes } from './http/routes/overrides.js';
import { patternRoutes } from './http/routes/patterns.js';
import { providerRoutes } from './http/routes/providers.js';
import { reviewQueueRoutes } from './http/routes/review-queue.js';
import { reviewRoutes } from './http/routes/review.js';
import { statsRoutes } from './http/routes/stats.js';
import { teamRoutes } from './http/routes/teams.js';
import { toolRoutes } from './http/routes/tools.js';
import type { Config } from './config/env.js';
import type { LeagueConfig } from './config/leagues.js';
import type { ChannelFamily } from './domain/types.js';
import type { EventArtService } from './services/art/index.js';
import type { Metrics } from './services/metrics/index.js';
import {
  type AdminChanges,
  type ChangeFeed,
  createAdminChanges,
  type Onboarding,
  type UnmatchedReview,
} from './services/admin/index.js';
import { metricsRoutes } from './http/routes/metrics.js';
import type { EventsRefresher, SourceCallLog } from './services/events/index.js';
import type { GuideService, ProviderDirectory } from './services/guides/index.js';
import type { LlmReview } from './services/llm/index.js';
import { getProvider } from './db/providers.js';

export type AppConfig = Pick<Config, 'DEFAULT_TIMEZONE' | 'GUIDE_CACHE_TTL_SECONDS' | 'PUBLIC_BASE_URL'> &
  Partial<Pick<Config, 'ADMIN_RATE_LIMIT_PER_MINUTE' | 'TRUSTED_PROXIES' | 'METRICS_TOKEN'>>;

/**
 * What the app is built from. The services are optional so a test can build only the part it needs: without
 * `guides` there are no guide, playlist or report routes; without `refresher` no events routes.
 */
export interface AppDeps {
  database: Database;
  adminToken: string;
  logger: FastifyBaseLogger | false;
  isAllowedPlaylistUrl: (url: string) => boolean;
  config: AppConfig;
  now: () => Date;
  version?: string;
  guides?: GuideService;
  /** Provider rows kept in memory for the guide routes; read from Postgres per request without it. */
  providers?: ProviderDirectory;
  refresher?: EventsRefresher;
  /** The checked-in families the name tools read with. */
  defaultFamilies?: ChannelFamily[];
  /** The configured leagues, which family mappings may name. */
  leagues?: readonly LeagueConfig[];
  /** Onboarding a playlist (read, never matched or stored); without it there are no onboarding routes. */
  onboarding?: Onboarding;
  /** The review queue of unmatched event channels; without it there are no review-queue routes. */
  reviewQueue?: UnmatchedReview;
  /** The review of the LLM's decisions; without it there are no review routes. */
  llmReview?: LlmReview;
  /** Requests per source not yet written, flushed before the cost report reads. */
  sourceCalls?: SourceCallLog;
  /** Matchup art of stored events; without it there is no /art route. */
  art?: EventArtService;
  /** Prometheus metrics; without them there is no /metrics route. */
  metrics?: Metrics;
  /** Tells the other instances on the database of each admin change. */
  changes?: Pick<ChangeFeed, 'announce'>;
  /** What an admin change resets; made from `providers`, `guides` and `changes` when absent. */
  adminChanges?: AdminChanges;
}

/** Builds the HTTP app from its parts. Never listens and never reads the environment. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // Forwarded headers are believed from the configured proxies only (the client address, rate limits and logs
  // follow them too).
  const proxies = deps.config.TRUSTED_PROXIES ?? [];
  const trustsProxy = proxies.length > 0 ? proxyAddr.compile(proxies) : () => false;
  const app = Fastify({
    trustProxy: proxies.length > 0 ? trustsProxy : false,
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  // An empty body sent as JSON (a DELETE from many clients) is no body, not a 400; anything else is parsed as
  // Fastify would.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerSwagger(app, deps.version ?? '0.0.0');
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    // 204 and 304 have no body by definition: no content headers either, or a keep-alive client reads the
    // next response as this one's body.
    if (reply.statusCode === 204 || reply.statusCode === 304) {
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return null;
    }
    return payload;
  });

  const { metrics } = deps;
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.request(
        request.method,
        request.routeOptions.url ?? 'unrouted',
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
    });
  }

  const { db } = deps.database;
  const { guides, config } = deps;
  // Any admin change to a provider shows in its next guide, on this instance and on the others.
  const changes =
    deps.adminChanges ??
    createAdminChanges({
      keepers: [deps.providers, guides],
      ...(deps.changes && { announce: deps.changes.announce }),
    });
  const invalidate = changes.providerChanged;
  const { providers } = deps;
  const providerRow = (slug: string) => (providers ? providers.get(slug) : getProvider(db, slug));
  await app.register(healthRoutes, { database: deps.database });
  if (metrics) {
    await app.register(metricsRoutes, {
      metrics,
      ...(deps.config.METRICS_TOKEN && { token: deps.config.METRICS_TOKEN }),
    });
  }
  await registerAdminPage(app);
  if (deps.art) {
    await app.register(artRoutes, { art: deps.art, defaultTimeZone: config.DEFAULT_TIMEZONE });
  }
  if (guides) {
    await app.register(guideRoutes, {
      provider: providerRow,
      guides,
      cacheSeconds: config.GUIDE_CACHE_TTL_SECONDS,
      trustsProxy,
      ...(config.PUBLIC_BASE_URL && { publicBaseUrl: config.PUBLIC_BASE_URL }),
    });
  }
  await app.register(async (admin) => {
    const perMinute = config.ADMIN_RATE_LIMIT_PER_MINUTE ?? 600;
    // Security headers on the admin API (not on guides and playlists, whose players need none of them).
    await admin.register(helmet, { global: true });
    await admin.register(rateLimit, { max: perMinute, timeWindow: '1 minute' });
    requireAdminToken(admin, deps.adminToken, Math.max(1, Math.floor(perMinute / 10)));
    refuseUnstorableText(admin);
    await admin.register(providerRoutes, { db, isAllowedPlaylistUrl: deps.isAllowedPlaylistUrl, invalidate });
    await admin.register(patternRoutes, {
      db,
      invalidate,
      now: deps.now,
      ...(deps.defaultFamilies && { defaultFamilies: deps.defaultFamilies }),
    });
    await admin.register(overrideRoutes, { db, invalidate, ...(guides && { guides }) });
    if (guides) await admin.register(matchRoutes, { guides });
    if (deps.onboarding && deps.leagues) {
      await admin.register(onboardingRoutes, {
        db,
        onboarding: deps.onboarding,
        isAllowedPlaylistUrl: deps.isAllowedPlaylistUrl,
        defaultTimeZone: config.DEFAULT_TIMEZONE,
        leagueKeys: deps.leagues.map((l) => l.key),
        invalidate,
      });
    }
    if (deps.leagues) {
      const leagueKeys = deps.leagues.map((l) => l.key);
      await admin.register(mappingRoutes, { db, leagueKeys, invalidate });
      await admin.register(teamRoutes, {
        db,
        leagues: deps.leagues,
        invalidateAll: changes.everyProviderChanged,
      });
      if (deps.reviewQueue)
        await admin.register(reviewQueueRoutes, { db, leagueKeys, queue: deps.reviewQueue });
    }
    if (deps.defaultFamilies) {
      await admin.register(toolRoutes, {
        db,
        defaultFamilies: deps.defaultFamilies,
        defaultTimeZone: config.DEFAULT_TIMEZONE,
        now: deps.now,
      });
    }
    if (deps.llmReview) await admin.register(reviewRoutes, { review: deps.llmReview });
    await admin.register(statsRoutes, {
      db,
      now: deps.now,
      ...(deps.sourceCalls && { sourceCalls: deps.sourceCalls }),
    });
    if (deps.refresher) {
      await admin.register(eventRoutes, {
        db,
        refresher: deps.refresher,
        defaultTimeZone: config.DEFAULT_TIMEZONE,
      });
    }
  });
  return app;
}
