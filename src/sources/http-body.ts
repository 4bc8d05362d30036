import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { UpstreamError } from '../errors.js';

type Headers = Record<string, string | string[] | undefined>;

/** Destroy without an unhandled 'error' event (undici bodies emit AbortError when destroyed). */
export function discard(stream: Readable): void {
  stream.on('error', () => undefined);
  stream.destroy();
}

/** URLs often carry credentials in the path or query (playlists, logos): messages name only the origin. */
export function describeUrl(url: string): string {
  try {
    return `GET ${new URL(url).origin}`;
  } catch {
    return 'GET <invalid URL>';
  }
}

export function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Full jitter: uniform in [0, min(max, base * 2^attempt)), attempt counted from 0. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date; ms to wait from `nowMs`, undefined when unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, cause } = err as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  return cause === undefined ? undefined : errorCode(cause);
}

function isDecodeError(code: string): boolean {
  // zlib reports Z_DATA_ERROR / Z_BUF_ERROR; brotli reports ERR__ERROR_FORMAT_* and similar.
  return code.startsWith('Z_') || code.startsWith('ERR__') || code.includes('BROTLI');
}

export interface ErrorContext {
  /** Our own deadline fired (the abort is ours, whatever undici calls it). */
  timedOut?: boolean;
  timeoutMs?: number;
  /** What was being done, safe to log: never a query string or credentials. */
  label: string;
}

/** Anything thrown while talking to an upstream, as an UpstreamError; never rethrows raw errors. */
export function toUpstreamError(source: string, err: unknown, ctx: ErrorContext): UpstreamError {
  if (err instanceof UpstreamError) return err;
  if (ctx.timedOut) {
    const within = ctx.timeoutMs === undefined ? '' : ` within ${ctx.timeoutMs} ms`;
    return new UpstreamError(source, 'timeout', `${ctx.label}: no answer${within}`);
  }
  const code = errorCode(err) ?? (err instanceof Error ? err.name : 'unknown');
  if (TIMEOUT_CODES.has(code)) return new UpstreamError(source, 'timeout', `${ctx.label}: ${code}`);
  if (isDecodeError(code)) {
    return new UpstreamError(source, 'bad-body', `${ctx.label}: cannot decompress (${code})`);
  }
  if (code === 'ENOENT') return new UpstreamError(source, 'not-found', `${ctx.label}: ${code}`);
  return new UpstreamError(source, 'connect', `${ctx.label}: ${code}`);
}

function decoderFor(coding: string): NodeJS.ReadWriteStream | undefined {
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
  if (coding === 'deflate') return createInflate();
  if (coding === 'br') return createBrotliDecompress();
  return undefined;
}

/** Undo Content-Encoding (codings listed in the order applied, so undone last-first). */
export function decodeBody(source: string, body: Readable, contentEncoding?: string): Readable {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  const unknown = codings.find((c) => decoderFor(c) === undefined);
  if (unknown !== undefined) {
    discard(body);
    throw new UpstreamError(source, 'bad-body', `unsupported Content-Encoding ${unknown}`);
  }
  let out: Readable = body;
  for (const coding of codings) {
    const decoder = decoderFor(coding) as NodeJS.ReadWriteStream;
    // pipeline destroys every stage with the first error, so it surfaces from the last stage's iterator.
    out = pipeline(out, decoder, () => undefined) as unknown as Readable;
  }
  return out;
}

function tooLarge(source: string, label: string, maxBytes: number): UpstreamError {
  return new UpstreamError(source, 'too-large', `${label}: body exceeds ${maxBytes} bytes`);
}

/** Reads a whole (small) body into memory, failing with 'too-large' as soon as the cap is passed. */
export async function readCapped(
  source: string,
  stream: Readable,
  maxBytes: number,
  label: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of cappedBody(source, stream, maxBytes, label)) {
    total += chunk.length;
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  return Buffer.concat(chunks, total);
}

/**
 * A single-use byte stream that counts decoded bytes, throws 'too-large' past the cap and maps every
 * stream error to an UpstreamError. Breaking out of the loop (or return()) destroys the source.
 */
export function cappedBody(
  source: string,
  stream: Readable,
  maxBytes: number,
  label: string,
  /** When the whole body must have arrived (ms on `now`'s clock), and what to say when it has not. */
  deadline?: { until: number; now: () => number; message: string },
): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const inner = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array | string>;
      let total = 0;
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          let step: IteratorResult<Uint8Array | string>;
          let timer: NodeJS.Timeout | undefined;
          try {
            if (!deadline) step = await inner.next();
            else {
              const late = new Promise<never>((_, reject) => {
                timer = setTimeout(
                  () => reject(new UpstreamError(source, 'timeout', `${label}: ${deadline.message}`)),
                  Math.max(0, deadline.until - deadline.now()),
                );
              });
              step = await Promise.race([inner.next(), late]);
            }
          } catch (err) {
            discard(stream);
            throw err instanceof UpstreamError ? err : toUpstreamError(source, err, { label });
          } finally {
            clearTimeout(timer);
          }
          if (step.done) return { done: true, value: undefined };
          const chunk = typeof step.value === 'string' ? Buffer.from(step.value) : step.value;
          total += chunk.length;
          if (total > maxBytes) {
            discard(stream);
            throw tooLarge(source, label, maxBytes);
          }
          return { done: false, value: chunk };
        },
        return(): Promise<IteratorResult<Uint8Array>> {
          discard(stream);
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
