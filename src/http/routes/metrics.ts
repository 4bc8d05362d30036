import proxyAddr from '@fastify/proxy-addr';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnauthorizedError } from '../../errors.js';
import type { Metrics } from '../../services/metrics/index.js';
import { tokenMatches } from '../plugins/admin-auth.js';
import { errorSchema } from '../schemas/providers.js';

export interface MetricsRoutesOptions {
  metrics: Pick<Metrics, 'exposition'>;
  /** Bearer token the scraper sends; without it only loopback clients are answered. */
  token?: string;
}

const isLoopback = proxyAddr.compile('loopback');

export const metricsRoutes: FastifyPluginAsyncZod<MetricsRoutesOptions> = async (app, opts) => {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (text format)',
        description:
          'With METRICS_TOKEN set it needs `Authorization: Bearer <METRICS_TOKEN>`; without it only loopback ' +
          'clients are answered (behind a reverse proxy on the same host, set the token).',
        response: { 200: z.string(), 401: errorSchema },
      },
    },
    async (request, reply) => {
      if (opts.token) {
        const sent = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
        if (!sent || !tokenMatches(sent, opts.token))
          throw new UnauthorizedError('metrics need the bearer token');
      } else if (!isLoopback(request.raw.socket.remoteAddress ?? '', 0)) {
        throw new UnauthorizedError('metrics answer loopback clients only unless METRICS_TOKEN is set');
      }
      const { contentType, body } = await opts.metrics.exposition();
      return reply.type(contentType).send(body);
    },
  );
};
