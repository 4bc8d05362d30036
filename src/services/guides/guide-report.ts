// The match report: one row per live channel, what reading the playlist found, and each family with what it
// carries and how many of its channels matched.
import { familyKey } from '../../domain/family-leagues.js';
import type { ParsedChannel, SportEvent } from '../../domain/types.js';
import type {
  FamilyReport,
  GuideProvider,
  LineupChannel,
  MatchOutcome,
  MatchReport,
  ReportChannel,
  UnderstoodChannel,
} from './guide-contracts.js';
import type { Lineup, Outcomes } from './guide-stages.js';
import type { ReadPlaylist } from './playlist-reader.js';

function reportParsed(p: ParsedChannel): ReportChannel['parsed'] {
  return {
    kind: p.kind,
    family: p.family,
    slot: p.slot,
    teams: p.teams,
    title: p.title,
    part: p.part ?? null,
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
    ...(e.part && { part: { kind: e.part.kind, label: e.part.label, parentTitle: e.part.parentTitle } }),
  };
}

function reportChannel(c: LineupChannel, outcome: MatchOutcome | undefined): ReportChannel {
  const row = { channelId: c.channelId, name: c.entry.name, parsed: reportParsed(c.parsed) };
  if (c.parsed.kind === 'other') return { ...row, status: 'not-event' };
  if (c.parsed.kind === 'placeholder') {
    const silenced = (c as Partial<UnderstoodChannel>).override?.eventId === null;
    return {
      ...row,
      status: 'placeholder',
      ...(silenced && { why: 'an admin marked this channel as carrying no event' }),
    };
  }
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

/** Each family of the lineup's guide channels, in order of appearance. */
function familiesOf(
  lineup: Lineup,
  outcomes: Outcomes,
  learned: ReadonlyMap<string, string[]>,
): FamilyReport[] {
  const lessons = new Map([...learned].map(([family, leagues]) => [familyKey(family), leagues]));
  const byKey = new Map<string, { report: FamilyReport; slots: Set<number> }>();
  for (const c of lineup.channels) {
    const { family, familySource, slot, kind } = c.parsed;
    if (!family || !familySource) continue;
    const key = familyKey(family);
    let f = byKey.get(key);
    if (!f) {
      const lesson = lessons.get(key);
      const leagues = lesson ?? c.leagues?.leagues ?? [];
      const source = lesson ? 'learned' : leagues.length > 0 ? (c.leagues?.source ?? null) : null;
      const report: FamilyReport = {
        family,
        recognisedBy: familySource,
        slots: 0,
        channels: 0,
        events: 0,
        matched: 0,
        example: c.entry.name,
        leagues,
        leagueSource: source,
      };
      byKey.set(key, (f = { report, slots: new Set() }));
    }
    if (slot !== null) f.slots.add(slot);
    f.report.channels += 1;
    if (kind !== 'event') continue;
    if (f.report.events === 0) f.report.example = c.entry.name;
    f.report.events += 1;
    if (outcomes.get(c)?.status === 'matched') f.report.matched += 1;
  }
  return [...byKey.values()].map((f) => ({ ...f.report, slots: f.slots.size }));
}

/** One row per live channel, what reading the playlist found, and the families found. */
export function reportOf(
  provider: GuideProvider,
  now: Date,
  playlist: ReadPlaylist,
  lineup: Lineup,
  matched: { outcomes: Outcomes; learned: ReadonlyMap<string, string[]>; llm?: MatchReport['llm'] },
): MatchReport {
  const outcomeOf = matched.outcomes as ReadonlyMap<LineupChannel, MatchOutcome>;
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
    families: familiesOf(lineup, matched.outcomes, matched.learned),
    llm: matched.llm ?? null,
    channels: lineup.all.map((c) => reportChannel(c, outcomeOf.get(c))),
  };
}
