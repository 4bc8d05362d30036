// Several HTTP/1.1 requests written at once on one keep-alive socket, and the responses read back the way a
// strict client reads them: a body only where the status and method allow one, its length from its headers.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
}

function parseHeaders(block: string): { status: number; headers: Record<string, string> } {
  const [statusLine = '', ...lines] = block.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}

/** Reads one response from `buf` at `at`; null when it is not complete yet. */
function readResponse(
  buf: Buffer,
  at: number,
  method: string,
): { response: RawResponse; end: number } | null {
  const headEnd = buf.indexOf('\r\n\r\n', at);
  if (headEnd < 0) return null;
  const { status, headers } = parseHeaders(buf.subarray(at, headEnd).toString('latin1'));
  let pos = headEnd + 4;
  const bodiless = method === 'HEAD' || status === 204 || status === 304 || status < 200;
  if (bodiless) return { response: { status, headers, body: Buffer.alloc(0) }, end: pos };
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', pos);
      if (lineEnd < 0) return null;
      const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1'), 16);
      if (buf.length < lineEnd + 2 + size + 2) return null;
      parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      pos = lineEnd + 2 + size + 2;
      if (size === 0) return { response: { status, headers, body: Buffer.concat(parts) }, end: pos };
    }
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < pos + length) return null;
  return { response: { status, headers, body: buf.subarray(pos, pos + length) }, end: pos + length };
}

/** Writes every request at once on one connection and reads the responses in order. */
export function pipelined(baseUrl: string, requests: RawRequest[], timeoutMs = 5000): Promise<RawResponse[]> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolvePromise, reject) => {
    const socket = connect(Number(port), hostname);
    let buf = Buffer.alloc(0);
    const out: RawResponse[] = [];
    let at = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `read ${out.length} of ${requests.length} responses: ${buf.toString('latin1').slice(at, at + 300)}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const next = requests[out.length];
        if (!next) break;
        const read = readResponse(buf, at, next.method);
        if (!read) break;
        out.push(read.response);
        at = read.end;
      }
      if (out.length === requests.length) {
        clearTimeout(timer);
        // Anything after the last response is bytes no response owns.
        const extra = buf.length - at;
        socket.destroy();
        if (extra > 0) reject(new Error(`${extra} stray bytes after the last response`));
        else resolvePromise(out);
      }
    });
    socket.on('error', reject);
    socket.write(
      requests
        .map((r) => {
          const headers = { host: hostname, ...r.headers };
          const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
          return `${r.method} ${r.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
        })
        .join(''),
    );
  });
}
