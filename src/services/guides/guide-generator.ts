import type { LeagueConfig } from '../../config/leagues.js';
import { compileFamilies } from '../../domain/channel-name/index.js';
import type { FamilyLeagueMapping } from '../../domain/family-leagues.js';
import type { LeagueLexicon } from '../../domain/league-names.js';
import { createScheduler, type SportsConfig } from '../../domain/schedule/index.js';
import type { ChannelFamily } from '../../domain/types.js';
import type {
  ChannelOverride,
  GeneratedGuide,
  GuideProvider,
  MatchOutcome,
  StageTimes,
  UnderstoodChannel,
} from './guide-contracts.js';
import { reportOf } from './guide-report.js';
import {
  applyOverrides,
  guideChannels,
  understandLineup,
  writeGuide,
  type Outcomes,
  unnamedLeagues,
} from './guide-stages.js';
import type { LlmSummary } from '../llm/llm-step.js';
import type { ChainResult, MatchChain } from '../matching/match-chain.js';
import { parsePlaylist, type PlaylistReader, type ReadPlaylist } from './playlist-reader.js';
import { rehearsalPlaylist } from './rehearsal-playlist.js';

export interface GuideGeneratorDeps {
  reader: PlaylistReader;
  defaultFamilies: ChannelFamily[];
  /** The family mappings of a provider: its own over the universal ones. */
  familyMappings: (providerId: number) => Promise<FamilyLeagueMapping[]>;
  /** Every league, the ones found by name included (the list grows as they are found). */
  leagues: readonly LeagueConfig[];
  /** The names of the leagues, for what a family's name or group title says it carries. */
  lexicon: LeagueLexicon;
  sports: SportsConfig;
  providerPatterns: (providerId: number) => Promise<ChannelFamily[]>;
  /** An admin's overrides of a provider's channels (none without it). */
  overrides?: (providerId: number) => Promise<ChannelOverride[]>;
  /** Without it every event channel keeps its name-built programmes. */
  matcher?: Pick<MatchChain, 'matchChannels'>;
  /** Looks up leagues by the names no known league goes by; resolves to the keys of those found. */
  discoverLeagues?: (names: readonly string[]) => Promise<string[]>;
  now: () => Date;
  logger?: { error(obj: object, msg: string): void };
}

/** Times a stage and records it under its name. */
async function timed<T>(times: Partial<StageTimes>, stage: keyof StageTimes, run: () => T | Promise<T>) {
  const started = performance.now();
  try {
    return await run();
  } finally {
    times[stage] = Math.round(performance.now() - started);
  }
}

