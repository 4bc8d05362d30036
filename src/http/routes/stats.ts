import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/types.js';
import { addDays } from '../../domain/time.js';
import { ValidationError } from '../../errors.js';
import { costReport } from '../../services/llm/index.js';
import type { SourceCallLog } from '../../services/events/index.js';
import { calendarDateSchema } from '../schemas/dates.js';
import { errorSchema } from '../schemas/providers.js';

export interface StatsRoutesOptions {
  db: Kysely<DB>;
  sourceCalls?: SourceCallLog;
  now: () => Date;
}

const MAX_DAYS = 366;

const llmCostsSchema = z.object({
  calls: z.number(),
  failedCalls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  usd: z.number(),
});
const callsSchema = z.record(z.string(), z.number()).describe('Requests per source: espn, thesportsdb, llm');

export const statsRoutes: FastifyPluginAsyncZod<StatsRoutesOptions> = async (app, opts) => {
  app.get(
    '/api/stats/costs',
    {
      schema: {
        tags: ['stats'],
        summary:
          'Per UTC day: LLM calls, tokens and dollars, and requests per source, from the stored ledgers',
        querystring: z.object({
          from: calendarDateSchema
            .optional()
            .describe('First UTC day, YYYY-MM-DD (default: six days before to)'),
          to: calendarDateSchema.optional().describe('Last UTC day, YYYY-MM-DD (default: today)'),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            days: z.array(z.object({ day: z.string(), llm: llmCostsSchema, calls: callsSchema })),
            totals: z.object({ llm: llmCostsSchema, calls: callsSchema }),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const to = request.query.to ?? opts.now().toISOString().slice(0, 10);
      const from = request.query.from ?? addDays(to, -6);
      if (from > to) {
        throw new ValidationError('from must not be after to', [
          { field: 'from', message: `must not be after ${to}` },
        ]);
      }
      if (from < addDays(to, -(MAX_DAYS - 1))) {
        const message = `must be within ${MAX_DAYS} days of to (${to})`;
        throw new ValidationError(`from ${message}`, [{ field: 'from', message }]);
      }
      const report = await costReport(opts, from, to);
      return { from, to, ...report };
    },
  );
};
