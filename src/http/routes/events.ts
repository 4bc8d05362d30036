import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { listEventRows, toSportEvent } from '../../db/events.js';
import { addDays, isValidTimeZone, startOfLocalDay } from '../../domain/time.js';
import { MAX_REFRESH_DAYS, type EventsRefresher } from '../../services/events/index.js';
import { calendarDateSchema } from '../schemas/dates.js';
import { errorSchema } from '../schemas/providers.js';

export interface EventRoutesOptions {
  db: Kysely<DB>;
  refresher: EventsRefresher;
  /** Zone of dates that name none. */
  defaultTimeZone: string;
}

const dateSchema = calendarDateSchema.describe('Local date, YYYY-MM-DD, in timezone');
const timezoneSchema = z
  .string()
  .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
  .describe('IANA zone the dates are in (default: the service default)');

const eventSchema = z.object({
  id: z.string(),
  title: z.string(),
  league: z.string(),
  startsAt: z.string().describe('UTC instant, ISO 8601'),
  status: z.enum(['pre', 'in', 'post']).nullable(),
  venue: z.string().nullable(),
  home: z.string().nullable(),
  away: z.string().nullable(),
  externalIds: z.object({ espn: z.string().optional(), thesportsdb: z.string().optional() }),
});

const countsSchema = z.object({
  requests: z.number().describe('Upstream requests made'),
  fresh: z.number().describe('Source-league-days still within their TTL (forced refreshes ignore it)'),
  joined: z.number().describe('Source-league-days another caller was already fetching'),
  received: z.number().describe('Events the sources returned'),
  skipped: z.number().describe('Events the sources returned that did not validate'),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  merged: z.number().describe('Events attached to the row the other source made for the same game'),
  errors: z.array(
    z.object({
      source: z.enum(['espn', 'thesportsdb']),
      league: z.string(),
      days: z.array(z.string()),
      reason: z.string(),
      message: z.string(),
    }),
  ),
});

export const eventRoutes: FastifyPluginAsyncZod<EventRoutesOptions> = async (app, opts) => {
  const { refresher, defaultTimeZone } = opts;
  const known = new Set(refresher.leagues.map((l) => l.key));
  const leagueKey = z
    .string()
    .refine((k) => known.has(k.toUpperCase()), 'is not a configured league key')
    .describe('League key from config/leagues.yaml, e.g. NBA');

  app.post(
    '/api/events/refresh',
    {
      schema: {
        tags: ['events'],
        summary: 'Fetch events from ESPN and TheSportsDB now; answers when done, with counts',
        body: z
          .object({
            leagues: z
              .array(leagueKey)
              .min(1)
              .max(100)
              .optional()
              .describe('Default: every configured league'),
            from: dateSchema.optional().describe('First local date (default: today)'),
            to: dateSchema
              .optional()
              .describe(`Last local date (default: from); at most ${MAX_REFRESH_DAYS} days`),
            timezone: timezoneSchema.optional(),
          })
          .strict()
          .meta({ examples: [{ leagues: ['NBA', 'NHL'], from: '2026-11-25', to: '2026-11-26' }] })
          .nullish()
          .describe('May be left out: every league, today'),
        response: {
          200: z.object({
            leagues: z.array(z.string()),
            from: z.string(),
            to: z.string(),
            timezone: z.string(),
            counts: countsSchema,
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const timezone = body.timezone ?? defaultTimeZone;
      const from = body.from ?? refresher.today(timezone);
      const to = body.to ?? from;
      // The refresher refuses a backwards or too long span, naming `to`.
      const leagues = body.leagues
        ? [...new Set(body.leagues.map((k) => k.toUpperCase()))]
        : refresher.leagues.map((l) => l.key);
      const counts = await refresher.refresh({ leagues, from, to, timeZone: timezone });
      return { leagues, from, to, timezone, counts };
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Stored events starting on one local day, by start',
        querystring: z
          .object({
            league: leagueKey.optional().describe('Default: every league'),
            date: dateSchema.optional().describe('Default: today'),
            timezone: timezoneSchema.optional(),
          })
          .strict(),
        response: { 200: z.object({ events: z.array(eventSchema) }), 400: errorSchema },
      },
    },
    async (request) => {
      const { league } = request.query;
      const timezone = request.query.timezone ?? defaultTimeZone;
      const date = request.query.date ?? refresher.today(timezone);
      const rows = await listEventRows(opts.db, {
        ...(league && { leagues: [league.toUpperCase()] }),
        from: startOfLocalDay(date, timezone),
        to: startOfLocalDay(addDays(date, 1), timezone),
      });
      return {
        events: rows.map((row) => {
          const e = toSportEvent(row);
          return {
            id: e.id,
            title: e.title,
            league: e.league,
            startsAt: e.startsAt.toISOString(),
            status: e.status,
            venue: e.venue,
            home: e.home,
            away: e.away,
            externalIds: e.externalIds,
          };
        }),
      };
    },
  );
};
