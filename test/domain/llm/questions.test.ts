import { describe, expect, it } from 'vitest';
import {
  askable,
  batchQuestions,
  costUsd,
  questionHash,
  questionOf,
  rankCandidates,
  readAnswers,
  userMessage,
  type LlmQuestion,
} from '../../../src/domain/llm/index.js';
import type { SportEvent } from '../../../src/domain/types.js';
import { parsedChannel } from '../../support/parsed-channel.js';

function event(id: string, home: string, away: string, startsAt: string, league = 'NHL'): SportEvent {
  return {
    id,
    league,
    sport: 'hockey',
    title: `${away} at ${home}`,
    startsAt: new Date(startsAt),
    status: null,
    statusDetail: null,
    venue: null,
    home,
    away,
    image: null,
    externalIds: {},
  };
}

const seven = new Date('2026-11-26T00:00:00Z');
const window = {
  likelyStart: seven,
  fromUtc: new Date('2026-11-25T22:30:00Z'),
  toUtc: new Date('2026-11-26T01:30:00Z'),
};

describe('the questions put to the LLM', () => {
  it('are asked only about event names that give teams or a title', () => {
    expect(askable(parsedChannel({ teams: ['Habs', 'Leafs'] }))).toBe(true);
    expect(askable(parsedChannel({ teams: [], title: 'UFC 300: Main Card' }))).toBe(true);
    expect(askable(parsedChannel({ teams: [], title: null }))).toBe(false);
    expect(askable(parsedChannel({ kind: 'placeholder', teams: [] }))).toBe(false);
  });

  it('rank the events that share most of what the name writes first, then the nearest to its time', () => {
    const events = [
      event('1', 'Boston Bruins', 'Buffalo Sabres', '2026-11-26T00:00:00Z'),
      event('2', 'Atletico Madrid', 'Borussia Dortmund', '2026-11-26T01:00:00Z', 'UCL'),
      event('3', 'Dallas Stars', 'Utah Mammoth', '2026-11-25T23:00:00Z'),
      event('4', 'Calgary Flames', 'Vegas Golden Knights', '2026-11-26T00:30:00Z'),
    ];
    const parsed = parsedChannel({ teams: ['Atleti', 'BVB'] });
    expect(rankCandidates(parsed, window, events).map((e) => e.id)).toEqual(['2', '1', '4', '3']);
  });

  it('show at most ten candidates', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      event(String(i), `Home ${i}`, `Away ${i}`, new Date(seven.getTime() + i * 60_000).toISOString()),
    );
    expect(rankCandidates(parsedChannel(), window, events)).toHaveLength(10);
  });

  it('are keyed by the name and the candidates exactly as shown', () => {
    const a = questionOf('NHL 01: Habs vs Leafs', [
      event('1', 'Montreal Canadiens', 'Toronto Maple Leafs', '2026-11-26T00:00:00Z'),
    ]);
    const b = questionOf('NHL 01: Habs vs Leafs', [
      event('1', 'Montreal Canadiens', 'Toronto Maple Leafs', '2026-11-26T00:00:00Z'),
    ]);
    const moved = questionOf('NHL 01: Habs vs Leafs', [
      event('1', 'Montreal Canadiens', 'Toronto Maple Leafs', '2026-11-26T00:30:00Z'),
    ]);
    expect(questionHash(a)).toBe(questionHash(b));
    expect(questionHash(a)).not.toBe(questionHash(moved));
    expect(questionHash(a)).not.toBe(questionHash({ ...a, channel: 'NHL 02: Habs vs Leafs' }));
  });

  it('go 25 to a call, and a name never twice in one call', () => {
    const q = (channel: string): { question: LlmQuestion } => ({ question: { channel, candidates: [] } });
    const items = [...Array.from({ length: 60 }, (_, i) => q(`c${i}`)), q('c0')];
    const batches = batchQuestions(items);
    expect(batches.map((b) => b.length)).toEqual([25, 25, 11]);
    for (const b of batches) expect(new Set(b.map((i) => i.question.channel)).size).toBe(b.length);
  });

  it('sit in one json block of the user message', () => {
    const text = userMessage([questionOf('NHL 01: A vs B', [])]);
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)\n```/g)];
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]![1]!)).toEqual([{ channel: 'NHL 01: A vs B', candidates: [] }]);
  });
});

describe("the LLM's answers", () => {
  const question = questionOf('NHL 01: Habs vs Leafs', [
    event('11', 'Montreal Canadiens', 'Toronto Maple Leafs', '2026-11-26T00:00:00Z'),
    event('12', 'Boston Bruins', 'Buffalo Sabres', '2026-11-26T00:00:00Z'),
  ]);
  const other = questionOf('NHL 02: Bolts vs Sens', [
    event('21', 'Tampa Bay Lightning', 'Ottawa Senators', '2026-11-26T00:00:00Z'),
  ]);
  const read = (answers: unknown) => readAnswers([question, other], answers);

  it('choose a candidate, with what the name called its teams', () => {
    const { verdicts, problem } = read({
      answers: [
        {
          channel: question.channel,
          eventId: '11',
          confidence: 0.93,
          aliases: [{ written: 'Habs', team: 'Montreal Canadiens' }],
        },
        { channel: other.channel, eventId: null, confidence: 0.2, aliases: [] },
      ],
    });
    expect(problem).toBeNull();
    expect(verdicts.get(question.channel)).toEqual({
      kind: 'chosen',
      eventId: '11',
      confidence: 0.93,
      aliases: [{ written: 'Habs', team: 'Montreal Canadiens' }],
    });
    expect(verdicts.get(other.channel)).toEqual({ kind: 'none', confidence: 0.2 });
  });

  it("are rejected when the id is not among that channel's candidates: the model can only choose", () => {
    const { verdicts } = read({
      answers: [{ channel: question.channel, eventId: '21', confidence: 0.99, aliases: [] }],
    });
    expect(verdicts.get(question.channel)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('not a candidate'),
    });
  });

  it('are rejected when malformed, and a channel left out has no verdict', () => {
    const { verdicts } = read({ answers: [{ channel: question.channel, eventId: '11', confidence: 7 }] });
    expect(verdicts.get(question.channel)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('confidence'),
    });
    expect(verdicts.has(other.channel)).toBe(false);
  });

  it('are a problem as a whole when the input is not { answers: [...] }', () => {
    expect(read('11').problem).toMatch(/answers/);
    expect(read({ answer: [] }).problem).toMatch(/answers/);
    expect(read(null).verdicts.size).toBe(0);
  });
});

describe('what a call costs', () => {
  it('is its tokens at the model price per million', () => {
    expect(costUsd({ inputTokens: 12_000, outputTokens: 1_500 }, { input: 1, output: 5 })).toBeCloseTo(
      0.0195,
      6,
    );
  });
});