/** read -> understand -> match -> schedule -> write (XMLTV, gzip, ETag) -> report. */
export function createGuideGenerator(deps: GuideGeneratorDeps) {
  /**
   * The chain's outcome for each event channel, and what its families were learned to carry; a failure degrades
   * the guide, never takes it down.
   */
  async function match(
    matcher: Pick<MatchChain, 'matchChannels'> | undefined,
    provider: GuideProvider,
    channels: readonly UnderstoodChannel[],
    now: Date,
  ): Promise<{
    outcomes: Outcomes;
    learned: ReadonlyMap<string, string[]>;
    llm: LlmSummary | null;
    store: () => Promise<void>;
  }> {
    const events = channels.filter((c) => c.parsed.kind === 'event');
    let result: ChainResult = { outcomes: [], learned: new Map(), llm: null, store: () => Promise.resolve() };
    try {
      if (matcher) result = await matcher.matchChannels(provider, events, now);
    } catch (err) {
      deps.logger?.error({ err, provider: provider.slug }, 'matching failed');
      const why = `matching failed: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`;
      result.outcomes = events.map((): MatchOutcome => ({ status: 'unmatched', why }));
    }
    const { outcomes } = result;
    return {
      outcomes: new Map(events.flatMap((c, i) => (outcomes[i] ? [[c, outcomes[i]] as const] : []))),
      learned: result.learned,
      llm: result.llm,
      store: result.store,
    };
  }

  async function generate(provider: GuideProvider): Promise<GeneratedGuide> {
    const now = deps.now();
    const times: Partial<StageTimes> = {};
    const playlist = await timed(times, 'read', () =>
      deps.reader.read(provider, provider.settings.vodRules ?? []),
    );
    return fromPlaylist(provider, playlist, now, times, {
      patterns: () => deps.providerPatterns(provider.id),
      mappings: () => deps.familyMappings(provider.id),
      overrides: () => deps.overrides?.(provider.id) ?? Promise.resolve([]),
      matcher: deps.matcher,
    });
  }

  /** Every stage after read. */
  async function fromPlaylist(
    provider: GuideProvider,
    playlist: ReadPlaylist,
    now: Date,
    times: Partial<StageTimes>,
    inputs: {
      patterns: () => Promise<ChannelFamily[]>;
      mappings: () => Promise<FamilyLeagueMapping[]>;
      overrides: () => Promise<ChannelOverride[]>;
      matcher: Pick<MatchChain, 'matchChannels'> | undefined;
    },
  ): Promise<GeneratedGuide> {
    const lineup = await timed(times, 'understand', async () => {
      const ctx = {
        provider,
        now,
        families: compileFamilies(await inputs.patterns(), deps.defaultFamilies),
        mappings: await inputs.mappings(),
        lexicon: deps.lexicon,
      };
      let understood = understandLineup(playlist.live, ctx);
      // Names no known league goes by may name one the sources serve: read again with any found.
      const unnamed = unnamedLeagues(understood.channels, deps.lexicon);
      if (deps.discoverLeagues && unnamed.length > 0 && (await deps.discoverLeagues(unnamed)).length > 0)
        understood = understandLineup(playlist.live, ctx);
      applyOverrides(understood, await inputs.overrides());
      return understood;
    });
    const matched = await timed(times, 'match', () => match(inputs.matcher, provider, lineup.channels, now));
    try {
      const channels = await timed(times, 'schedule', () =>
        guideChannels(lineup.channels, matched.outcomes, deps.leagues, now),
      );
      const scheduler = createScheduler({
        now,
        timeZone: provider.timezone,
        sports: deps.sports,
        emoji: provider.settings.sportEmoji ?? false,
        ...(provider.artBase && { eventArt: artUrl(provider.artBase, provider.timezone) }),
      });
      const written = await timed(times, 'write', () => writeGuide(channels, scheduler, provider));
      const report = await timed(times, 'report', () => reportOf(provider, now, playlist, lineup, matched));
      return {
        ...written,
        report,
        playlist,
        channelIds: new Map(lineup.channels.map((c) => [c.entry, c.channelId])),
        generatedAt: now,
        store: matched.store,
        timings: { read: 0, understand: 0, match: 0, schedule: 0, write: 0, report: 0, ...times },
      };
    } catch (err) {
      // What matching found holds whatever broke after it.
      matched
        .store()
        .catch((storeErr: unknown) =>
          deps.logger?.error(
            { err: storeErr, provider: provider.slug },
            'could not store what matching found',
          ),
        );
      throw err;
    }
  }

  /**
   * Walks every stage but matching, on a made-up playlist of about `entries` entries (rehearsal-playlist.ts),
   * touching neither the network nor the database; returns the milliseconds it took. Run at start-up, it has the
   * first real guide run on compiled code rather than on the interpreter.
   */
  async function rehearse(entries: number): Promise<number> {
    const started = performance.now();
    const labels = [...new Set(deps.defaultFamilies.map((f) => f.family))];
    const bytes = rehearsalPlaylist(labels, entries);
    const playlist = { ...(await parsePlaylist(chunked(bytes))), reused: false };
    const provider: GuideProvider = {
      id: 0,
      slug: 'rehearsal',
      name: 'Rehearsal',
      playlistUrl: '',
      timezone: 'America/New_York',
      settings: {},
    };
    await fromPlaylist(
      provider,
      playlist,
      deps.now(),
      {},
      {
        patterns: () => Promise.resolve([]),
        mappings: () => Promise.resolve([]),
        overrides: () => Promise.resolve([]),
        matcher: undefined,
      },
    );
    return performance.now() - started;
  }

  /**
   * What the provider's playlist holds and how it reads, without matching or storing anything: the reading of
   * the playlist, the lineup understood with the provider's patterns and mappings, and the report so far.
   */
  async function preview(provider: GuideProvider) {
    const now = deps.now();
    const playlist = await deps.reader.read(provider, provider.settings.vodRules ?? []);
    const lineup = understandLineup(playlist.live, {
      provider,
      now,
      families: compileFamilies(await deps.providerPatterns(provider.id), deps.defaultFamilies),
      mappings: await deps.familyMappings(provider.id),
      lexicon: deps.lexicon,
    });
    const report = reportOf(provider, now, playlist, lineup, { outcomes: new Map(), learned: new Map() });
    return { playlist, lineup, report };
  }

  return { generate, rehearse, preview };
}

/** A stored event's matchup art on the provider's clock (events from elsewhere keep their own image). */
function artUrl(base: string, timeZone: string) {
  const zone = encodeURIComponent(timeZone);
  return (event: { id: string }) =>
    /^\d+$/.test(event.id) ? `${base}/art/${event.id}.png?tz=${zone}` : undefined;
}

/** The bytes in 64 KiB pieces, as a response body arrives. */
async function* chunked(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
}

export type GuideGenerator = ReturnType<typeof createGuideGenerator>;
