// The stages of one guide generation after the playlist is read, each a function from typed input to typed
// output: understand the lineup, match its event channels, give each guide channel its league and event, write
// the XMLTV (gzip and ETag), and report.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { LeagueConfig } from '../config/leagues.js';
import {
  discoverFamilies,
  likelyOccurrence,
  parseChannelName,
  recogniseListed,
  withDiscovered,
  type CompiledFamilies,
  type DiscoveredFamily,
} from '../domain/channel-name/index.js';
import { familyLeaguesOf, findLeague, type FamilyLeagueMapping } from '../domain/family-leagues.js';
import type { GuideChannel, Scheduler } from '../domain/schedule/index.js';
import type { ParsedChannel, PlaylistEntry, SportEvent } from '../domain/types.js';
import { channelIdFor, uniqueChannelIds, writeXmltv } from '../domain/xmltv/index.js';
import type {
  GuideProvider,
  LineupChannel,
  MatchOutcome,
  MatchReport,
  ReportChannel,
  UnderstoodChannel,
} from './guide-contracts.js';
import type { ReadPlaylist } from './playlist-reader.js';

export interface Lineup {
  /** Every live entry, in playlist order. */
  all: LineupChannel[];
  /** The event and placeholder channels among them (the same objects), which make the guide. */
  channels: UnderstoodChannel[];
  /** Families the lineup revealed beyond the listed ones. */
  discovered: DiscoveredFamily[];
}

/**
 * Finds the families the lineup reveals, reads every live entry's name, and gives each event or placeholder
 * channel its guide id and leagues.
 */
export function understandLineup(
  live: readonly PlaylistEntry[],
  ctx: {
    provider: GuideProvider;
    now: Date;
    /** The provider's patterns and the configured families. */
    families: CompiledFamilies;
    mappings: readonly FamilyLeagueMapping[];
  },
): Lineup {
  const discovered = discoverFamilies(
    live.map((e) => e.name),
    (name) => recogniseListed(name, ctx.families) !== null,
  );
  const families = withDiscovered(ctx.families, discovered);
  const nameContext = { now: ctx.now, timeZone: ctx.provider.timezone, families };
  const read = live.map((entry) => ({ entry, parsed: parseChannelName(entry.name, nameContext) }));
  const inGuide = read.filter((r) => r.parsed.kind !== 'other');
  const ids = uniqueChannelIds(inGuide.map((r) => channelIdFor(r.parsed, r.entry, ctx.provider.slug)));
  const channels = inGuide.map((r, i): UnderstoodChannel => ({
    ...r,
    channelId: ids[i] ?? '',
    leagues: r.parsed.family ? familyLeaguesOf(ctx.mappings, r.parsed.family) : null,
  }));
  const byEntry = new Map(channels.map((c) => [c.entry, c]));
  return { all: read.map((r) => byEntry.get(r.entry) ?? { ...r, channelId: null }), channels, discovered };
}

export type Outcomes = ReadonlyMap<UnderstoodChannel, MatchOutcome>;

/**
 * Each guide channel's league, sport and event: a match decides, else the family's one league. An unmatched time
 * without a date is placed by the league's length: on the day it started while it may still be on, else the
 * next.
 */
export function guideChannels(
  channels: readonly UnderstoodChannel[],
  outcomes: Outcomes,
  leagues: readonly LeagueConfig[],
  now: Date,
): GuideChannel[] {
  return channels.map((c) => {
    const outcome = outcomes.get(c);
    const event = outcome?.status === 'matched' ? (outcome.event ?? null) : null;
    const mapped = c.leagues?.leagues.length === 1 ? c.leagues.leagues[0] : undefined;
    const league = findLeague(leagues, event?.league ?? mapped ?? '');
    const { parsed } = c;
    const placed =
      !event && parsed.timeOnly && parsed.time && parsed.timeZone
        ? {
            ...parsed,
            startsAt: likelyOccurrence(parsed.time, parsed.timeZone, now, league?.durationMinutes),
          }
        : parsed;
    return {
      id: c.channelId,
      displayName: c.entry.name,
      icon: c.entry.logo || null,
      parsed: placed,
      sport: event?.sport ?? league?.sport ?? null,
      league: league?.key ?? event?.league ?? null,
      event,
      ...(league && { durationMinutes: league.durationMinutes }),
    };
  });
}

