import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ProviderPatternRow } from '../../db/provider-patterns.js';
import {
  insertProviderPattern,
  listProviderPatterns,
  softDeleteProviderPattern,
} from '../../db/provider-patterns.js';
import { getProvider } from '../../db/providers.js';
import { compileFamilies } from '../../domain/channel-name/index.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';

export interface PatternRoutesOptions {
  db: Kysely<DB>;
  /** Drops what was built from a provider after it changes, so its next guide shows the change. */
  invalidate: (slug: string) => void;
}

const patternSchema = z.object({
  id: z.number(),
  family: z.string(),
  pattern: z.string(),
  priority: z.number(),
  enabled: z.boolean(),
  createdAt: z.string(),
});

function toView(r: ProviderPatternRow): z.infer<typeof patternSchema> {
  return {
    id: r.id,
    family: r.family,
    pattern: r.pattern,
    priority: r.priority,
    enabled: r.enabled,
    createdAt: r.created_at.toISOString(),
  };
}

const security = [{ adminToken: [] }];

export const patternRoutes: FastifyPluginAsyncZod<PatternRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const providerId = async (slug: string) => {
    const p = await getProvider(db, slug);
    if (!p) throw new NotFoundError(`no provider '${slug}'`);
    return p.id;
  };

  app.get(
    '/api/providers/:slug/patterns',
    {
      schema: {
        tags: ['providers'],
        summary: "A provider's channel-family patterns, used before the defaults",
        security,
        params: z.object({ slug: slugSchema }),
        response: { 200: z.object({ patterns: z.array(patternSchema) }), 401: errorSchema, 404: errorSchema },
      },
    },
    async (request) => ({
      patterns: (await listProviderPatterns(db, await providerId(request.params.slug))).map(toView),
    }),
  );

  app.post(
    '/api/providers/:slug/patterns',
    {
      schema: {
        tags: ['providers'],
        summary: 'Add a channel-family pattern (a regex with named groups slot and payload)',
        security,
        params: z.object({ slug: slugSchema }),
        body: z
          .object({
            family: z.string().min(1).max(80),
            pattern: z
              .string()
              .min(1)
              .max(1000)
              .describe('Regex over the display name; must capture (?<slot>) and (?<payload>)'),
            priority: z.number().int().min(0).max(10_000).default(100),
            enabled: z.boolean().default(true),
          })
          .strict(),
        response: { 201: patternSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const id = await providerId(request.params.slug);
      const b = request.body;
      const problems = compileFamilies(
        [{ family: b.family, pattern: b.pattern, priority: b.priority }],
        [],
      ).problems;
      if (problems.length) {
        throw new ValidationError(`invalid pattern: ${problems.map((p) => p.reason).join('; ')}`, [
          { field: 'pattern', message: problems.map((p) => p.reason).join('; ') },
        ]);
      }
      const row = await insertProviderPattern(db, { providerId: id, ...b });
      opts.invalidate(request.params.slug);
      return reply.code(201).send(toView(row));
    },
  );

  app.delete(
    '/api/providers/:slug/patterns/:id',
    {
      schema: {
        tags: ['providers'],
        summary: 'Soft-delete a pattern',
        security,
        params: z.object({ slug: slugSchema, id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 401: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const ok = await softDeleteProviderPattern(
        db,
        await providerId(request.params.slug),
        request.params.id,
      );
      if (!ok) throw new NotFoundError(`no pattern ${request.params.id}`);
      opts.invalidate(request.params.slug);
      return reply.code(204).send(null);
    },
  );
};
