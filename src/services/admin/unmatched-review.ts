// The review queue: the event channels the latest generations left unmatched, grouped by name, with the parse
// and the best candidates and why each was refused. Accepting a candidate pins the channel to it and teaches
// the names it wrote as the teams' aliases, so tomorrow's same name matches by itself, for every provider.
import type { Kysely } from 'kysely';
import { setOverride } from '../../db/channel-overrides.js';
import { listEventsForLeagues, listStoredEventsByIds } from '../../db/events.js';
import { findDecisionsByChannel } from '../../db/llm-decisions.js';
import { getUnmatched, listRecentUnmatched, type UnmatchedView } from '../../db/matches.js';
import { getProviderById } from '../../db/providers.js';
import { insertTeamAliases } from '../../db/teams.js';
import type { DB } from '../../db/types.js';
import { namesToTeach, normalizeTeamName } from '../../domain/matching/index.js';
import { rankCandidates } from '../../domain/llm/index.js';
import { addDays, startOfLocalDay } from '../../domain/time.js';
import type { ParsedChannel, SportEvent } from '../../domain/types.js';
import { NotFoundError, ValidationError } from '../../errors.js';

// The queue shows what generations of the last day left unmatched.
const WITHIN_MS = 24 * 3_600_000;
const MAX_ROWS = 5_000;

export interface QueueGroup {
  name: string;
  parsed: unknown;
  reason: string;
  candidates: unknown;
  leagues: string[];
  channels: { id: number; provider: string; channelId: string | null; day: string; seenAt: string }[];
  /** The LLM's latest decision about this name, if it was asked. */
  llm: { id: number; review: string; outcome: string; eventId: string | null } | null;
}

// Groups without a scored candidate get the events of their day that share most with the name, at most this many.
const NEAREST = 5;
const MAX_FILLED_GROUPS = 200;

export function createUnmatchedReview(deps: {
  db: Kysely<DB>;
  leagueKeys: readonly string[];
  invalidate: (slug: string) => void;
}) {
  const { db } = deps;
  /**
   * A name no candidate scored for still deserves a choice: the events of its day, in the leagues it searched,
   * that share most with what it writes, nearest its time first.
   */
  async function fillCandidates(groups: QueueGroup[], rows: Map<string, UnmatchedView>): Promise<void> {
    const loaded = new Map<string, Promise<SportEvent[]>>();
    for (const g of groups
      .filter((x) => !Array.isArray(x.candidates) || x.candidates.length === 0)
      .slice(0, MAX_FILLED_GROUPS)) {
      const row = rows.get(g.name)!;
      const tz = row.providerTimezone;
      const leagues = g.leagues.length > 0 ? g.leagues : deps.leagueKeys;
      const key = `${leagues.join(',')}|${row.day}|${tz}`;
      let events = loaded.get(key);
      if (!events) {
        const from = startOfLocalDay(row.day, tz);
        const to = startOfLocalDay(addDays(row.day, 1), tz);
        events = listEventsForLeagues(db, leagues, from, to).then((list) => list.map((e) => e.event));
        loaded.set(key, events);
      }
      const parsed = row.parsed as ParsedChannel;
      const likely = typeof parsed.startsAt === 'string' ? new Date(parsed.startsAt) : null;
      const window = {
        likelyStart: likely,
        fromUtc: startOfLocalDay(row.day, tz),
        toUtc: startOfLocalDay(addDays(row.day, 1), tz),
      };
      g.candidates = rankCandidates({ ...parsed, startsAt: likely }, window, await events, NEAREST).map(
        (e) => ({
          eventId: e.id,
          title: e.title,
          score: 0,
          teamScore: 0,
          timeDeltaMinutes: likely ? Math.round((e.startsAt.getTime() - likely.getTime()) / 60_000) : null,
          reasons: ['nothing in the name fits it: an event of that day sharing most with the name'],
          rejected: 'no team or title of the name found',
        }),
      );
    }
  }

  async function list(filter: { providerId?: number; league?: string }): Promise<QueueGroup[]> {
    const rows = await listRecentUnmatched(db, {
      withinMs: WITHIN_MS,
      limit: MAX_ROWS,
      ...(filter.providerId !== undefined && { providerId: filter.providerId }),
    });
    const leaguesOf = (r: UnmatchedView) => (Array.isArray(r.leagues) ? (r.leagues as string[]) : []);
    const kept = filter.league
      ? rows.filter((r) => leaguesOf(r).length === 0 || leaguesOf(r).includes(filter.league!))
      : rows;
    const groups = new Map<string, QueueGroup>();
    for (const r of kept) {
      let g = groups.get(r.name);
      if (!g) {
        g = {
          name: r.name,
          parsed: r.parsed,
          reason: r.reason,
          candidates: r.candidates,
          leagues: leaguesOf(r),
          channels: [],
          llm: null,
        };
        groups.set(r.name, g);
      }
      g.channels.push({
        id: r.id,
        provider: r.providerSlug,
        channelId: r.channelId,
        day: r.day,
        seenAt: r.seenAt.toISOString(),
      });
    }
    const newest = new Map<string, UnmatchedView>();
    for (const r of kept) if (!newest.has(r.name)) newest.set(r.name, r);
    await fillCandidates([...groups.values()], newest);
    const decisions = await findDecisionsByChannel(db, [...groups.keys()]);
    for (const g of groups.values()) {
      const d = decisions.get(g.name);
      if (d) {
        g.llm = {
          id: d.id,
          review: d.review,
          outcome: d.outcome,
          eventId: d.event_id === null ? null : String(d.event_id),
        };
      }
    }
    return [...groups.values()];
  }

  async function accept(id: number, eventId: number) {
    const row = await getUnmatched(db, id);
    if (!row) throw new NotFoundError(`no unmatched channel ${id} in the queue`);
    if (!row.channel_id) {
      throw new ValidationError('this row predates channel ids: wait for the next guide', [
        { field: 'id', message: 'the channel has no guide id yet' },
      ]);
    }
    const [stored] = await listStoredEventsByIds(db, [eventId]);
    if (!stored) throw new NotFoundError(`eventId: no event ${eventId}`);
    const provider = await getProviderById(db, row.provider_id);
    if (!provider) throw new NotFoundError(`no provider ${row.provider_id}`);
    const { event } = stored;
    await setOverride(db, { providerId: row.provider_id, channelId: row.channel_id, eventId });
    const taught: { team: string; alias: string }[] = [];
    for (const t of namesToTeach(row.parsed as unknown as ParsedChannel, event)) {
      const teamId = t.side === 'home' ? event.homeId : event.awayId;
      const team = t.side === 'home' ? event.home : event.away;
      if (!teamId || !team) continue;
      await insertTeamAliases(
        db,
        Number(teamId),
        [{ alias: t.written, normalized: normalizeTeamName(t.written) }],
        'admin',
      );
      taught.push({ team, alias: t.written });
    }
    deps.invalidate(provider.slug);
    return {
      id,
      pinned: { provider: provider.slug, channelId: row.channel_id, eventId: event.id, title: event.title },
      taught,
    };
  }

  return { list, accept };
}

export type UnmatchedReview = ReturnType<typeof createUnmatchedReview>;
