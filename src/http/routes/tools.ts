import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { providerFamilies } from '../../db/provider-patterns.js';
import { compileFamilies, parseChannelName } from '../../domain/channel-name/index.js';
import { isValidTimeZone } from '../../domain/time.js';
import { channelPartSchema } from '../../services/guides/index.js';
import type { ChannelFamily } from '../../domain/types.js';
import { errorSchema, slugSchema } from '../schemas/providers.js';
import { requireProvider } from './provider-param.js';

export interface ToolRoutesOptions {
  db: Kysely<DB>;
  defaultFamilies: ChannelFamily[];
  defaultTimeZone: string;
  now: () => Date;
}

const MAX_NAMES = 1000;

const flagsSchema = z.object({
  quality: z.array(z.string()),
  feed: z.array(z.string()),
  network: z.array(z.string()),
  language: z.array(z.string()),
  highlights: z.boolean(),
  replay: z.boolean(),
});

const resultSchema = z.object({
  name: z.string(),
  kind: z.enum(['event', 'placeholder', 'other']),
  family: z.string().nullable(),
  slot: z.number().nullable(),
  teams: z.array(z.string()),
  awayFirst: z.boolean(),
  title: z.string().nullable().describe("The event's own name, without the words of its part"),
  part: channelPartSchema.nullable(),
  leagueHints: z.array(z.string()),
  time: z.string().nullable().describe('HH:MM, 24 h, in timeZone'),
  timeZone: z.string().nullable(),
  date: z.string().nullable().describe('YYYY-MM-DD'),
  startsAt: z.string().nullable(),
  flags: flagsSchema,
});

export const toolRoutes: FastifyPluginAsyncZod<ToolRoutesOptions> = async (app, opts) => {
  app.post(
    '/api/tools/parse-names',
    {
      schema: {
        tags: ['tools'],
        summary: 'How channel names are read: the tester to use before saving a pattern',
        body: z
          .object({
            names: z.array(z.string().max(1000)).min(1).max(MAX_NAMES, `at most ${MAX_NAMES} names a call`),
            timezone: z
              .string()
              .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
              .optional()
              .describe("Zone for names that give none (default: the provider's, else the service default)"),
            provider: slugSchema.optional().describe("Use this provider's patterns before the defaults"),
          })
          .strict()
          .meta({
            examples: [
              {
                names: ['NBA 01: Lakers @ Celtics 7:30 PM ET', 'EPL 03: Arsenal v Chelsea 15:00 UK'],
                timezone: 'America/New_York',
              },
            ],
          }),
        response: {
          200: z.object({ results: z.array(resultSchema) }),
          400: errorSchema,

          404: errorSchema,
        },
      },
    },
    async (request) => {
      const { names, provider: slug } = request.body;
      let providerPatterns: ChannelFamily[] = [];
      let timeZone = request.body.timezone ?? opts.defaultTimeZone;
      if (slug) {
        const provider = await requireProvider(opts.db, slug);
        providerPatterns = await providerFamilies(opts.db, provider.id);
        timeZone = request.body.timezone ?? provider.timezone;
      }
      const ctx = {
        now: opts.now(),
        timeZone,
        families: compileFamilies(providerPatterns, opts.defaultFamilies),
      };
      return {
        results: names.map((name) => {
          const p = parseChannelName(name, ctx);
          return {
            name,
            kind: p.kind,
            family: p.family,
            slot: p.slot,
            teams: p.teams,
            awayFirst: p.awayFirst,
            title: p.title,
            part: p.part ?? null,
            leagueHints: p.leagueHints,
            time: p.time,
            timeZone: p.timeZone,
            date: p.date,
            startsAt: p.startsAt?.toISOString() ?? null,
            flags: p.flags,
          };
        }),
      };
    },
  );
};
