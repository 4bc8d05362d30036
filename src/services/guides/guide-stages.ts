// The stages of one guide generation after the playlist is read, each a function from typed input to typed
// output: understand the lineup, give each guide channel its league and event once matched, and write the XMLTV
// (gzip and ETag). The report is guide-report.ts.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { LeagueConfig } from '../../config/leagues.js';
import {
  discoverFamilies,
  likelyOccurrence,
  parsePrepared,
  prepareName,
  withDiscovered,
  type CompiledFamilies,
  type DiscoveredFamily,
} from '../../domain/channel-name/index.js';
import {
  familyLeaguesLookup,
  findLeague,
  restricts,
  type FamilyLeagueMapping,
  type FamilyLeagues,
} from '../../domain/family-leagues.js';
import type { LeagueLexicon } from '../../domain/league-names.js';
import type { GuideChannel, Scheduler } from '../../domain/schedule/index.js';
import type { ParsedChannel, PlaylistEntry } from '../../domain/types.js';
import { channelIdFor, uniqueChannelIds, writeXmltv } from '../../domain/xmltv/index.js';
import type {
  ChannelOverride,
  GuideProvider,
  LineupChannel,
  MatchOutcome,
  UnderstoodChannel,
} from './guide-contracts.js';

export interface Lineup {
  /** Every live entry, in playlist order. */
  all: LineupChannel[];
  /** The event and placeholder channels among them (the same objects), which make the guide. */
  channels: UnderstoodChannel[];
  /** Families the lineup revealed beyond the listed ones. */
  discovered: DiscoveredFamily[];
}

/**
 * Applies an admin's overrides to the understood channels: a channel marked as carrying no event becomes an empty
 * slot (placeholder), a pinned one carries its pin to matching.
 */
export function applyOverrides(lineup: Lineup, overrides: readonly ChannelOverride[]): void {
  if (overrides.length === 0) return;
  const byId = new Map(overrides.map((o) => [o.channelId, o]));
  for (const c of lineup.channels) {
    const o = byId.get(c.channelId);
    if (!o) continue;
    c.override = o;
    if (o.eventId === null) c.parsed = { ...c.parsed, kind: 'placeholder' };
  }
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
    lexicon: LeagueLexicon;
  },
): Lineup {
  const prepared = live.map((entry) => prepareName(entry.name, ctx.families));
  const discovered = discoverFamilies(prepared.filter((p) => p.listed === null));
  const families = withDiscovered(ctx.families, discovered);
  const nameContext = { now: ctx.now, timeZone: ctx.provider.timezone, families };
  const read = live.map((entry, i) => ({
    entry,
    parsed: parsePrepared(prepared[i] ?? prepareName(entry.name, families), nameContext),
  }));
  const inGuide = read.filter((r) => r.parsed.kind !== 'other');
  // Family labels and group titles repeat across a lineup: each is looked up once.
  const leaguesNamed = new Map<string, readonly string[]>();
  const named = (text: string) => {
    let found = leaguesNamed.get(text);
    if (!found) leaguesNamed.set(text, (found = ctx.lexicon.within(text)));
    return found;
  };
  const mapped = familyLeaguesLookup(ctx.mappings);
  const ids = uniqueChannelIds(inGuide.map((r) => channelIdFor(r.parsed, r.entry, ctx.provider.slug)));
  const channels = inGuide.map((r, i): UnderstoodChannel => ({
    ...r,
    channelId: ids[i] ?? '',
    leagues: leaguesOf(r.parsed, r.entry, mapped, named),
  }));
  const byEntry = new Map(channels.map((c) => [c.entry, c]));
  return { all: read.map((r) => byEntry.get(r.entry) ?? { ...r, channelId: null }), channels, discovered };
}

/**
 * The leagues a channel's family carries: a config or admin mapping decides; otherwise what was learned, and
 * what the family's own name and the channel's group title name (`Premier League 4`, `UK| PREMIER LEAGUE`).
 */
