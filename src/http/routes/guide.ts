import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProviderRow } from '../../db/providers.js';
import { writeM3uHeader } from '../../domain/m3u/index.js';
import { NotAcceptableError, NotFoundError, UnauthorizedError, UpstreamError } from '../../errors.js';
import type { GuideService, ServedPlaylist } from '../../services/guides/index.js';
import { tokenMatches } from '../plugins/admin-auth.js';
import { formatEntityTag, notModified } from '../plugins/conditional-get.js';
import { negotiateContentCoding, type ContentCoding } from '../plugins/content-coding.js';
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

/** The coding of an answer that has these codings `available`; a 406 when the client accepts none of them. */
function contentCoding(request: FastifyRequest, available: readonly ContentCoding[]): ContentCoding {
  const coding = negotiateContentCoding(request.headers['accept-encoding'], available);
  if (!coding) throw new NotAcceptableError(`Accept-Encoding refuses ${available.join(' and ')}`);
  return coding;
}

/** Caches keep a guide or playlist as long as this service does; one behind an access token, only the player's. */
function cacheControl(provider: ProviderRow, seconds: number): string {
  return `${provider.access_token ? 'private' : 'public'}, max-age=${seconds}`;
}

export const guideRoutes: FastifyPluginAsyncZod<GuideRoutesOptions> = async (app, opts) => {
  /** SHA-1 of each playlist's entries as sent, hashed once per playlist. */
  const entryHashes = new WeakMap<ServedPlaylist, Promise<Buffer>>();
  async function hashEntries(playlist: ServedPlaylist): Promise<Buffer> {
    const hash = createHash('sha1');
    for await (const piece of playlist.body()) hash.update(piece);
    return hash.digest();
  }
  /**
   * The playlist's ETag: strong, as it hashes the bytes sent, the header line (its guide URL differs by origin
   * and token) and the entries (their stream URLs can change while the guide stays the same).
   */
  async function playlistEtag(playlist: ServedPlaylist, headerLine: string): Promise<string> {
    let entries = entryHashes.get(playlist);
    if (!entries) {
      entries = hashEntries(playlist);
      entryHashes.set(playlist, entries);
      entries.catch(() => entryHashes.delete(playlist));
    }
    const hash = createHash('sha1')
      .update(headerLine)
      .update(await entries);
    return formatEntityTag(`p-${hash.digest('hex').slice(0, 32)}`, false);
  }

  app.get(
    '/epg/:file',
    {
      schema: {
        tags: ['players'],
        summary: 'XMLTV guide of a provider: /epg/<slug>.xml or /epg/<slug>.xml.gz',
        description:
          'Streams XMLTV valid against the XMLTV DTD. Honours If-None-Match (304) and Accept-Encoding with q-values ' +
          '(gzip or identity; 406 when both are refused); the .xml.gz name always answers gzip bytes. When a fresh ' +
          'guide cannot be made, the last good one is served.',
        params: z.object({ file: z.string().describe('`<slug>.xml` or `<slug>.xml.gz`') }),
        querystring: tokenQuery,
        response: {
          200: z.any().describe('XMLTV (application/xml), or gzip bytes for .xml.gz'),
          304: z.null().describe('Not modified (If-None-Match matched the ETag)'),
          401: errorSchema,
          404: errorSchema,
          406: errorSchema,
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
      // The .xml.gz name is a gzip file, whatever the request accepts; the .xml name is negotiated.
      if (!gzFile) reply.header('vary', 'accept-encoding');
      const coding = gzFile ? 'identity' : contentCoding(request, ['gzip', 'identity']);
      const guide = await opts.guides.getGuide(slug, guideOrigin(request, opts));

      reply.header('etag', guide.etag);
      reply.header('cache-control', cacheControl(provider, opts.cacheSeconds));
      reply.header('last-modified', guide.generatedAt.toUTCString());
      if (guide.stale) reply.header('x-epgoat-stale', 'true');
      if (notModified(request.headers['if-none-match'], guide.etag)) return reply.code(304).send(null);

      if (gzFile) {
        reply.type('application/gzip');
        reply.header('content-disposition', `inline; filename="${slug}.xml.gz"`);
        return reply.send(guide.xmlGzip);
      }
      reply.type('application/xml; charset=utf-8');
      if (coding === 'gzip') {
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
          "Each event channel's tvg-id is its guide channel id; url-tvg points at this service's guide. Honours " +
          'If-None-Match (304); sent without a content coding (406 when Accept-Encoding refuses identity).',
        params: z.object({ file: z.string().describe('`<slug>.m3u`') }),
        querystring: tokenQuery,
        response: {
          200: z.any().describe('Extended M3U (audio/x-mpegurl)'),
          304: z.null().describe('Not modified (If-None-Match matched the ETag)'),
          401: errorSchema,
          404: errorSchema,
          406: errorSchema,
          502: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const m = /^([a-z0-9-]{1,40})\.m3u8?$/.exec(request.params.file);
      if (!m) throw new NotFoundError(`no playlist at ${request.params.file}`);
      const slug = m[1]!;
      const provider = await providerFor(opts.provider, slug, request.query.token);
      reply.header('vary', 'accept-encoding');
      contentCoding(request, ['identity']);
      const base = guideOrigin(request, opts);
      const guide = await opts.guides.getGuide(slug, base);
      // From the current generation, or from the last good guide's stored copy while the host is down.
      const { playlist } = guide;
      if (!playlist)
        throw new UpstreamError(slug, 'connect', 'the provider playlist is unavailable right now');

      const token = request.query.token ? `?token=${encodeURIComponent(request.query.token)}` : '';
      const guideUrl = `${base}/epg/${slug}.xml${token}`;
      const headerLine = writeM3uHeader({
        attrs: { ...playlist.header.attrs, 'url-tvg': guideUrl, 'x-tvg-url': guideUrl },
      });
      const etag = await playlistEtag(playlist, headerLine);
      reply.header('etag', etag);
      reply.header('cache-control', cacheControl(provider, opts.cacheSeconds));
      if (guide.stale) reply.header('x-epgoat-stale', 'true');
      if (notModified(request.headers['if-none-match'], etag)) return reply.code(304).send(null);

      reply.type('audio/x-mpegurl; charset=utf-8');
      const body = playlist.body();
      return reply.send(
        Readable.from(
          (async function* () {
            yield headerLine;
            yield* body;
          })(),
        ),
      );
    },
  );
};
