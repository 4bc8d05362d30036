// Secrets never reach a log line: a player's `?token=`, the credentials playlist URLs carry in their query
// (`username=`, `password=`) or user-info, and authorization headers, wherever a request or URL is logged.
import type { LoggerOptions } from 'pino';

const SECRET_KEYS =
  /^(?:token|access_token|password|passwd|pass|pwd|username|user|api_key|apikey|key|secret)$/i;
export const REDACTED = '***';

/** A URL or path with its secret query values and user-info replaced. */
export function redactUrl(url: string): string {
  const [head = '', ...rest] = url.split('?');
  const query = rest.join('?');
  const bareHead = head.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, `$1${REDACTED}@`);
  if (query === '') return bareHead;
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // a malformed escape: judged as written
      }
      return eq >= 0 && SECRET_KEYS.test(name) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${bareHead}?${redacted}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Pino options for every logger of the process: the request serializer and the redacted paths. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', '*.authorization'],
      censor: REDACTED,
    },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        hostname: req.hostname,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}
