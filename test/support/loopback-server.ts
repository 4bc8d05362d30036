import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/apis/site/v2/sports/...?dates=20261125`. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** `index` counts requests from 0, so a handler can fail the first N and then succeed. */
export type LoopbackHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  index: number,
) => void | Promise<void>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  url: string;
  requests: RecordedRequest[];
  /** Closes the listener and every open connection, including ones a handler left hanging. */
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and an ephemeral port; call close() in afterEach. */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const index = requests.length;
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    // Writes after close() land on destroyed sockets; the test has moved on.
    res.on('error', () => undefined);
    Promise.resolve()
      .then(() => handler(req, res, index))
      .catch((err: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.statusCode = 500;
        res.end(err instanceof Error ? err.message : 'handler failed');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** A loopback URL on which nothing listens, for connection-refused cases. */
export async function startClosedPortUrl(): Promise<string> {
  const server = await startLoopbackServer((_req, res) => {
    res.end();
  });
  await server.close();
  return server.url;
}

/**
 * For a test file: `serve(handler)` starts a loopback server that is closed after each test.
 * Call at module level (it registers an afterEach hook).
 */
export function loopbackPerTest(afterEach: (fn: () => Promise<void>) => void) {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async function serve(handler: LoopbackHandler): Promise<LoopbackServer> {
    server = await startLoopbackServer(handler);
    return server;
  };
}
