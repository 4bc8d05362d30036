import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { LeagueConfig } from '../config/leagues.js';
import { findLeague, leaguesForFamily, type FamilyLeagueMapping } from '../domain/family-leagues.js';
import { compileFamilies, parseChannelName } from '../domain/channel-name/index.js';
import { channelIdFor, uniqueChannelIds, writeXmltv } from '../domain/xmltv/index.js';
import { type GuideChannel, createScheduler, type SportsConfig } from '../domain/schedule/index.js';
import type { ChannelFamily, ParsedChannel, PlaylistEntry, SportEvent } from '../domain/types.js';
import type { VodRule } from '../domain/m3u/index.js';
import type { PlaylistReader, ReadPlaylist } from './playlist-reader.js';

export interface GuideProvider {
  id: number;
  slug: string;
  name: string;
  playlistUrl: string;
  timezone: string;
  settings: { sportEmoji?: boolean; includeLive?: boolean; vodRules?: VodRule[] };
}

/** One event or placeholder channel on its way into the guide. */
export interface UnderstoodChannel {
  entry: PlaylistEntry;
  parsed: ParsedChannel;
  channelId: string;
  /** League keys the family points at; null when the family is unmapped, [] when it means any league. */
  leagues: string[] | null;
}

export interface MatchOutcome {
  status: 'matched' | 'unmatched';
  event?: SportEvent;
  handler?: string;
  confidence?: number;
  why: string;
}

/** The enrichment chain, seen from the guide: one outcome per event channel, in order. */
export interface ChannelMatcher {
  matchChannels(
    provider: GuideProvider,
    channels: readonly UnderstoodChannel[],
    now: Date,
  ): Promise<MatchOutcome[]>;
}

export interface ReportChannel {
  channelId: string | null;
  name: string;
  status: 'matched' | 'unmatched' | 'placeholder' | 'not-event';
  parsed: {
    kind: ParsedChannel['kind'];
    family: string | null;
    slot: number | null;
    teams: string[];
    title: string | null;
    time: string | null;
    timeZone: string | null;
    date: string | null;
    startsAt: string | null;
  };
  event?: {
    id: string;
    title: string;
    league: string;
    startsAt: string;
    status: SportEvent['status'];
    externalIds: SportEvent['externalIds'];
  };
  handler?: string;
  confidence?: number;
  why?: string;
}

/** What reading the playlist found: the counts an admin checks when channels go missing. */
export interface PlaylistSummary {
  /** Entries read, VOD included (whether or not it was built). */
  entries: number;
  live: number;
  vod: number;
  /** Malformed entries and lines skipped; the first few with their line and reason. */
  skipped: number;
  problems: { line: number; reason: string }[];
  /** Entries whose `#EXTINF` had no URL line after it. */
  withoutUrl: number;
  /** True when the provider answered "not modified" and the previous read was reused. */
  reused: boolean;
}

export interface MatchReport {
  provider: string;
  generatedAt: string;
  /** Absent from reports kept by versions that did not record it. */
  playlist?: PlaylistSummary;
  channels: ReportChannel[];
}

function summarizePlaylist(p: ReadPlaylist): PlaylistSummary {
  return {
    entries: p.stats.entries + (p.stats.dropped ?? 0),
    live: p.live.length,
    vod: p.vod,
    skipped: p.stats.skipped,
    problems: p.stats.problems,
    withoutUrl: p.stats.withoutUrl ?? 0,
    reused: p.reused,
  };
}

export interface GeneratedGuide {
  etag: string;
  xmlGzip: Buffer;
  xmlBytes: number;
  report: MatchReport;
  playlist: ReadPlaylist;
  /** Live entry index -> guide channel id, for the rewritten playlist. */
  channelIds: Map<PlaylistEntry, string>;
  generatedAt: Date;
}

