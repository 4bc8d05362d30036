import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addAdminAlias, listTeamsWithAliases, softDeleteAlias, type AliasView } from '../../db/teams.js';
import type { DB } from '../../db/types.js';
import { normalizeTeamName } from '../../domain/matching/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { errorSchema } from '../schemas/providers.js';

export interface TeamRoutesOptions {
  db: Kysely<DB>;
  leagues: readonly { key: string; name: string; sport: string }[];
  /** An alias serves every provider: every cached guide is made again on its next request. */
  invalidateAll: () => void;
}

const aliasSchema = z.object({
  id: z.number(),
  alias: z.string(),
  source: z
    .enum(['api', 'admin', 'learned', 'llm'])
    .describe('Who added it: a source, an admin, a lesson, the LLM'),
  pending: z.boolean().describe('Taught by the LLM and not reviewed yet: it does not serve matching'),
  createdAt: z.string(),
});

const teamSchema = z.object({
  id: z.number(),
  name: z.string(),
  abbreviation: z.string().nullable(),
  logo: z.string().nullable(),
  aliases: z.array(aliasSchema),
});

const viewOf = (a: AliasView): z.infer<typeof aliasSchema> => ({
  id: a.id,
  alias: a.alias,
  source: a.source as z.infer<typeof aliasSchema>['source'],
  pending: a.pending,
  createdAt: a.createdAt.toISOString(),
});

export const teamRoutes: FastifyPluginAsyncZod<TeamRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const known = new Set(opts.leagues.map((l) => l.key));

  app.get(
    '/api/leagues',
    {
      schema: {
        tags: ['teams'],
        summary: 'The configured leagues',
        response: {
          200: z.object({
            leagues: z.array(z.object({ key: z.string(), name: z.string(), sport: z.string() })),
          }),
        },
      },
    },
    () => ({ leagues: opts.leagues.map((l) => ({ key: l.key, name: l.name, sport: l.sport })) }),
  );
  const leagueParam = z
    .string()
    .min(1)
    .max(40)
    .transform((k) => k.toUpperCase())
    .describe('League key from config/leagues.yaml, e.g. NHL');
  const league = (key: string) => {
    if (!known.has(key)) throw new NotFoundError(`no league '${key}'`);
    return key;
  };
  const team = async (key: string, id: number) => {
    const [row] = await listTeamsWithAliases(db, league(key), { teamId: id });
    if (!row) throw new NotFoundError(`no team ${id} in ${key}`);
    return row;
  };

  app.get(
    '/api/leagues/:league/teams',
    {
      schema: {
        tags: ['teams'],
        summary: "A league's teams with every name they go by and who added it",
        params: z.object({ league: leagueParam }),
        querystring: z.object({ search: z.string().max(80).optional().describe('Part of the team name') }),
        response: { 200: z.object({ teams: z.array(teamSchema) }), 404: errorSchema },
      },
    },
    async (request) => {
      const rows = await listTeamsWithAliases(db, league(request.params.league), {
        ...(request.query.search && { search: request.query.search }),
      });
      return {
        teams: rows.map((t) => ({
          id: t.id,
          name: t.name,
          abbreviation: t.abbreviation,
          logo: t.logo,
          aliases: t.aliases.map(viewOf),
        })),
      };
    },
  );

  const teamParams = z.object({ league: leagueParam, team: z.coerce.number().int().positive() });

  app.get(
    '/api/leagues/:league/teams/:team/aliases',
    {
      schema: {
        tags: ['teams'],
        summary: "A team's aliases",
        params: teamParams,
        response: { 200: z.object({ aliases: z.array(aliasSchema) }), 404: errorSchema },
      },
    },
    async (request) => ({
      aliases: (await team(request.params.league, request.params.team)).aliases.map(viewOf),
    }),
  );

  app.post(
    '/api/leagues/:league/teams/:team/aliases',
    {
      schema: {
        tags: ['teams'],
        summary: "Teach a name a team goes by (a nickname, a spelling): every provider's next guide uses it",
        params: teamParams,
        body: z
          .object({ alias: z.string().trim().min(1).max(80) })
          .strict()
          .meta({ examples: [{ alias: 'Habs' }] }),
        response: {
          201: aliasSchema,
          400: errorSchema,

          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const t = await team(request.params.league, request.params.team);
      const normalized = normalizeTeamName(request.body.alias);
      if (normalized === '') {
        throw new ValidationError('alias has no letters or digits', [
          { field: 'alias', message: 'must contain letters or digits' },
        ]);
      }
      const live = t.aliases.find((a) => !a.pending && normalizeTeamName(a.alias) === normalized);
      if (live)
        throw new ConflictError(`alias: ${t.name} already goes by '${live.alias}' (alias ${live.id})`);
      const { view } = await addAdminAlias(db, t.id, request.body.alias, normalized);
      opts.invalidateAll();
      return reply.code(201).send(viewOf(view));
    },
  );

  app.delete(
    '/api/leagues/:league/teams/:team/aliases/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Soft-delete an alias: matching stops using it and the sources do not bring it back',
        params: teamParams.extend({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const t = await team(request.params.league, request.params.team);
      if (!(await softDeleteAlias(db, t.id, request.params.id))) {
        throw new NotFoundError(`no alias ${request.params.id} of team ${t.id}`);
      }
      opts.invalidateAll();
      return reply.code(204).send(null);
    },
  );
};
