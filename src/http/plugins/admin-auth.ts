import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { TooManyRequestsError, UnauthorizedError } from '../../errors.js';
import { errorSchema } from '../schemas/providers.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time comparison: hashing first makes both sides the same length whatever was sent. */
export function tokenMatches(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}

const MINUTE_MS = 60_000;

/** The OpenAPI security scheme of the admin API (`Authorization: Bearer <ADMIN_TOKEN>`). */
export const ADMIN_SECURITY = [{ adminToken: [] }];

/**
 * Every route registered on `scope` needs `Authorization: Bearer <ADMIN_TOKEN>`, and says so in its schema (the
 * security scheme and the 401 answer), so no route writes that itself. A client address that fails
 * more than `maxFailuresPerMinute` times in a minute is answered 429 until the minute is over, right token or
 * not: guessing the token is slow.
 */
export function requireAdminToken(
  scope: FastifyInstance,
  adminToken: string,
  maxFailuresPerMinute = 60,
): void {
  scope.addHook('onRoute', (route) => {
    const schema = route.schema ?? {};
    const response = (schema.response ?? {}) as Record<number, unknown>;
    route.schema = { ...schema, security: ADMIN_SECURITY, response: { ...response, 401: errorSchema } };
  });
  const failures = new LRUCache<string, { count: number; since: number }>({ max: 10_000 });
  scope.addHook('onRequest', async (request, reply) => {
    const now = Date.now();
    let seen = failures.get(request.ip);
    if (seen && now - seen.since >= MINUTE_MS) {
      failures.delete(request.ip);
      seen = undefined;
    }
    if (seen && seen.count >= maxFailuresPerMinute) {
      void reply.header('retry-after', String(Math.ceil((seen.since + MINUTE_MS - now) / 1000)));
      throw new TooManyRequestsError('too many failed sign-ins from this address; try again in a minute');
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !tokenMatches(match[1], adminToken)) {
      failures.set(request.ip, { count: (seen?.count ?? 0) + 1, since: seen?.since ?? now });
      throw new UnauthorizedError();
    }
  });
}
