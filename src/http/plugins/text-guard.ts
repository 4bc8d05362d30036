// Text Postgres cannot store (a NUL, a lone UTF-16 surrogate) is refused before validation with a 400 naming the
// field, for every text of every admin body, instead of failing later in the database with a 500.
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../errors.js';

// With the u flag a surrogate pair is one code point: only unpaired halves match the range.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udfff]/u;

/** The path of the first string (key or value) holding unstorable text, or null. */
export function unstorableField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableField(item, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return here;
      const found = unstorableField(item, here);
      if (found) return found;
    }
  }
  return null;
}

export function refuseUnstorableText(scope: FastifyInstance): void {
  scope.addHook('preValidation', async (request) => {
    const field = unstorableField(request.body);
    if (field) {
      const message = 'must not contain NUL characters or unpaired surrogates';
      throw new ValidationError(`${field} ${message}`, [{ field, message }]);
    }
  });
}