function leaguesOf(
  parsed: ParsedChannel,
  entry: PlaylistEntry,
  mappedTo: (family: string) => FamilyLeagues | null,
  named: (text: string) => readonly string[],
): FamilyLeagues | null {
  const mapped = parsed.family ? mappedTo(parsed.family) : null;
  if (mapped && restricts(mapped.source) && mapped.leagues.length > 0) return mapped;
  const hinted = [...(parsed.family ? named(parsed.family) : []), ...named(entry.group)];
  const leagues = [...new Set([...(mapped?.leagues ?? []), ...hinted])];
  if (leagues.length === 0) return mapped;
  return { leagues, source: mapped && mapped.leagues.length > 0 ? mapped.source : 'hint' };
}

/**
 * What the channels that carry no known league call their league: family labels and the hints written before
 * the teams that no league's name stands for, each once.
 */
export function unnamedLeagues(channels: readonly UnderstoodChannel[], lexicon: LeagueLexicon): string[] {
  const out = new Set<string>();
  for (const c of channels) {
    if (c.parsed.kind !== 'event') continue;
    const hints = c.parsed.leagueHints.filter((h) => lexicon.exact(h) === null);
    hints.forEach((h) => out.add(h));
    if (c.parsed.family && !(c.leagues && c.leagues.leagues.length > 0) && hints.length === 0)
      out.add(c.parsed.family);
  }
  return [...out];
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

/**
 * The first gzip of a guide favours time (the player waiting for a cold guide waits for it); the guide is then
 * compressed again at BEST_GZIP_LEVEL in the background for every later answer. gzip-levels in `npm run bench`
 * gives each level's time and size: on a 121 MB guide, level 3 takes 0.15 s for 4.2 MB, level 9 0.9 s for
 * 3.2 MB.
 */
export const GZIP_LEVEL = 3;
export const BEST_GZIP_LEVEL = 9;
// Bigger chunks mean fewer trips through zlib's thread pool.
const CHUNK_BYTES = 1 << 20;
/** XML handed to zlib and not yet taken in, at most: more only waits in memory. */
const GZIP_AHEAD = 2 * CHUNK_BYTES;

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
    chunkSize: CHUNK_BYTES,
  });
  const hash = createHash('sha1');
  const gz: Buffer[] = [];
  let xmlBytes = 0;
  // zlib compresses in its thread pool while this thread writes the next chunk; writing pauses while more than
  // GZIP_AHEAD bytes wait for it. The ETag hashes the compressed bytes: the same XML always compresses to the
  // same bytes, and they are a fortieth of its size.
  const gzip = createGzip({ level: GZIP_LEVEL, chunkSize: 64 * 1024 });
  gzip.on('data', (b: Buffer) => {
    hash.update(b);
    gz.push(b);
  });
  const ended = once(gzip, 'end');
  let waiting = 0;
  let caughtUp: (() => void) | null = null;
  for (const bytes of xml) {
    xmlBytes += bytes.length;
    waiting += bytes.length;
    // A write's callback runs once zlib has taken its bytes in.
    gzip.write(bytes, () => {
      waiting -= bytes.length;
      if (caughtUp && waiting <= GZIP_AHEAD / 2) caughtUp();
    });
    if (waiting > GZIP_AHEAD) await new Promise<void>((r) => (caughtUp = r));
    caughtUp = null;
  }
  gzip.end();
  await ended;
  // Weak: the same guide is later served compressed better, as other bytes of the same content.
  return { etag: `W/"${hash.digest('hex').slice(0, 32)}"`, xmlGzip: Buffer.concat(gz), xmlBytes };
}

/** The same XML gzipped again at `level`, in zlib's thread pool: the event loop keeps answering meanwhile. */
export async function gzipAgain(xmlGzip: Buffer, level: number): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from([xmlGzip]),
    createGunzip(),
    createGzip({ level }),
    async (gz: AsyncIterable<Buffer>) => {
      for await (const b of gz) out.push(b);
    },
  );
  return Buffer.concat(out);
}
