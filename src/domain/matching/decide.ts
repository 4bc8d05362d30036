// Ranks the candidates of one channel and decides: one event, confidently and clearly ahead, or none.
import type { ParsedChannel } from '../types.js';
import { DEFAULT_MAX_TIME_DELTA_MINUTES, type CandidateQuery } from './candidates.js';
import { readChannel, scoreCandidate, type EvidenceOptions, type ScoredCandidate } from './evidence.js';
import { createCandidateIndex, type Candidate, type CandidateIndex } from './candidate-index.js';
import { hhmm, wallClock } from '../time.js';

export type { ScoredCandidate } from './evidence.js';

export const DEFAULT_MATCH_THRESHOLD = 0.7;
export const DEFAULT_AMBIGUITY_MARGIN = 0.05;

export interface MatchOptions {
  /** Confidence below which the channel stays unmatched. */
  threshold: number;
  /** Two candidates closer than this: no match. */
  ambiguityMargin?: number;
  /** A time in the name further than this from the event's start rejects it. */
  maxTimeDeltaMinutes?: number;
  /**
   * The query the candidates were loaded with: events of other leagues are skipped, its window rejects events
   * on other days, and 'any' leagues make teams named only by city or code insufficient.
   */
  query?: CandidateQuery;
}

export interface MatchDecision {
  eventId: string | null;
  confidence: number;
  why: string;
  /** The best few candidates, those still in first, for the report. */
  candidates: ScoredCandidate[];
  /** The best candidate when there is no match. */
  best?: ScoredCandidate;
}

const REPORTED = 5;

function isIndex(x: readonly Candidate[] | CandidateIndex): x is CandidateIndex {
  return !Array.isArray(x);
}

// Scores are shown to three places so that one just under the threshold never reads as equal to it.
function label(c: ScoredCandidate): string {
  return `${c.title} (${c.score.toFixed(3)})`;
}

function describeQuery(q: CandidateQuery | undefined): string {
  if (!q) return '';
  const leagues = q.leagues === 'any' ? 'any league' : q.leagues.join(', ');
  const from = wallClock(q.fromUtc, q.timeZone);
  const to = wallClock(new Date(q.toUtc.getTime() - 1), q.timeZone);
  return ` for ${leagues} between ${from.ymd} ${hhmm(from)} and ${to.ymd} ${hhmm(to)} ${q.timeZone}`;
}

function nearness(c: ScoredCandidate): number {
  return c.timeDeltaMinutes ?? Number.MAX_SAFE_INTEGER;
}

function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || b.teamScore - a.teamScore;
}

/**
 * Decides which candidate event, if any, a parsed channel carries. A match needs a confidence at or above the
 * threshold and a lead of at least the margin over the next candidate: a wrong match is worse than none.
 */
export function matchChannel(
  parsed: ParsedChannel,
  candidates: readonly Candidate[] | CandidateIndex,
  opts: MatchOptions,
): MatchDecision {
  const none = (why: string, scored: ScoredCandidate[] = [], best?: ScoredCandidate): MatchDecision => ({
    eventId: null,
    confidence: 0,
    why,
    candidates: scored,
    ...(best ? { best } : {}),
  });
  if (parsed.kind !== 'event') return none(`not an event channel (${parsed.kind})`);
  const index = isIndex(candidates) ? candidates : createCandidateIndex(candidates);
  if (index.entries.length === 0) return none(`no candidate events${describeQuery(opts.query)}`);

  const channel = readChannel(parsed, index);
  const evidence: EvidenceOptions = {
    maxTimeDeltaMinutes: opts.maxTimeDeltaMinutes ?? DEFAULT_MAX_TIME_DELTA_MINUTES,
  };
  if (opts.query) evidence.query = opts.query;
  const open: ScoredCandidate[] = [];
  const out: ScoredCandidate[] = [];
  for (const entry of index.entries) {
    const c = scoreCandidate(channel, entry, index, evidence);
    if (c) (c.rejected ? out : open).push(c);
  }
  open.sort(byScore);
  out.sort((a, b) => b.teamScore - a.teamScore || nearness(a) - nearness(b));
  const top = [...open, ...out].slice(0, REPORTED);

  let first = open[0];
  if (first && open.length === 1 && first.soleScore !== undefined && first.soleScore > first.score) {
    const reasons = [...first.reasons, 'the only game at that time that both names fit'];
    first = { ...first, score: first.soleScore, reasons };
  }
  if (!first) {
    const nearest = out[0];
    return nearest
      ? none(`no candidate fits; nearest ${nearest.title}: ${nearest.rejected ?? ''}`, top, nearest)
      : none(`no candidate shares a team or title with the name (${index.entries.length} searched)`, top);
  }
  // A score at the threshold passes, however the arithmetic that made it rounded.
  if (first.score < opts.threshold - 1e-9) {
    const why = `best candidate ${label(first)} is below the threshold ${opts.threshold}: ${first.reasons.join('; ')}`;
    return none(why, top, first);
  }
  const margin = opts.ambiguityMargin ?? DEFAULT_AMBIGUITY_MARGIN;
  // A time without a date: an event on the likely day is not made doubtful by one on the day before or after.
  const second = open.slice(1).find((c) => first.otherDay || !c.otherDay);
  if (second && first.score - second.score < margin) {
    return none(`two candidates within ${margin.toFixed(2)}: ${label(first)}, ${label(second)}`, top, first);
  }
  return { eventId: first.eventId, confidence: first.score, why: first.reasons.join('; '), candidates: top };
}
