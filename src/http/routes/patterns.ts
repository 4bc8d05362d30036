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
import { compileFamilies, parseChannelName } from '../../domain/channel-name/index.js';
import { patternCaptures, patternProblems } from '../../domain/channel-name/pattern-check.js';
import type { ChannelFamily } from '../../domain/types.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';
import { providerParams, requireProvider } from './provider-param.js';

export interface PatternRoutesOptions {
  db: Kysely<DB>;
  /** Drops what was built from a provider after it changes, so its next guide shows the change. */
  invalidate: (slug: string) => void;
  /** The configured families, tried after the provider's patterns. */
  defaultFamilies?: ChannelFamily[];
  now?: () => Date;
}

const MAX_TEST_NAMES = 200;
const draftSchema = z.object({
  family: z.string().min(1).max(80),
  pattern: z.string().min(1).max(1000),
  priority: z.number().int().min(0).max(10_000).default(100),
});

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

export const patternRoutes: FastifyPluginAsyncZod<PatternRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const providerId = async (slug: string) => {
    return (await requireProvider(db, slug)).id;
  };

  app.get(
    '/api/providers/:slug/patterns',
    {
      schema: {
        tags: ['providers'],
        summary: "A provider's channel-family patterns, used before the defaults",
        params: providerParams,
        response: { 200: z.object({ patterns: z.array(patternSchema) }), 404: errorSchema },
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
        params: providerParams,
        body: z
          .object({
            family: z.string().min(1).max(80),
            pattern: z
              .string()
              .min(1)
              .max(1000)
              .describe(
                'Regex in RE2 syntax (no lookaround or backreferences) over the display name; must capture (?<slot>) and (?<payload>)',
              ),
            priority: z.number().int().min(0).max(10_000).default(100),
            enabled: z.boolean().default(true),
          })
          .strict()
          .meta({
            examples: [
              {
                family: 'ZETA SPORTS',
                pattern: '^ZETA SPORTS\\s*(?<slot>\\d{1,3})\\s*:?\\s*(?<payload>.*)$',
                priority: 100,
              },
            ],
          }),
        response: { 201: patternSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const id = await providerId(request.params.slug);
      const b = request.body;
      const problems = patternProblems(b.family, b.pattern);
      if (problems.length) {
        throw new ValidationError(`invalid pattern: ${problems.join('; ')}`, [
          { field: 'pattern', message: problems.join('; ') },
        ]);
      }
      const row = await insertProviderPattern(db, { providerId: id, ...b });
      opts.invalidate(request.params.slug);
      return reply.code(201).send(toView(row));
    },
  );

  app.post(
    '/api/providers/:slug/patterns/test',
    {
      schema: {
        tags: ['providers'],
        summary:
          "Try the provider's patterns, and drafts, on names: what each captures, which wins, and the resulting parse",
        params: providerParams,
        body: z
          .object({
            names: z.array(z.string().max(500)).min(1).max(MAX_TEST_NAMES),
            patterns: z.array(draftSchema).max(20).default([]).describe('Unsaved patterns to try first'),
          })
          .strict()
          .meta({
            examples: [
              {
                names: ['ZETA SPORTS 07: Lakers @ Celtics 7:30 PM ET', 'ZETA SPORTS 08:'],
                patterns: [
                  {
                    family: 'ZETA SPORTS',
                    pattern: '^ZETA SPORTS\\s*(?<slot>\\d{1,3})\\s*:?\\s*(?<payload>.*)$',
                  },
                ],
              },
            ],
          }),
        response: {
          200: z.object({
            patterns: z.array(
              z.object({
                id: z.number().nullable().describe('Null for a draft'),
                family: z.string(),
                pattern: z.string(),
                problems: z
                  .array(z.string())
                  .describe('Why a saved pattern is skipped; a draft with a problem is refused with 400'),
              }),
            ),
            results: z.array(
              z.object({
                name: z.string(),
                captures: z
                  .array(z.record(z.string(), z.string().optional()).nullable())
                  .describe(
                    "Each pattern's named groups, in the order of `patterns`; null where it does not match",
                  ),
                winner: z
                  .object({ family: z.string(), source: z.string().nullable(), slot: z.number().nullable() })
                  .nullable(),
                parsed: z.object({
                  kind: z.enum(['event', 'placeholder', 'other']),
                  teams: z.array(z.string()),
                  title: z.string().nullable(),
                  time: z.string().nullable(),
                  timeZone: z.string().nullable(),
                  date: z.string().nullable(),
                }),
              }),
            ),
          }),
          400: errorSchema,

          404: errorSchema,
        },
      },
    },
    async (request) => {
      const provider = await requireProvider(db, request.params.slug);
      const saved = (await listProviderPatterns(db, provider.id)).filter((p) => p.enabled);
      const tried = [
        ...request.body.patterns.map((d) => ({ id: null, ...d })),
        ...saved.map((p) => ({ id: p.id, family: p.family, pattern: p.pattern, priority: p.priority })),
      ].map((p) => ({ ...p, problems: patternProblems(p.family, p.pattern) }));
      // A draft that could not be saved is refused; a saved pattern that no longer compiles is shown with why.
      const refused = tried.flatMap((p, i) =>
        p.id === null && p.problems.length > 0
          ? [{ field: `patterns.${i}.pattern`, message: p.problems.join('; ') }]
          : [],
      );
      if (refused.length > 0) {
        throw new ValidationError(
          `invalid pattern: ${refused.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
          refused,
        );
      }
      const safe = tried.filter((p) => p.problems.length === 0);
      const { names } = request.body;
      const captures = patternCaptures(
        safe.map((p) => p.pattern),
        names,
      );
      const families = compileFamilies(
        safe.map((p) => ({ family: p.family, pattern: p.pattern, priority: p.priority })),
        opts.defaultFamilies ?? [],
      );
      const ctx = { now: (opts.now ?? (() => new Date()))(), timeZone: provider.timezone, families };
      return {
        patterns: tried.map((p) => ({
          id: p.id,
          family: p.family,
          pattern: p.pattern,
          problems: p.problems,
        })),
        results: names.map((name, n) => {
          const parsed = parseChannelName(name, ctx);
          return {
            name,
            captures: tried.map((p) => {
              const i = safe.indexOf(p);
              return i < 0 ? null : (captures[i]?.[n] ?? null);
            }),
            winner: parsed.family
              ? { family: parsed.family, source: parsed.familySource, slot: parsed.slot }
              : null,
            parsed: {
              kind: parsed.kind,
              teams: parsed.teams,
              title: parsed.title,
              time: parsed.time,
              timeZone: parsed.timeZone,
              date: parsed.date,
            },
          };
        }),
      };
    },
  );

  app.delete(
    '/api/providers/:slug/patterns/:id',
    {
      schema: {
        tags: ['providers'],
        summary: 'Soft-delete a pattern',
        params: z.object({ slug: slugSchema, id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 404: errorSchema },
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
