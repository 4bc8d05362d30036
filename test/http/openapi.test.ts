// The committed OpenAPI document describes every admin route: its security, its error answers, and an example
// of every request body.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }> };
  responses: Record<string, unknown>;
}

const doc = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../openapi/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const admin = Object.entries(doc.paths)
  .filter(([path]) => path.startsWith('/api/'))
  .flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  it('lists the admin toolbox routes', () => {
    const routes = admin.map((a) => a.route);
    for (const r of [
      'GET /api/leagues/{league}/teams',
      'POST /api/leagues/{league}/teams/{team}/aliases',
      'DELETE /api/leagues/{league}/teams/{team}/aliases/{id}',
      'PUT /api/providers/{slug}/channels/{channelId}/override',
      'GET /api/review/unmatched',
      'POST /api/review/unmatched/{id}',
      'POST /api/providers/{slug}/onboard',
      'POST /api/providers/{slug}/onboard/accept',
      'POST /api/providers/{slug}/patterns/test',
      'GET /api/review/llm',
      'GET /api/stats/costs',
    ])
      expect(routes).toContain(r);
  });

  it('gives every admin route the admin token, a 401 answer, and an example of its body', () => {
    for (const { route, op } of admin) {
      expect(op.security, route).toEqual([{ adminToken: [] }]);
      expect(Object.keys(op.responses), route).toContain('401');
      if (op.requestBody) {
        const json = op.requestBody.content['application/json'];
        expect(json?.example ?? json?.examples, `${route} has no body example`).toBeDefined();
        expect(Object.keys(op.responses), route).toContain('400');
      }
    }
  });
});
