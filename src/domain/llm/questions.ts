// One question per unmatched channel: its name as written and the real events it may carry, ranked by how much
// of the name they share (trigrams, so `Atleti` still finds `Atletico Madrid`), then by closeness to the time
// the name implies.
import { createHash } from 'node:crypto';
import type { CandidateQuery } from '../matching/candidates.js';
import { normalizeTeamName } from '../matching/team-names.js';
import { dice, trigrams } from '../matching/trigrams.js';
import type { ParsedChannel, SportEvent } from '../types.js';

export const MAX_CANDIDATES = 10;
export const MAX_QUESTIONS_PER_CALL = 25;

export interface LlmCandidate {
  id: string;
  title: string;
  league: string;
  /** UTC instant, ISO 8601. */
  startsAt: string;
  home: string | null;
  away: string | null;
}

export interface LlmQuestion {
  /** The channel's name as the provider wrote it. */
  channel: string;
  candidates: LlmCandidate[];
}

/** A channel is worth asking about when its name says which teams or what title. */
export function askable(parsed: ParsedChannel): boolean {
  return parsed.kind === 'event' && (parsed.teams.length > 0 || (parsed.title ?? '').trim() !== '');
}

// Below this a trigram overlap is chance (`at` in a title, `ers` in two names), not a shared name.
const MIN_DICE = 0.25;

/** How much of what the name writes an event's teams (or, without teams, its title) share: each part's best fit. */
function affinity(written: readonly Set<string>[], event: SportEvent): number {
  const names = event.home && event.away ? [event.home, event.away] : [event.title];
  const sides = names.map((s) => trigrams(normalizeTeamName(s)));
  let total = 0;
  for (const part of written) {
    const best = Math.max(0, ...sides.map((side) => dice(part, side)));
    if (best >= MIN_DICE) total += best;
  }
  return total;
}

/**
 * The candidates worth showing the model, best first, at most `limit`: events of leagues the query admits in
 * its window (the caller's list), ranked by what they share with the name, then by closeness to its time.
 */
export function rankCandidates(
  parsed: ParsedChannel,
  query: Pick<CandidateQuery, 'likelyStart' | 'fromUtc' | 'toUtc'>,
  events: readonly SportEvent[],
  limit = MAX_CANDIDATES,
): SportEvent[] {
  const written = [...parsed.teams, ...(parsed.teams.length === 0 && parsed.title ? [parsed.title] : [])]
    .map((w) => trigrams(normalizeTeamName(w)))
    .filter((t) => t.size > 0);
  const anchor = query.likelyStart?.getTime() ?? (query.fromUtc.getTime() + query.toUtc.getTime()) / 2;
  return events
    .map((event) => ({
      event,
      score: affinity(written, event),
      distance: Math.abs(event.startsAt.getTime() - anchor),
    }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.event.id.localeCompare(b.event.id))
    .slice(0, limit)
    .map((r) => r.event);
}

export function questionOf(channel: string, events: readonly SportEvent[]): LlmQuestion {
  return {
    channel,
    candidates: events.map((e) => ({
      id: e.id,
      title: e.title,
      league: e.league,
      startsAt: e.startsAt.toISOString(),
      home: e.home,
      away: e.away,
    })),
  };
}

/** The key a question's decision is stored by: the name as written and the candidates exactly as shown. */
export function questionHash(q: LlmQuestion): string {
  return createHash('sha256').update(JSON.stringify(q)).digest('hex');
}

/**
 * Questions in batches of at most `size`, no channel name twice in a batch (answers are told apart by name),
 * in the order given.
 */
export function batchQuestions<T extends { question: LlmQuestion }>(
  items: readonly T[],
  size = MAX_QUESTIONS_PER_CALL,
): T[][] {
  const batches: { items: T[]; names: Set<string> }[] = [];
  for (const item of items) {
    const name = item.question.channel;
    let batch = batches.find((b) => b.items.length < size && !b.names.has(name));
    if (!batch) batches.push((batch = { items: [], names: new Set() }));
    batch.items.push(item);
    batch.names.add(name);
  }
  return batches.map((b) => b.items);
}