export interface WrittenGuide {
  etag: string;
  xmlGzip: Buffer;
  xmlBytes: number;
}

/** The XMLTV document, programmes built channel by channel as it is written, gzipped; the ETag hashes the gzip. */
export async function writeGuide(
  channels: readonly GuideChannel[],
  scheduler: Scheduler,
  provider: GuideProvider,
): Promise<WrittenGuide> {
  const xml = writeXmltv({
    channels: channels.map((g) => ({ id: g.id, displayName: g.displayName, icon: g.icon })),
    programmes: (function* () {
      for (const g of channels) yield* scheduler.buildChannel(g);
    })(),
    timeZone: provider.timezone,
    generatorName: 'epgoat',
    sourceInfoName: provider.name,
    includeLive: provider.settings.includeLive ?? false,
  });
  const hash = createHash('sha1');
  const gz: Buffer[] = [];
  let xmlBytes = 0;
  // Each chunk is encoded once, here. The ETag hashes the compressed bytes: the same XML always compresses
  // to the same bytes, and they are a fortieth of its size.
  await pipeline(
    Readable.from(
      (function* () {
        for (const chunk of xml) {
          const bytes = Buffer.from(chunk, 'utf8');
          xmlBytes += bytes.length;
          yield bytes;
        }
      })(),
    ),
    createGzip(),
    async (compressed: AsyncIterable<Buffer>) => {
      for await (const b of compressed) {
        hash.update(b);
        gz.push(b);
      }
    },
  );
  return { etag: `"${hash.digest('hex').slice(0, 32)}"`, xmlGzip: Buffer.concat(gz), xmlBytes };
}

function reportParsed(p: ParsedChannel): ReportChannel['parsed'] {
  return {
    kind: p.kind,
    family: p.family,
    slot: p.slot,
    teams: p.teams,
    title: p.title,
    time: p.time,
    timeZone: p.timeZone,
    date: p.date,
    startsAt: p.startsAt?.toISOString() ?? null,
  };
}

function reportEvent(e: SportEvent): NonNullable<ReportChannel['event']> {
  return {
    id: e.id,
    title: e.title,
    league: e.league,
    startsAt: e.startsAt.toISOString(),
    status: e.status,
    externalIds: e.externalIds,
  };
}

function reportChannel(c: LineupChannel, outcome: MatchOutcome | undefined): ReportChannel {
  const row = { channelId: c.channelId, name: c.entry.name, parsed: reportParsed(c.parsed) };
  if (c.parsed.kind === 'other') return { ...row, status: 'not-event' };
  if (c.parsed.kind === 'placeholder') return { ...row, status: 'placeholder' };
  if (outcome?.status === 'matched' && outcome.event) {
    return {
      ...row,
      status: 'matched',
      event: reportEvent(outcome.event),
      handler: outcome.handler ?? 'unknown',
      confidence: outcome.confidence ?? 0,
      why: outcome.why,
    };
  }
  return { ...row, status: 'unmatched', why: outcome?.why ?? 'matching is not available' };
}

/** One row per live channel, and what reading the playlist found. */
export function reportOf(
  provider: GuideProvider,
  now: Date,
  playlist: ReadPlaylist,
  lineup: Lineup,
  outcomes: Outcomes,
): MatchReport {
  const outcomeOf = outcomes as ReadonlyMap<LineupChannel, MatchOutcome>;
  return {
    provider: provider.slug,
    generatedAt: now.toISOString(),
    playlist: {
      entries: playlist.stats.entries + (playlist.stats.dropped ?? 0),
      live: playlist.live.length,
      vod: playlist.vod,
      skipped: playlist.stats.skipped,
      problems: playlist.stats.problems,
      withoutUrl: playlist.stats.withoutUrl ?? 0,
      reused: playlist.reused,
    },
    channels: lineup.all.map((c) => reportChannel(c, outcomeOf.get(c))),
  };
}
