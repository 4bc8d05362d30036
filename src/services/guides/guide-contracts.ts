// What guide generation takes and gives: the provider it works for, the channels on their way through the
// stages, and the match report. The report's Zod schema is the one description of its shape: the HTTP route
// serves it, the guide store keeps it, and its TypeScript type is inferred from it.
import { z } from 'zod';
import type { FamilyLeagues } from '../../domain/family-leagues.js';
import type { VodRule } from '../../domain/m3u/index.js';
import type { ParsedChannel, PlaylistEntry, SportEvent } from '../../domain/types.js';
import type { ReadPlaylist } from './playlist-reader.js';

export interface GuideProvider {
  id: number;
  slug: string;
  name: string;
  playlistUrl: string;
  timezone: string;
  settings: { sportEmoji?: boolean; includeLive?: boolean; vodRules?: VodRule[] };
  /** Origin players reach this service at: matched events' programmes point their icon at its /art route. */
  artBase?: string;
}

/** A live entry of the playlist as its name reads; `channelId` is null for what is not an event or placeholder. */
export interface LineupChannel {
  entry: PlaylistEntry;
  parsed: ParsedChannel;
  channelId: string | null;
}

/** An admin's word on one channel: pinned to an event, or carrying no event. */
export interface ChannelOverride {
  channelId: string;
  /** The stored event the channel is pinned to; null when it is marked as carrying no event. */
  eventId: number | null;
}

/** One event or placeholder channel on its way into the guide. */
export interface UnderstoodChannel extends LineupChannel {
  channelId: string;
  /** The leagues the family carries and where that comes from; null when the family is unmapped. */
  leagues: FamilyLeagues | null;
  /** An admin's override of this channel, if any. */
  override?: ChannelOverride;
}

export interface MatchOutcome {
  status: 'matched' | 'unmatched';
  event?: SportEvent;
  handler?: string;
  confidence?: number;
  why: string;
}

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
  part: z
    .object({
      kind: z.enum(['round', 'match', 'session', 'segment']),
      label: z.string(),
      parentTitle: z.string(),
    })
    .optional()
    .describe('The part of a larger event matched: a round, a match, a session or a card segment'),
});

export const playlistSummarySchema = z.object({
  entries: z.number().describe('Entries read, VOD included'),
  live: z.number(),
  vod: z.number(),
  skipped: z.number().describe('Malformed entries and lines skipped'),
  problems: z
    .array(z.object({ line: z.number(), reason: z.string() }))
    .describe('The first 20 skipped lines, with their line number and why'),
  withoutUrl: z.number().describe('Entries kept although no URL line followed their #EXTINF'),
  reused: z.boolean().describe('True when the provider answered "not modified" and the last read was reused'),
});

export const channelPartSchema = z
  .object({
    kind: z.enum(['round', 'session', 'segment']),
    label: z
      .string()
      .describe('Round 4, Final Round, Quarterfinal, Practice 1, Qualifying, Sprint, Race, Main Card...'),
  })
  .describe(
    "The part of a larger event the name says it carries: a golf or tennis round, a race weekend's session, a fight card's segment",
  );

export const reportChannelSchema = z.object({
  channelId: z.string().nullable(),
  name: z.string(),
  status: z.enum(['matched', 'unmatched', 'placeholder', 'not-event']),
  parsed: z.object({
    kind: z.enum(['event', 'placeholder', 'other']),
    family: z.string().nullable(),
    slot: z.number().nullable(),
    teams: z.array(z.string()),
    title: z.string().nullable(),
    part: channelPartSchema
      .nullable()
      .optional()
      .describe('Null when the name names none; absent from reports stored before it was read'),
    time: z.string().nullable(),
    timeZone: z.string().nullable(),
    date: z.string().nullable(),
    startsAt: z.string().nullable(),
  }),
  event: reportEventSchema.optional(),
  handler: z.string().optional(),
  confidence: z.number().optional(),
  why: z.string().optional(),
});

export const familyReportSchema = z.object({
  family: z.string(),
  recognisedBy: z
    .enum(['provider', 'config', 'discovered', 'generic'])
    .describe(
      'A provider pattern, a configured family, the lineup itself (shared prefix, several slots), or the generic slot rule',
    ),
  slots: z.number().describe('Distinct slot numbers in the lineup'),
  channels: z.number().describe('Guide channels of the family'),
  events: z.number().describe('Channels carrying an event (not empty slots)'),
  matched: z.number(),
  example: z.string(),
  leagues: z.array(z.string()).describe('Leagues the family carries; empty when unknown or any'),
  leagueSource: z
    .enum(['config', 'provider', 'learned', 'hint'])
    .nullable()
    .describe(
      "Where the leagues come from: checked-in config, the provider's own mapping, learned from the slots' matches, or hinted by the family's name or group",
    ),
});

export const llmSummarySchema = z.object({
  enabled: z
    .boolean()
    .describe('False without ANTHROPIC_API_KEY: stored decisions still apply, nothing is asked'),
  model: z.string().nullable(),
  asked: z.number().describe('Channels put to the model in this generation'),
  reused: z.number().describe('Channels answered from decisions stored earlier (any provider, any restart)'),
  calls: z.number(),
  failedCalls: z.number(),
  usd: z.number().describe('Dollars this generation spent'),
  note: z.string().nullable().describe('Why the step is off or stopped (no key, budget spent)'),
});

export const matchReportSchema = z.object({
  provider: z.string(),
  generatedAt: z.string(),
  playlist: playlistSummarySchema
    .optional()
    .describe('What reading the playlist found; absent from reports stored before it was recorded'),
  families: z
    .array(familyReportSchema)
    .optional()
    .describe('Each family found and what it carries; absent from reports stored before it was recorded'),
  llm: llmSummarySchema
    .nullable()
    .optional()
    .describe('What the LLM step did; null when no channel reached it, absent from reports stored before'),
  channels: z.array(reportChannelSchema),
});

export type PlaylistSummary = z.infer<typeof playlistSummarySchema>;
export type ReportChannel = z.infer<typeof reportChannelSchema>;
export type FamilyReport = z.infer<typeof familyReportSchema>;
export type MatchReport = z.infer<typeof matchReportSchema>;

/** Milliseconds each stage of one generation took. */
export interface StageTimes {
  read: number;
  understand: number;
  match: number;
  /** Each channel's league, sport and event. */
  schedule: number;
  /** Programmes built while they are written, XMLTV, gzip and ETag. */
  write: number;
  report: number;
}

export interface GeneratedGuide {
  etag: string;
  xmlGzip: Buffer;
  xmlBytes: number;
  report: MatchReport;
  playlist: ReadPlaylist;
  /** Live entry -> guide channel id, for the rewritten playlist. */
  channelIds: Map<PlaylistEntry, string>;
  generatedAt: Date;
  timings: StageTimes;
  /**
   * Stores what matching learned (matches, misses, lessons): called once the guide is answered. Settles once
   * they are stored, or rejects with what failed; later calls return the same promise.
   */
  store: () => Promise<void>;
}
