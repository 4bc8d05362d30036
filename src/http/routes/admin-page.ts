// The admin page: static files built into the package (`src/http/admin`, copied to `dist/http/admin` by the
// build), served by the service itself. The page calls only the admin REST API.
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const ROOT = resolve(import.meta.dirname, '../admin');
// Nothing from elsewhere: no fonts, scripts or styles from a CDN.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

export async function registerAdminPage(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: ROOT,
    prefix: '/admin/',
    decorateReply: false,
    index: ['index.html'],
    cacheControl: true,
    maxAge: 0,
    setHeaders: (res) => {
      res.header('content-security-policy', CSP);
      res.header('x-content-type-options', 'nosniff');
    },
  });
  app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/', 302));
}
