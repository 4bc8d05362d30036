import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProviderRow } from '../../db/providers.js';
import { writeM3uHeader } from '../../domain/m3u/index.js';
import { NotFoundError, UnauthorizedError, UpstreamError } from '../../errors.js';
import type { GuideService } from '../../services/guides/index.js';
import { tokenMatches } from '../plugins/admin-auth.js';
import { notModified } from '../plugins/conditional-get.js';
import { errorSchema } from '../schemas/providers.js';

export interface GuideRoutesOptions {
  /** The live provider with a slug (kept in memory: a cached guide costs no database round trip). */
  provider: (slug: string) => Promise<ProviderRow | undefined>;
  guides: GuideService;
  cacheSeconds: number;
  /** Origin players reach this service at, for the playlist's `url-tvg`. */
  publicBaseUrl?: string;
  /** Whether a peer address is a trusted reverse proxy, whose X-Forwarded-Host/-Proto name the origin. */
  trustsProxy?: (address: string, hop: number) => boolean;
}

/**
 * The origin a playlist's `url-tvg` points players at: PUBLIC_BASE_URL; else what a trusted proxy forwarded;
 * else the address and port this connection reached. A client's own Host header never chooses it, so a forged
 * one cannot send players elsewhere through a shared cache.
 */
function guideOrigin(request: FastifyRequest, opts: GuideRoutesOptions): string {
  if (opts.publicBaseUrl) return opts.publicBaseUrl.replace(/\/+$/, '');
  const socket = request.raw.socket;
  if (opts.trustsProxy?.(socket.remoteAddress ?? '', 0)) {
    try {
      const forwarded = new URL(`${request.protocol}://${request.host}`);
      if ((forwarded.protocol === 'http:' || forwarded.protocol === 'https:') && forwarded.pathname === '/') {
        return forwarded.origin;
      }
    } catch {
      // A malformed forwarded host: the connection's own address below.
    }
  }
  const local = (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = local.includes(':') ? `[${local}]` : local;
  return `${request.protocol === 'https' ? 'https' : 'http'}://${host}:${socket.localPort ?? 80}`;
}

const tokenQuery = z.object({
  token: z.string().optional().describe("The provider's access token, when it has one"),
});

async function providerFor(
  lookup: GuideRoutesOptions['provider'],
  slug: string,
  token: string | undefined,
): Promise<ProviderRow> {
  const row = await lookup(slug);
  if (!row || !row.enabled) throw new NotFoundError(`no guide for '${slug}'`);
  if (row.access_token !== null && (token === undefined || !tokenMatches(token, row.access_token))) {
    throw new UnauthorizedError('this guide needs ?token=');
  }
  return row;
}

export const guideRoutes: FastifyPluginAsyncZod<GuideRoutesOptions> = async (app, opts) => {
  app.get(
    '/epg/:file',
    {
      schema: {
        tags: ['players'],
        summary: 'XMLTV guide of a provider: /epg/<slug>.xml or /epg/<slug>.xml.gz',
        description:
          'Streams XMLTV valid against the XMLTV DTD. Honours If-None-Match (304) and Accept-Encoding: gzip; ' +
          'the .xml.gz name always answers gzip bytes. When a fresh guide cannot be made, the last good one is served.',
        params: z.object({ file: z.string().describe('`<slug>.xml` or `<slug>.xml.gz`') }),
        querystring: tokenQuery,
        response: {
          200: z.any().describe('XMLTV (application/xml), or gzip bytes for .xml.gz'),
          304: z.null().describe('Not modified (If-None-Match matched the ETag)'),
          401: errorSchema,
          404: errorSchema,
          502: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const m = /^([a-z0-9-]{1,40})\.xml(\.gz)?$/.exec(request.params.file);
      if (!m) throw new NotFoundError(`no guide at ${request.params.file}`);
      const slug = m[1]!;
      const gzFile = m[2] !== undefined;
      const provider = await providerFor(opts.provider, slug, request.query.token);
      const guide = await opts.guides.getGuide(slug, guideOrigin(request, opts));

      reply.header('etag', guide.etag);
      reply.header(
        'cache-control',
        `${provider.access_token ? 'private' : 'public'}, max-age=${opts.cacheSeconds}`,
      );
      reply.header('last-modified', guide.generatedAt.toUTCString());
      reply.header('vary', 'accept-encoding');
      if (guide.stale) reply.header('x-epgoat-stale', 'true');
      if (notModified(request.headers['if-none-match'], guide.etag)) return reply.code(304).send(null);

      if (gzFile) {
        reply.type('application/gzip');
        reply.header('content-disposition', `inline; filename="${slug}.xml.gz"`);
        return reply.send(guide.xmlGzip);
      }
      reply.type('application/xml; charset=utf-8');
      const accepts = request.headers['accept-encoding'] ?? '';
      if (/\bgzip\b/i.test(accepts) && !/\bgzip;\s*q=0(\.0+)?\b/i.test(accepts)) {
        reply.header('content-encoding', 'gzip');
        return reply.send(guide.xmlGzip);
      }
      return reply.send(Readable.from([guide.xmlGzip]).pipe(createGunzip()));
    },
  );

  app.get(
    '/playlist/:file',
    {
      schema: {
        tags: ['players'],
        summary: "The provider's live channels without VOD: /playlist/<slug>.m3u",
        description:
          "Each event channel's tvg-id is its guide channel id; url-tvg points at this service's guide.",
        params: z.object({ file: z.string().describe('`<slug>.m3u`') }),
        querystring: tokenQuery,
        response: {
          200: z.any().describe('Extended M3U (audio/x-mpegurl)'),
          401: errorSchema,
          404: errorSchema,
          502: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const m = /^([a-z0-9-]{1,40})\.m3u8?$/.exec(request.params.file);
      if (!m) throw new NotFoundError(`no playlist at ${request.params.file}`);
      const slug = m[1]!;
      await providerFor(opts.provider, slug, request.query.token);
      const base = guideOrigin(request, opts);
      const guide = await opts.guides.getGuide(slug, base);
      // From the current generation, or from the last good guide's stored copy while the host is down.
      const { playlist } = guide;
      if (!playlist)
        throw new UpstreamError(slug, 'connect', 'the provider playlist is unavailable right now');

      const token = request.query.token ? `?token=${encodeURIComponent(request.query.token)}` : '';
      const guideUrl = `${base}/epg/${slug}.xml${token}`;
      const header = { attrs: { ...playlist.header.attrs, 'url-tvg': guideUrl, 'x-tvg-url': guideUrl } };
      reply.type('audio/x-mpegurl; charset=utf-8');
      reply.header('etag', `"p${guide.etag.slice(1)}`);
      if (guide.stale) reply.header('x-epgoat-stale', 'true');
      const body = playlist.body();
      return reply.send(
        Readable.from(
          (async function* () {
            yield writeM3uHeader(header);
            yield* body;
          })(),
        ),
      );
    },
  );
};
