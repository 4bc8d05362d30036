import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { loggerOptions } from '../../src/http/plugins/log-redaction.js';

export interface CapturedLogs {
  /** Logs as the server's logger does (same redaction), into memory. */
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line written so far, as written. */
  text(): string;
}

export function captureLogs(level = 'info'): CapturedLogs {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino(loggerOptions(level), sink);
  return {
    logger,
    text: () => raw.join(''),
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
