import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { UnauthorizedError } from '../../errors.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time comparison: hashing first makes both sides the same length whatever was sent. */
export function tokenMatches(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}

/** Every route registered on `scope` needs `Authorization: Bearer <ADMIN_TOKEN>`. */
export function requireAdminToken(scope: FastifyInstance, adminToken: string): void {
  scope.addHook('onRequest', async (request) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !tokenMatches(match[1], adminToken)) throw new UnauthorizedError();
  });
}
