import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerSwagger(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'epgoat',
        description: 'XMLTV guides for IPTV sports event channels, and the admin API behind them.',
        version,
      },
      components: {
        securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } },
      },
      tags: [
        { name: 'players', description: 'Guides and playlists for IPTV players' },
        { name: 'health', description: 'Load-balancer probes' },
        { name: 'providers', description: 'Provider administration' },
        { name: 'tools', description: 'Admin tools' },
        { name: 'events', description: 'Real events from ESPN and TheSportsDB' },
        { name: 'teams', description: 'Teams and every name they go by' },
        { name: 'review', description: "An admin's review of what the LLM step decided and taught" },
        { name: 'stats', description: 'What the service spent, per day' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
