import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { listProviderMappings, softDeleteProviderMapping, upsertProviderMapping } from '../../db/leagues.js';
import { NotFoundError } from '../../errors.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';
import { providerParams, requireProvider } from './provider-param.js';

export interface MappingRoutesOptions {
  db: Kysely<DB>;
  leagueKeys: readonly string[];
  /** Drops what was built from a provider after it changes, so its next guide shows the change. */
  invalidate: (slug: string) => void;
}

const mappingSchema = z.object({
  family: z.string(),
  leagues: z.array(z.string()).describe('League keys, most likely first; empty means any league'),
  source: z
    .enum(['provider', 'learned'])
    .describe(
      "An admin's mapping, or learned from the games the family's channels matched (a PUT replaces it)",
    ),
});

const sourceOf = (source: string) => (source === 'learned' ? ('learned' as const) : ('provider' as const));

export const mappingRoutes: FastifyPluginAsyncZod<MappingRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const known = new Set(opts.leagueKeys);
  const providerId = async (slug: string) => {
    return (await requireProvider(db, slug)).id;
  };

  app.get(
    '/api/providers/:slug/mappings',
    {
      schema: {
        tags: ['providers'],
        summary:
          "A provider's own family-to-league mappings, an admin's or learned (over the universal ones from config)",
        params: providerParams,
        response: { 200: z.object({ mappings: z.array(mappingSchema) }), 404: errorSchema },
      },
    },
    async (request) => ({
      mappings: (await listProviderMappings(db, await providerId(request.params.slug))).map((r) => ({
        family: r.family,
        leagues: r.league_keys,
        source: sourceOf(r.source),
      })),
    }),
  );

  app.put(
    '/api/providers/:slug/mappings',
    {
      schema: {
        tags: ['providers'],
        summary: 'Map a channel family of this provider to leagues (replaces its previous mapping)',
        params: providerParams,
        body: z
          .object({
            family: z.string().min(1).max(80),
            leagues: z
              .array(z.string().refine((k) => known.has(k), 'is not a configured league key'))
              .max(50),
          })
          .strict()
          .meta({ examples: [{ family: 'US| NHL CENTER ICE', leagues: ['NHL'] }] }),
        response: { 200: mappingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const row = await upsertProviderMapping(
        db,
        await providerId(request.params.slug),
        request.body.family,
        request.body.leagues,
      );
      opts.invalidate(request.params.slug);
      return { family: row.family, leagues: row.league_keys, source: sourceOf(row.source) };
    },
  );

  app.delete(
    '/api/providers/:slug/mappings/:family',
    {
      schema: {
        tags: ['providers'],
        summary: "Soft-delete a provider's own mapping (the universal one applies again)",
        params: z.object({ slug: slugSchema, family: z.string().min(1).max(80) }),
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const ok = await softDeleteProviderMapping(
        db,
        await providerId(request.params.slug),
        request.params.family,
      );
      if (!ok) throw new NotFoundError(`no mapping for '${request.params.family}'`);
      opts.invalidate(request.params.slug);
      return reply.code(204).send(null);
    },
  );
};
