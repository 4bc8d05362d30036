import { z } from 'zod';

export const externalIdsSchema = z.object({
  espn: z.string().optional(),
  thesportsdb: z.string().optional(),
});

export const reportEventSchema = z.object({
  id: z.string(),
  title: z.string(),
  league: z.string(),
  startsAt: z.string(),
  status: z.enum(['pre', 'in', 'post']).nullable(),
  externalIds: externalIdsSchema,
});

export const matchReportSchema = z.object({
  provider: z.string(),
  generatedAt: z.string(),
  stale: z.boolean().describe('True when this report belongs to the last good guide kept in Postgres'),
  playlist: z
    .object({
      entries: z.number().describe('Entries read, VOD included'),
      live: z.number(),
      vod: z.number(),
      skipped: z.number().describe('Malformed entries and lines skipped'),
      problems: z
        .array(z.object({ line: z.number(), reason: z.string() }))
        .describe('The first 20 skipped lines, with their line number and why'),
      withoutUrl: z.number().describe('Entries kept although no URL line followed their #EXTINF'),
      reused: z
        .boolean()
        .describe('True when the provider answered "not modified" and the last read was reused'),
    })
    .optional()
    .describe('What reading the playlist found; absent from reports stored before it was recorded'),
  channels: z.array(
    z.object({
      channelId: z.string().nullable(),
      name: z.string(),
      status: z.enum(['matched', 'unmatched', 'placeholder', 'not-event']),
      parsed: z.object({
        kind: z.enum(['event', 'placeholder', 'other']),
        family: z.string().nullable(),
        slot: z.number().nullable(),
        teams: z.array(z.string()),
        title: z.string().nullable(),
        time: z.string().nullable(),
        timeZone: z.string().nullable(),
        date: z.string().nullable(),
        startsAt: z.string().nullable(),
      }),
      event: reportEventSchema.optional(),
      handler: z.string().optional(),
      confidence: z.number().optional(),
      why: z.string().optional(),
    }),
  ),
});
