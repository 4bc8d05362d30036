import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/types.js';
import type { UnmatchedReview } from '../../services/admin/index.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';
import { requireProvider } from './provider-param.js';

export interface ReviewQueueRoutesOptions {
  db: Kysely<DB>;
  queue: UnmatchedReview;
  leagueKeys: readonly string[];
}

const candidateSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  score: z.number(),
  teamScore: z.number(),
  timeDeltaMinutes: z.number().nullable(),
  reasons: z.array(z.string()),
  rejected: z.string().optional().describe('Why the candidate was refused, whatever its score'),
});

const groupSchema = z.object({
  name: z.string(),
  parsed: z.record(z.string(), z.unknown()).describe('The name as read'),
  reason: z.string().describe('Each step of the chain and what it found'),
  candidates: z.array(candidateSchema).describe('The best candidates, with why each was refused'),
  leagues: z.array(z.string()).describe('Leagues searched; empty for any'),
  channels: z
    .array(
      z.object({
        id: z.number().describe('Pass to POST /api/review/unmatched/:id'),
        provider: z.string(),
        channelId: z.string().nullable(),
        day: z.string(),
        seenAt: z.string(),
      }),
    )
    .describe('Every channel of that name left unmatched, by provider'),
  llm: z
    .object({ id: z.number(), review: z.string(), outcome: z.string(), eventId: z.string().nullable() })
    .nullable()
    .describe("The LLM's latest decision about this name (see /api/review/llm)"),
});

export const reviewQueueRoutes: FastifyPluginAsyncZod<ReviewQueueRoutesOptions> = async (app, opts) => {
  const known = new Set(opts.leagueKeys);

  app.get(
    '/api/review/unmatched',
    {
      schema: {
        tags: ['review'],
        summary:
          'Event channels the latest generations left unmatched, grouped by name, with the parse and the best candidates refused',
        querystring: z.object({
          provider: slugSchema.optional(),
          league: z
            .string()
            .transform((k) => k.toUpperCase())
            .refine((k) => known.has(k), 'is not a configured league key')
            .optional(),
        }),
        response: {
          200: z.object({ groups: z.array(groupSchema) }),
          400: errorSchema,

          404: errorSchema,
        },
      },
    },
    async (request) => {
      let providerId: number | undefined;
      if (request.query.provider) {
        providerId = (await requireProvider(opts.db, request.query.provider, 'provider')).id;
      }
      const groups = await opts.queue.list({
        ...(providerId !== undefined && { providerId }),
        ...(request.query.league && { league: request.query.league }),
      });
      return { groups: groups as z.infer<typeof groupSchema>[] };
    },
  );

  app.post(
    '/api/review/unmatched/:id',
    {
      schema: {
        tags: ['review'],
        summary:
          'Accept a candidate: pins the channel to it and teaches the names it wrote as the teams’ aliases, so the same name matches by itself',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z
          .object({ eventId: z.coerce.number().int().positive() })
          .strict()
          .meta({ examples: [{ eventId: 4012 }] }),
        response: {
          200: z.object({
            id: z.number(),
            pinned: z.object({
              provider: z.string(),
              channelId: z.string(),
              eventId: z.string(),
              title: z.string(),
            }),
            taught: z.array(z.object({ team: z.string(), alias: z.string() })),
          }),
          400: errorSchema,

          404: errorSchema,
        },
      },
    },
    async (request) => opts.queue.accept(request.params.id, request.body.eventId),
  );
};
