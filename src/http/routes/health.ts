import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';

export interface HealthRoutesOptions {
  database: Database;
  readyTimeoutMs?: number;
}

const readySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.string(),
  reason: z.string().optional(),
});

export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, opts) => {
  const timeoutMs = opts.readyTimeoutMs ?? 2000;

  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is up (no I/O)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The database answers within the deadline',
        response: { 200: readySchema, 503: readySchema },
      },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`database did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([sql`SELECT 1`.execute(opts.database.db), deadline]);
        return { status: 'ok' as const, database: opts.database.kind };
      } catch (err) {
        const reason = err instanceof Error ? err.message : 'database unavailable';
        return reply.code(503).send({ status: 'unavailable', database: opts.database.kind, reason });
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
