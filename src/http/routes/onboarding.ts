import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/types.js';
import { isValidTimeZone } from '../../domain/time.js';
import { getProvider } from '../../db/providers.js';
import { ValidationError } from '../../errors.js';
import { familyReportSchema, playlistSummarySchema, toGuideProvider } from '../../services/guides/index.js';
import type { Onboarding } from '../../services/admin/index.js';
import { errorSchema } from '../schemas/providers.js';
import { providerParams, requireProvider } from './provider-param.js';

export interface OnboardingRoutesOptions {
  db: Kysely<DB>;
  onboarding: Onboarding;
  isAllowedPlaylistUrl: (url: string) => boolean;
  defaultTimeZone: string;
  leagueKeys: readonly string[];
  invalidate: (slug: string) => void;
}

const onboardSchema = z.object({
  provider: z.string(),
  playlistUrl: z.string(),
  playlist: playlistSummarySchema,
  families: z.array(
    familyReportSchema.extend({
      certainty: z
        .enum(['configured', 'hinted', 'learned', 'unknown'])
        .describe(
          'How sure the league is: configured or mapped, hinted by names, learned, or unknown until games match',
        ),
    }),
  ),
  sample: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      family: z.string().nullable(),
      slot: z.number().nullable(),
      teams: z.array(z.string()),
      title: z.string().nullable(),
      time: z.string().nullable(),
      timeZone: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ),
  unreadable: z
    .object({ count: z.number(), names: z.array(z.string()) })
    .describe('Names outside every family that read like games (two sides, a clock time)'),
  proposals: z.object({
    patterns: z.array(
      z.object({
        family: z.string(),
        pattern: z.string(),
        example: z.string(),
        slots: z.number(),
        matchesExample: z.boolean(),
      }),
    ),
    mappings: z.array(z.object({ family: z.string(), leagues: z.array(z.string()), why: z.string() })),
  }),
});

export const onboardingRoutes: FastifyPluginAsyncZod<OnboardingRoutesOptions> = async (app, opts) => {
  const known = new Set(opts.leagueKeys);

  app.post(
    '/api/providers/:slug/onboard',
    {
      schema: {
        tags: ['providers'],
        summary:
          'What epgoat would do with a playlist, stored nowhere: entries, families with their leagues, a sample of names as read, names it could not read, and proposed patterns and mappings. For a provider not saved yet, give playlistUrl.',
        params: providerParams,
        body: z
          .object({
            playlistUrl: z
              .string()
              .max(2000)
              .refine(opts.isAllowedPlaylistUrl, 'must be an http(s) URL, or a file: URL inside PLAYLIST_DIR')
              .optional(),
            timezone: z
              .string()
              .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
              .optional(),
          })
          .strict()
          .meta({
            examples: [
              {
                playlistUrl: 'http://provider.example/get.php?username=u&password=p&type=m3u_plus',
                timezone: 'America/New_York',
              },
            ],
          })
          .default({}),
        response: { 200: onboardSchema, 400: errorSchema, 502: errorSchema },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const row = await getProvider(opts.db, slug);
      const { playlistUrl, timezone } = request.body;
      if (!row && !playlistUrl) {
        throw new ValidationError(`no provider '${slug}' yet: give playlistUrl`, [
          { field: 'playlistUrl', message: 'required for a provider not saved yet' },
        ]);
      }
      const base = row
        ? toGuideProvider(row)
        : {
            id: 0,
            slug,
            name: slug,
            playlistUrl: playlistUrl!,
            timezone: opts.defaultTimeZone,
            settings: {},
          };
      return opts.onboarding.preview({
        ...base,
        ...(playlistUrl && { playlistUrl }),
        ...(timezone && { timezone }),
      });
    },
  );

  app.post(
    '/api/providers/:slug/onboard/accept',
    {
      schema: {
        tags: ['providers'],
        summary: 'Store the proposed patterns and mappings an admin chose (the provider must be saved)',
        params: providerParams,
        body: z
          .object({
            patterns: z
              .array(
                z.object({
                  family: z.string().min(1).max(80),
                  pattern: z.string().min(1).max(1000),
                  priority: z.number().int().min(0).max(10_000).default(100),
                }),
              )
              .max(100)
              .default([]),
            mappings: z
              .array(
                z.object({
                  family: z.string().min(1).max(80),
                  leagues: z
                    .array(z.string().refine((k) => known.has(k), 'is not a configured league key'))
                    .max(50),
                }),
              )
              .max(100)
              .default([]),
          })
          .strict()
          .meta({
            examples: [
              {
                patterns: [
                  {
                    family: 'ZETA SPORTS',
                    pattern: '^ZETA SPORTS\\s*(?<slot>\\d{1,3})\\s*:?\\s*(?<payload>.*)$',
                  },
                ],
                mappings: [{ family: 'KICK', leagues: ['EPL'] }],
              },
            ],
          }),
        response: {
          200: z.object({
            patterns: z.array(
              z.object({ id: z.number(), family: z.string(), pattern: z.string(), priority: z.number() }),
            ),
            mappings: z.array(z.object({ family: z.string(), leagues: z.array(z.string()) })),
          }),
          400: errorSchema,

          404: errorSchema,
        },
      },
    },
    async (request) => {
      const row = await requireProvider(opts.db, request.params.slug);
      const stored = await opts.onboarding.accept(row.id, request.body);
      opts.invalidate(request.params.slug);
      return stored;
    },
  );
};
