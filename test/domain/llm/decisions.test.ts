import { describe, expect, it } from 'vitest';
import {
  aliasesWorthKeeping,
  budgetExceeded,
  emptyLlmSummary,
  MAX_ASKS_PER_GENERATION,
  planQuestions,
  resultOfVerdict,
  type LlmAsk,
  type Verdict,
} from '../../../src/domain/llm/index.js';
import type { SportEvent } from '../../../src/domain/types.js';
import { parsedChannel } from '../../support/parsed-channel.js';

function event(id: string, home: string, away: string): SportEvent {
  return {
    id,
    league: 'NHL',
    sport: 'hockey',
    title: `${away} at ${home}`,
    startsAt: new Date('2026-11-26T00:00:00Z'),
    status: null,
    statusDetail: null,
    venue: null,
    home,
    away,
    homeId: `${id}1`,
    awayId: `${id}2`,
    image: null,
    externalIds: {},
  };
}

const games = [
  event('7', 'Boston Bruins', 'Toronto Maple Leafs'),
  event('8', 'Ottawa Senators', 'Buffalo Sabres'),
];
const query = {
  likelyStart: new Date('2026-11-26T00:00:00Z'),
  fromUtc: new Date('2026-11-25T22:00:00Z'),
  toUtc: new Date('2026-11-26T02:00:00Z'),
};
const ask = (name: string, teams: string[], events = games): LlmAsk => ({
  name,
  parsed: parsedChannel({ kind: 'event', teams }),
  query,
  events,
});
const chosen = (eventId: string, confidence: number) =>
  ({ kind: 'chosen', eventId, confidence, aliases: [] }) as Verdict;

describe('which unmatched channels are put to the LLM', () => {
  it('asks about a name with teams and candidates, and says why it asks about the others', () => {
    const { results, planned } = planQuestions([
      ask('NHL 01: Leafs at Bs', ['Leafs', 'Bs']),
      { ...ask('NHL 02:', []), parsed: parsedChannel({ kind: 'placeholder' }) },
      ask('NHL 03: Leafs at Bs', ['Leafs', 'Bs'], []),
    ]);
    expect(planned.map((p) => p.index)).toEqual([0]);
    expect(planned[0]!.candidates.length).toBeGreaterThan(0);
    expect(results[1]).toEqual({ step: 'llm: nothing to ask (the name gives no teams or title)' });
    expect(results[2]).toEqual({ step: 'llm: no candidate events in the window to choose from' });
  });

  it('asks about at most a bounded number of channels per generation', () => {
    const asks = Array.from({ length: MAX_ASKS_PER_GENERATION + 3 }, (_, i) =>
      ask(`NHL ${i}: Leafs at Bs`, ['Leafs', 'Bs']),
    );
    const { results, planned } = planQuestions(asks);
    expect(planned).toHaveLength(MAX_ASKS_PER_GENERATION);
    expect(results[MAX_ASKS_PER_GENERATION]).toEqual({
      step: `llm: not asked this time (more than ${MAX_ASKS_PER_GENERATION} channels waiting)`,
    });
  });
});

describe("how the model's verdict becomes a match", () => {
  const decision = { id: 12, model: 'model-x', review: 'pending', fresh: true };

  it('matches the chosen candidate at or above the threshold and says who chose it', () => {
    const result = resultOfVerdict(chosen('7', 0.9), decision, games, 0.85);
    expect('choice' in result && result.choice.event.id).toBe('7');
    expect('choice' in result && result.choice.why).toContain('model-x chose it among 2 candidates');
  });

  it('refuses a choice below the threshold, one no longer among the candidates, and one an admin rejected', () => {
    expect(resultOfVerdict(chosen('7', 0.5), decision, games, 0.85)).toEqual({
      step: "llm: model-x's choice Toronto Maple Leafs at Boston Bruins (0.50) is below the threshold 0.85 (decision #12)",
    });
    expect(resultOfVerdict(chosen('99', 0.9), decision, games, 0.85)).toEqual({
      step: "llm: model-x's choice is no longer a candidate (decision #12)",
    });
    expect(resultOfVerdict(chosen('7', 0.9), { ...decision, review: 'rejected' }, games, 0.85)).toEqual({
      step: "llm: an admin rejected model-x's answer to this question (decision #12)",
    });
  });
});

describe('the aliases an answer teaches', () => {
  it('keeps a nickname written in the name for a team of the chosen event, and nothing else', () => {
    const kept = aliasesWorthKeeping('NHL 01: Leafs at Bs', games[0]!, [
      { written: 'Bs', team: 'Boston Bruins' },
      { written: 'Habs', team: 'Boston Bruins' },
      { written: 'Leafs', team: 'Ottawa Senators' },
      { written: 'boston bruins', team: 'Boston Bruins' },
    ]);
    expect(kept).toEqual([{ teamId: 71, alias: 'Bs', normalized: 'bs' }]);
  });
});

describe("the LLM step's budget and summary", () => {
  it('refuses a call whose estimate would take the day past the budget', () => {
    expect(budgetExceeded(0.5, 0.4, 1)).toBeNull();
    expect(budgetExceeded(0.9, 0.2, 1)).toBe('daily budget of $1.00 spent ($0.90 so far today)');
  });

  it('says the step is off without a model', () => {
    expect(emptyLlmSummary(null)).toMatchObject({ enabled: false, note: 'off: no ANTHROPIC_API_KEY' });
    expect(emptyLlmSummary('model-x')).toMatchObject({ enabled: true, model: 'model-x', note: null });
  });
});
