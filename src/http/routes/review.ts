import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LlmReview } from '../../services/llm/index.js';
import { errorSchema } from '../schemas/providers.js';

export interface ReviewRoutesOptions {
  review: LlmReview;
}

const candidateSchema = z.object({
  id: z.string(),
  title: z.string(),
  league: z.string(),
  startsAt: z.string(),
  home: z.string().nullable(),
  away: z.string().nullable(),
});

const decisionSchema = z.object({
  id: z.number(),
  createdAt: z.string(),
  model: z.string(),
  provider: z.string().nullable().describe('The provider whose generation asked first'),
  channel: z.string(),
  question: z.object({ channel: z.string(), candidates: z.array(candidateSchema) }).describe('As asked'),
  answer: z
    .object({
      kind: z.enum(['chosen', 'none', 'invalid']),
      eventId: z.string().optional(),
      confidence: z.number().optional(),
      aliases: z.array(z.object({ written: z.string(), team: z.string() })).optional(),
      reason: z.string().optional().describe('Why an invalid answer was rejected'),
    })
    .describe('The answer as read'),
  event: z.object({ id: z.string(), title: z.string() }).nullable(),
  taught: z
    .array(z.object({ team: z.string(), alias: z.string(), pending: z.boolean() }))
    .describe('Team aliases this decision added; pending ones do not serve matching yet'),
  tokens: z.object({ input: z.number(), output: z.number() }).describe("This decision's share of its call"),
  costUsd: z.number(),
  latencyMs: z.number(),
  review: z.enum(['pending', 'accepted', 'rejected']),
  reviewedAt: z.string().nullable(),
});

export const reviewRoutes: FastifyPluginAsyncZod<ReviewRoutesOptions> = async (app, opts) => {
  app.get(
    '/api/review/llm',
    {
      schema: {
        tags: ['review'],
        summary:
          "The LLM's decisions, newest first: the question, the answer, what it taught and what it cost",
        querystring: z.object({
          status: z.enum(['pending', 'accepted', 'rejected', 'all']).default('pending'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.coerce.number().int().positive().optional().describe('Only decisions older than this id'),
        }),
        response: {
          200: z.object({
            decisions: z.array(decisionSchema),
            next: z.number().nullable().describe('Pass as `before` for the next page'),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      const decisions = await opts.review.list({
        limit,
        ...(status !== 'all' && { review: status }),
        ...(before !== undefined && { beforeId: before }),
      });
      const last = decisions.at(-1);
      return {
        decisions: decisions as z.infer<typeof decisionSchema>[],
        next: decisions.length === limit && last ? last.id : null,
      };
    },
  );

  app.post(
    '/api/review/llm/:id',
    {
      schema: {
        tags: ['review'],
        summary:
          'Accept a decision (its aliases serve matching for every provider) or reject it (its aliases and matches go, and it is never reused)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z
          .object({ decision: z.enum(['accept', 'reject']) })
          .strict()
          .meta({ examples: [{ decision: 'accept' }] }),
        response: {
          200: z.object({
            id: z.number(),
            review: z.enum(['pending', 'accepted', 'rejected']),
            aliases: z.number().describe('Aliases confirmed (accept) or removed (reject)'),
            matchesRemoved: z.number(),
          }),
          400: errorSchema,

          404: errorSchema,
        },
      },
    },
    async (request) => opts.review.review(request.params.id, request.body.decision),
  );
};
