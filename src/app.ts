import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/database.js';
import { requireAdminToken } from './http/plugins/admin-auth.js';
import { registerErrorHandler } from './http/plugins/error-handler.js';
import { registerSwagger } from './http/plugins/swagger.js';
import { eventRoutes } from './http/routes/events.js';
import { healthRoutes } from './http/routes/health.js';
import { guideRoutes } from './http/routes/guide.js';
import { mappingRoutes } from './http/routes/mappings.js';
import { matchRoutes } from './http/routes/matches.js';
import { patternRoutes } from './http/routes/patterns.js';
import { providerRoutes } from './http/routes/providers.js';
import { toolRoutes } from './http/routes/tools.js';
import type { ChannelFamily } from './domain/types.js';
import type { EventsRefresher } from './services/events-refresh.js';
import type { GuideService } from './services/guide-service.js';

export interface AppDeps {
  database: Database;
  adminToken: string;
  logger: FastifyBaseLogger | false;
  isAllowedPlaylistUrl: (url: string) => boolean;
  version?: string;
  /** Guides, playlists and match reports; without it only the admin and health routes exist. */
  guide?: {
    guides: GuideService;
    defaultFamilies: ChannelFamily[];
    defaultTimeZone: string;
    cacheSeconds: number;
    publicBaseUrl?: string;
    now: () => Date;
    /** Configured league keys, for validating family mappings. */
    leagueKeys: readonly string[];
  };
  /** The events store's admin routes (refresh on demand, list stored events). */
  events?: { refresher: EventsRefresher; defaultTimeZone: string };
}

/** Builds the HTTP app from its parts. Never listens and never reads the environment. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerSwagger(app, deps.version ?? '0.0.0');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(healthRoutes, { database: deps.database });
  const guide = deps.guide;
  if (guide) {
    await app.register(guideRoutes, {
      database: deps.database,
      guides: guide.guides,
      cacheSeconds: guide.cacheSeconds,
      ...(guide.publicBaseUrl && { publicBaseUrl: guide.publicBaseUrl }),
    });
  }
  await app.register(async (admin) => {
    requireAdminToken(admin, deps.adminToken);
    await admin.register(providerRoutes, {
      database: deps.database,
      isAllowedPlaylistUrl: deps.isAllowedPlaylistUrl,
      onProviderChanged: (slug) => guide?.guides.invalidate(slug),
    });
    if (guide) {
      await admin.register(patternRoutes, {
        database: deps.database,
        onProviderChanged: (slug) => guide.guides.invalidate(slug),
      });
      await admin.register(matchRoutes, { guides: guide.guides });
      await admin.register(mappingRoutes, {
        database: deps.database,
        leagueKeys: guide.leagueKeys,
        onProviderChanged: (slug) => guide.guides.invalidate(slug),
      });
      await admin.register(toolRoutes, {
        database: deps.database,
        defaultFamilies: guide.defaultFamilies,
        defaultTimeZone: guide.defaultTimeZone,
        now: guide.now,
      });
    }
    if (deps.events) await admin.register(eventRoutes, { database: deps.database, ...deps.events });
  });
  return app;
}
