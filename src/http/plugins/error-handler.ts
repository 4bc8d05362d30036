import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldProblem } from '../../errors.js';
import { ShuttingDownError, ValidationError } from '../../errors.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  requestId: string;
  problems?: FieldProblem[];
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `/playlistUrl` -> `playlistUrl`, `/settings/vodRules/0/pattern` -> `settings.vodRules.0.pattern`. */
function fieldName(instancePath: string, context: string | undefined): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (parts.length) return parts.join('.');
  return context ?? 'body';
}

/** One place maps every error to `{ statusCode, error, message, requestId }`; 5xx never carry internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let body: ErrorBody;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = err.validationContext;
      const problems = err.validation.map((v) => {
        // A strict object names the unknown keys in params, not in the path.
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        return {
          field: keys?.length ? keys.join(', ') : fieldName(v.instancePath, context),
          message: v.message ?? 'is invalid',
        };
      });
      body = {
        statusCode: 400,
        error: REASONS[400]!,
        message: `invalid ${context ?? 'request'}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        requestId: request.id,
        problems,
      };
    } else if (err instanceof ValidationError) {
      body = {
        statusCode: 400,
        error: REASONS[400]!,
        message: err.message,
        requestId: request.id,
        problems: err.problems,
      };
    } else if (err instanceof ShuttingDownError) {
      reply.header('retry-after', String(err.retryAfterSeconds));
      body = { statusCode: 503, error: REASONS[503]!, message: err.message, requestId: request.id };
    } else {
      const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
      if (status >= 500) request.log.error({ err }, 'request failed');
      body = {
        statusCode: status,
        error: REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error'),
        // A body-parser 4xx (bad JSON, wrong content type) says what was wrong; a 5xx says nothing inside. Players
        // get a generic reason for an upstream failure (hosts, ports and file names are for admins, in the report
        // and the log); the admin API says what failed.
        message:
          status >= 500 && !('source' in err)
            ? 'internal error'
            : status === 502 && !request.url.startsWith('/api/')
              ? `the playlist of '${String((err as { source?: unknown }).source)}' could not be read; the match report says why`
              : err.message,
        requestId: request.id,
      };
    }
    return reply.code(body.statusCode).type('application/json').send(body);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: REASONS[404],
      message: `no route for ${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    }),
  );
}
