import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  deleteOverride,
  listOverrides,
  setOverride,
  type ChannelOverrideRow,
} from '../../db/channel-overrides.js';
import { listStoredEventsByIds } from '../../db/events.js';
import type { DB } from '../../db/types.js';
import { NotFoundError } from '../../errors.js';
import type { GuideService } from '../../services/guides/index.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';
import { providerParams, requireProvider } from './provider-param.js';

export interface OverrideRoutesOptions {
  db: Kysely<DB>;
  /** The provider's latest guide, whose channels an override may name; unchecked without it. */
  guides?: GuideService;
  invalidate: (slug: string) => void;
}

const overrideSchema = z.object({
  channelId: z.string(),
  eventId: z.string().nullable(),
  notEvent: z.boolean(),
  event: z.object({ title: z.string(), league: z.string(), startsAt: z.string() }).nullable(),
  createdAt: z.string(),
});

const channelIdSchema = z
  .string()
  .min(1)
  .max(200)
  .describe("The channel's id in the guide (`nhl-05.acme`), as the match report gives it");

export const overrideRoutes: FastifyPluginAsyncZod<OverrideRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const providerOf = (slug: string) => requireProvider(db, slug);
  const views = async (rows: ChannelOverrideRow[]): Promise<z.infer<typeof overrideSchema>[]> => {
    const ids = rows.flatMap((r) => (r.event_id === null ? [] : [r.event_id]));
    const events = new Map((await listStoredEventsByIds(db, ids)).map((s) => [Number(s.event.id), s.event]));
    return rows.map((r) => {
      const e = r.event_id === null ? undefined : events.get(r.event_id);
      return {
        channelId: r.channel_id,
        eventId: r.event_id === null ? null : String(r.event_id),
        notEvent: r.not_event,
        event: e ? { title: e.title, league: e.league, startsAt: e.startsAt.toISOString() } : null,
        createdAt: r.created_at.toISOString(),
      };
    });
  };

  app.get(
    '/api/providers/:slug/overrides',
    {
      schema: {
        tags: ['providers'],
        summary: "A provider's channel overrides: pinned to an event, or carrying no event",
        params: providerParams,
        response: {
          200: z.object({ overrides: z.array(overrideSchema) }),

          404: errorSchema,
        },
      },
    },
    async (request) => {
      const p = await providerOf(request.params.slug);
      return { overrides: await views(await listOverrides(db, p.id)) };
    },
  );

  app.put(
    '/api/providers/:slug/channels/:channelId/override',
    {
      schema: {
        tags: ['providers'],
        summary:
          'Pin a channel to an event (for that event’s day; matching asks nothing else) or mark it as carrying no event (an empty slot)',
        params: z.object({ slug: slugSchema, channelId: channelIdSchema }),
        body: z
          .union([
            z.object({ eventId: z.coerce.number().int().positive().describe('A stored event id') }).strict(),
            z.object({ notEvent: z.literal(true) }).strict(),
          ])
          .meta({ examples: [{ eventId: 4012 }, { notEvent: true }] }),
        response: { 200: overrideSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { slug, channelId } = request.params;
      const p = await providerOf(slug);
      const eventId = 'eventId' in request.body ? request.body.eventId : null;
      if (eventId !== null && (await listStoredEventsByIds(db, [eventId])).length === 0) {
        throw new NotFoundError(`eventId: no event ${eventId}`);
      }
      if (opts.guides) {
        const { report } = await opts.guides.getGuide(slug);
        if (!report.channels.some((c) => c.channelId === channelId)) {
          throw new NotFoundError(`channelId: no channel '${channelId}' in the latest guide of '${slug}'`);
        }
      }
      const row = await setOverride(db, { providerId: p.id, channelId, eventId });
      opts.invalidate(slug);
      const [view] = await views([row]);
      return view!;
    },
  );

  app.delete(
    '/api/providers/:slug/channels/:channelId/override',
    {
      schema: {
        tags: ['providers'],
        summary: 'Remove a channel’s override (soft delete): matching decides again',
        params: z.object({ slug: slugSchema, channelId: channelIdSchema }),
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const p = await providerOf(request.params.slug);
      if (!(await deleteOverride(db, p.id, request.params.channelId))) {
        throw new NotFoundError(`no override of '${request.params.channelId}'`);
      }
      opts.invalidate(request.params.slug);
      return reply.code(204).send(null);
    },
  );
};
