import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ART_WIDTHS, type ArtWidth } from '../../domain/art/matchup-svg.js';
import { isValidTimeZone } from '../../domain/time.js';
import { NotFoundError } from '../../errors.js';
import type { EventArtService } from '../../services/art/index.js';
import { notModified } from '../plugins/conditional-get.js';
import { errorSchema } from '../schemas/providers.js';

export interface ArtRoutesOptions {
  art: EventArtService;
  defaultTimeZone: string;
}

/** An image lasts a day in players' caches; its ETag tells them cheaply whether it changed after. */
const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

export const artRoutes: FastifyPluginAsyncZod<ArtRoutesOptions> = async (app, opts) => {
  app.get(
    '/art/:file',
    {
      schema: {
        tags: ['players'],
        summary: "An event's matchup image: /art/<eventId>.png",
        description:
          "The two teams' logos (or abbreviations) on their colours, the league and the start on the `tz` clock; " +
          "a card with the event's title when it has no two teams. 16:9 PNG, the same bytes for the same event.",
        params: z.object({ file: z.string().describe('`<eventId>.png`') }),
        querystring: z.object({
          w: z
            .enum(ART_WIDTHS.map(String) as [string, ...string[]])
            .optional()
            .describe(`Width in pixels: ${ART_WIDTHS.join(', ')} (default 960)`),
          tz: z
            .string()
            .refine(isValidTimeZone, 'is not an IANA time zone')
            .optional()
            .describe('Zone of the start shown (default DEFAULT_TIMEZONE)'),
        }),
        response: {
          200: z.any().describe('PNG'),
          304: z.null().describe('Not modified (If-None-Match matched the ETag)'),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const m = /^(\d{1,9})\.png$/.exec(request.params.file);
      if (!m) throw new NotFoundError(`no image at ${request.params.file}`);
      const width = Number(request.query.w ?? 960) as ArtWidth;
      const art = await opts.art.get(Number(m[1]), width, request.query.tz ?? opts.defaultTimeZone);
      if (!art) throw new NotFoundError(`no event ${m[1]}`);
      reply.header('etag', art.etag);
      reply.header('cache-control', CACHE_CONTROL);
      if (notModified(request.headers['if-none-match'], art.etag)) return reply.code(304).send(null);
      reply.type('image/png');
      return reply.send(await art.png());
    },
  );
};
