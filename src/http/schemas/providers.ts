import { z } from 'zod';
import { adminRegexProblem } from '../../domain/admin-regex.js';
import { isValidTimeZone } from '../../domain/time.js';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'must be 1-40 characters of a-z, 0-9 and -')
  .describe('URL-safe provider id, e.g. `acme`');

export const vodRuleSchema = z.object({
  field: z.enum(['url', 'group', 'name']),
  pattern: z
    .string()
    .min(1)
    .max(500)
    .superRefine((pattern, ctx) => {
      // Run on every entry of every playlist, on the linear-time engine: what it cannot run is refused at save.
      const problem = adminRegexProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  vod: z.boolean(),
});

export const providerSettingsSchema = z
  .object({
    sportEmoji: z.boolean().optional().describe('Prefix programme titles with a sport emoji'),
    includeLive: z
      .boolean()
      .optional()
      .describe('Emit the non-DTD <live/> element on live blocks (some players read it)'),
    vodRules: z.array(vodRuleSchema).max(100).optional().describe('Extra VOD rules, checked before defaults'),
  })
  .strict();

export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

/** Body schemas depend on where `file:` playlists may live. */
export function providerBodySchemas(isAllowedPlaylistUrl: (url: string) => boolean) {
  const playlistUrl = z
    .string()
    .min(1)
    .max(2000)
    .refine(isAllowedPlaylistUrl, 'must be an http(s) URL, or a file: URL inside PLAYLIST_DIR')
    .describe('http(s) URL of the M3U playlist, or file: URL inside PLAYLIST_DIR');
  const timezone = z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
    .describe('IANA zone in which the provider writes times');
  const accessToken = z
    .string()
    .min(8)
    .max(200)
    .nullable()
    .describe('When set, guide and playlist URLs need ?token=');
  const create = z
    .object({
      slug: slugSchema,
      name: z.string().min(1).max(200),
      playlistUrl,
      timezone,
      enabled: z.boolean().default(true),
      accessToken: accessToken.optional(),
      settings: providerSettingsSchema.optional(),
    })
    .strict();
  const update = z
    .object({
      name: z.string().min(1).max(200).optional(),
      playlistUrl: playlistUrl.optional(),
      timezone: timezone.optional(),
      enabled: z.boolean().optional(),
      accessToken: accessToken.optional(),
      settings: providerSettingsSchema.optional(),
    })
    .strict();
  return { create, update };
}

export const providerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  playlistUrl: z.string(),
  timezone: z.string(),
  enabled: z.boolean(),
  hasAccessToken: z.boolean(),
  settings: providerSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ProviderView = z.infer<typeof providerSchema>;

export const errorSchema = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  requestId: z.string(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
