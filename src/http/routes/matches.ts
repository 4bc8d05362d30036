import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GuideService } from '../../services/guides/index.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';
import { servedReportSchema } from '../schemas/report.js';

export interface MatchRoutesOptions {
  guides: GuideService;
}

export const matchRoutes: FastifyPluginAsyncZod<MatchRoutesOptions> = async (app, opts) => {
  app.get(
    '/api/providers/:slug/matches',
    {
      schema: {
        tags: ['providers'],
        summary: 'The match report of the last generation: one row per live channel, and why',
        params: z.object({ slug: slugSchema }),
        querystring: z.object({
          status: z.enum(['matched', 'unmatched', 'placeholder', 'not-event']).optional(),
        }),
        response: { 200: servedReportSchema, 404: errorSchema, 502: errorSchema },
      },
    },
    async (request) => {
      const guide = await opts.guides.getGuide(request.params.slug);
      const { status } = request.query;
      return {
        ...guide.report,
        stale: guide.stale,
        ...(guide.staleReason && { staleReason: guide.staleReason }),
        channels: status ? guide.report.channels.filter((c) => c.status === status) : guide.report.channels,
      };
    },
  );
};
