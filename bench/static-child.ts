// The yardstick of the serving benchmark: a plain node:http server holding the guide's gzip bytes in its own
// process, answering every GET with them, as a static file server or a CDN edge would.
//   node dist/.bench/bench/static-child.js [--root DIR] GUIDE_URL
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

const from = process.argv.at(-1) ?? '';
const res = await request(from, { headers: { 'accept-encoding': 'gzip' } });
const body = Buffer.from(await res.body.arrayBuffer());
const etag = String(res.headers.etag);
const server = createServer((_req, reply) => {
  reply.writeHead(200, {
    'content-type': 'application/xml; charset=utf-8',
    'content-encoding': 'gzip',
    'content-length': body.length,
    etag,
    'cache-control': 'public, max-age=300',
  });
  reply.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  process.stderr.write(
    `${JSON.stringify({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })}\n`,
  );
});
