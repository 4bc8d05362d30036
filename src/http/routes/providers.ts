import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listGuideTimes } from '../../db/guides.js';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ProviderRow } from '../../db/providers.js';
import { insertProvider, listProviders, softDeleteProvider, updateProvider } from '../../db/providers.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { ProviderView } from '../schemas/providers.js';
import { providerParams, requireProvider } from './provider-param.js';
import {
  errorSchema,
  providerBodySchemas,
  providerSchema,
  providerSettingsSchema,
} from '../schemas/providers.js';

export interface ProviderRoutesOptions {
  db: Kysely<DB>;
  isAllowedPlaylistUrl: (url: string) => boolean;
  /** Drops what was built from a provider after it changes, so its next guide shows the change. */
  invalidate: (slug: string) => void;
}

export function toProviderView(row: ProviderRow): ProviderView {
  const settings = providerSettingsSchema.safeParse(row.settings);
  return {
    slug: row.slug,
    name: row.name,
    playlistUrl: row.playlist_url,
    timezone: row.timezone,
    enabled: row.enabled,
    hasAccessToken: row.access_token !== null,
    settings: settings.success ? settings.data : {},
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const providerRoutes: FastifyPluginAsyncZod<ProviderRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const bodies = providerBodySchemas(opts.isAllowedPlaylistUrl);
  const changed = opts.invalidate;

  app.get(
    '/api/providers',
    {
      schema: {
        tags: ['providers'],
        summary: 'List providers',
        response: {
          200: z.object({
            providers: z.array(
              providerSchema.extend({
                lastGeneratedAt: z.string().nullable().describe('When its last good guide was made'),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const times = await listGuideTimes(db);
      return {
        providers: (await listProviders(db)).map((row) => ({
          ...toProviderView(row),
          lastGeneratedAt: times.get(row.id)?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/providers',
    {
      schema: {
        tags: ['providers'],
        summary: 'Register a provider',
        body: bodies.create.meta({
          examples: [
            {
              slug: 'acme',
              name: 'Acme IPTV',
              playlistUrl: 'http://provider.example/get.php?username=u&password=p&type=m3u_plus',
              timezone: 'America/New_York',
            },
          ],
        }),
        response: { 201: providerSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const row = await insertProvider(db, {
        slug: b.slug,
        name: b.name,
        playlist_url: b.playlistUrl,
        timezone: b.timezone,
        enabled: b.enabled,
        access_token: b.accessToken ?? null,
        settings: JSON.stringify(b.settings ?? {}),
      });
      if (!row) throw new ConflictError(`provider '${b.slug}' already exists`);
      changed(b.slug);
      return reply.code(201).send(toProviderView(row));
    },
  );

  app.get(
    '/api/providers/:slug',
    {
      schema: {
        tags: ['providers'],
        summary: 'One provider',
        params: providerParams,
        response: { 200: providerSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const row = await requireProvider(db, request.params.slug);
      return toProviderView(row);
    },
  );

  app.patch(
    '/api/providers/:slug',
    {
      schema: {
        tags: ['providers'],
        summary: 'Change a provider',
        params: providerParams,
        body: bodies.update.meta({ examples: [{ name: 'Acme IPTV', settings: { sportEmoji: true } }] }),
        response: { 200: providerSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const b = request.body;
      const row = await updateProvider(db, request.params.slug, {
        ...(b.name !== undefined && { name: b.name }),
        ...(b.playlistUrl !== undefined && { playlist_url: b.playlistUrl }),
        ...(b.timezone !== undefined && { timezone: b.timezone }),
        ...(b.enabled !== undefined && { enabled: b.enabled }),
        ...(b.accessToken !== undefined && { access_token: b.accessToken }),
        ...(b.settings !== undefined && { settings: JSON.stringify(b.settings) }),
      });
      if (!row) throw new NotFoundError(`no provider '${request.params.slug}'`);
      changed(row.slug);
      return toProviderView(row);
    },
  );

  app.delete(
    '/api/providers/:slug',
    {
      schema: {
        tags: ['providers'],
        summary: 'Soft-delete a provider (the row is kept)',
        params: providerParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const ok = await softDeleteProvider(db, request.params.slug);
      if (!ok) throw new NotFoundError(`no provider '${request.params.slug}'`);
      changed(request.params.slug);
      return reply.code(204).send(null);
    },
  );
};