export interface GuideGeneratorDeps {
  reader: PlaylistReader;
  defaultFamilies: ChannelFamily[];
  /** The family mappings of a provider: its own over the universal ones. */
  familyMappings: (providerId: number) => Promise<FamilyLeagueMapping[]>;
  leagues: LeagueConfig[];
  sports: SportsConfig;
  providerPatterns: (providerId: number) => Promise<ChannelFamily[]>;
  matcher?: ChannelMatcher;
  now: () => Date;
  logger?: { error(obj: object, msg: string): void };
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

/** fetch -> parse -> classify -> understand -> match -> schedule -> XMLTV (gzip), with the match report. */
export function createGuideGenerator(deps: GuideGeneratorDeps) {
  const leagueOf = (keys: string[] | null) =>
    keys?.length === 1 ? findLeague(deps.leagues, keys[0]!) : undefined;

  async function generate(provider: GuideProvider): Promise<GeneratedGuide> {
    const now = deps.now();
    const playlist = await deps.reader.read(provider, provider.settings.vodRules ?? []);
    const families = compileFamilies(await deps.providerPatterns(provider.id), deps.defaultFamilies);
    const mappings = await deps.familyMappings(provider.id);
    const ctx = { now, timeZone: provider.timezone, families };

    const parsedAll = playlist.live.map((entry) => parseChannelName(entry.name, ctx));
    const guideIdx = parsedAll.flatMap((p, i) => (p.kind === 'other' ? [] : [i]));
    const ids = uniqueChannelIds(
      guideIdx.map((i) => channelIdFor(parsedAll[i]!, playlist.live[i]!, provider.slug)),
    );
    const channels: UnderstoodChannel[] = guideIdx.map((i, k) => {
      const parsed = parsedAll[i]!;
      return {
        entry: playlist.live[i]!,
        parsed,
        channelId: ids[k]!,
        leagues: parsed.family ? leaguesForFamily(mappings, parsed.family) : null,
      };
    });

    const events = channels.filter((c) => c.parsed.kind === 'event');
    let outcomes: MatchOutcome[] = [];
    try {
      if (deps.matcher) outcomes = await deps.matcher.matchChannels(provider, events, now);
    } catch (err) {
      // Matching degrades the guide to name-built programmes; it never takes the guide down.
      deps.logger?.error({ err, provider: provider.slug }, 'matching failed');
      const why = `matching failed: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`;
      outcomes = events.map(() => ({ status: 'unmatched', why }));
    }
    const outcomeOf = new Map(events.map((c, i) => [c, outcomes[i]]));

    const scheduler = createScheduler({
      now,
      timeZone: provider.timezone,
      sports: deps.sports,
      emoji: provider.settings.sportEmoji ?? false,
    });
    const guideChannels: GuideChannel[] = channels.map((c) => {
      const outcome = outcomeOf.get(c);
      const event = outcome?.status === 'matched' ? (outcome.event ?? null) : null;
      const league = event ? findLeague(deps.leagues, event.league) : leagueOf(c.leagues);
      return {
        id: c.channelId,
        displayName: c.entry.name,
        icon: c.entry.logo || null,
        parsed: c.parsed,
        sport: event?.sport ?? league?.sport ?? null,
        league: league?.key ?? event?.league ?? null,
        event,
        ...(league && { durationMinutes: league.durationMinutes }),
      };
    });

    const hash = createHash('sha1');
    const gz: Buffer[] = [];
    let xmlBytes = 0;
    const xml = writeXmltv({
      channels: guideChannels.map((g) => ({ id: g.id, displayName: g.displayName, icon: g.icon })),
      programmes: (function* () {
        for (const g of guideChannels) yield* scheduler.buildChannel(g);
      })(),
      timeZone: provider.timezone,
      generatorName: 'epgoat',
      sourceInfoName: provider.name,
      includeLive: provider.settings.includeLive ?? false,
    });
    // Each chunk is encoded once, here. The ETag hashes the compressed bytes: the same XML always
    // compresses to the same bytes, and they are a fortieth of its size.
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

    const channelIds = new Map(channels.map((c) => [c.entry, c.channelId]));
    const idOf = new Map(guideIdx.map((i, k) => [i, ids[k]!]));
    const channelAt = new Map(guideIdx.map((i, k) => [i, channels[k]!]));
    const report: MatchReport = {
      provider: provider.slug,
      generatedAt: now.toISOString(),
      playlist: summarizePlaylist(playlist),
      channels: playlist.live.map((entry, i) => {
        const parsed = parsedAll[i]!;
        const channelId = idOf.get(i) ?? null;
        if (parsed.kind === 'other')
          return { channelId, name: entry.name, status: 'not-event', parsed: reportParsed(parsed) };
        if (parsed.kind === 'placeholder')
          return { channelId, name: entry.name, status: 'placeholder', parsed: reportParsed(parsed) };
        const outcome = outcomeOf.get(channelAt.get(i)!);
        if (outcome?.status === 'matched' && outcome.event) {
          return {
            channelId,
            name: entry.name,
            status: 'matched',
            parsed: reportParsed(parsed),
            event: reportEvent(outcome.event),
            handler: outcome.handler ?? 'unknown',
            confidence: outcome.confidence ?? 0,
            why: outcome.why,
          };
        }
        return {
          channelId,
          name: entry.name,
          status: 'unmatched',
          parsed: reportParsed(parsed),
          why: outcome?.why ?? 'matching is not available',
        };
      }),
    };

    return {
      etag: `"${hash.digest('hex').slice(0, 32)}"`,
      xmlGzip: Buffer.concat(gz),
      xmlBytes,
      report,
      playlist,
      channelIds,
      generatedAt: now,
    };
  }

  return { generate };
}

export type GuideGenerator = ReturnType<typeof createGuideGenerator>;
