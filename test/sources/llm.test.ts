// The Messages API client against a loopback server speaking the wire format: what it sends, and how each way
// a call can end comes back (never thrown).
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmClient } from '../../src/sources/llm.js';
import type { LlmQuestion } from '../../src/domain/llm/index.js';
import { startFakeMessagesApi, type FakeMessagesApi, type FakeScript } from '../support/fake-messages-api.js';

const questions: LlmQuestion[] = [
  {
    channel: 'NHL 01: Habs vs Blueshirts 7:00 PM ET',
    candidates: [
      {
        id: '11',
        title: 'New York Rangers at Montreal Canadiens',
        league: 'NHL',
        startsAt: '2026-11-26T00:00:00.000Z',
        home: 'Montreal Canadiens',
        away: 'New York Rangers',
      },
    ],
  },
];
const answer = { answers: [{ channel: questions[0]!.channel, eventId: '11', confidence: 0.9, aliases: [] }] };

let fake: FakeMessagesApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function clientFor(script: FakeScript, opts: { timeoutMs?: number } = {}) {
  fake = await startFakeMessagesApi(script);
  const slept: number[] = [];
  const client = createLlmClient({
    apiKey: 'test-key',
    baseUrl: fake.url,
    model: 'claude-haiku-4-5',
    timeoutMs: opts.timeoutMs ?? 5_000,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  return { client, fake, slept };
}

describe('the LLM client', () => {
  it('sends the questions in one json block, with the choose_events tool forced, and reads the tool input and usage', async () => {
    const { client, fake } = await clientFor(() => ({
      kind: 'tool',
      input: answer,
      usage: { input_tokens: 900, output_tokens: 70 },
    }));
    const reply = await client.chooseEvents(questions);
    expect(reply).toMatchObject({
      ok: true,
      input: answer,
      usage: { inputTokens: 900, outputTokens: 70 },
      attempts: 1,
    });
    const [req] = fake.asked;
    // The SDK sends the key as x-api-key or as a bearer token, depending on its version.
    const key = req?.headers['x-api-key'] ?? req?.headers.authorization?.replace(/^Bearer /, '');
    expect(key).toBe('test-key');
    expect(req?.headers['anthropic-version']).toBeTruthy();
    expect(req?.body.model).toBe('claude-haiku-4-5');
    expect(req?.body.tools.map((t) => t.name)).toEqual(['choose_events']);
    expect(req?.body.tool_choice).toEqual({ type: 'tool', name: 'choose_events' });
    expect(req?.jsonBlocks).toBe(1);
    expect(req?.questions).toEqual(questions);
  });

  it("retries a 429 once, after the server's retry-after", async () => {
    const { client, fake, slept } = await clientFor((_req, i) =>
      i === 0
        ? { kind: 'error', status: 429, type: 'rate_limit_error', retryAfter: '3' }
        : { kind: 'tool', input: answer },
    );
    const reply = await client.chooseEvents(questions);
    expect(reply).toMatchObject({ ok: true, attempts: 2 });
    expect(slept).toEqual([3000]);
    expect(fake.asked).toHaveLength(2);
  });

  it('retries a 529 once, and a second 529 fails as overloaded', async () => {
    const { client, fake } = await clientFor(() => ({
      kind: 'error',
      status: 529,
      type: 'overloaded_error',
    }));
    const reply = await client.chooseEvents(questions);
    expect(reply).toMatchObject({ ok: false, reason: 'overloaded', attempts: 2 });
    expect(fake.asked).toHaveLength(2);
  });

  it('does not wait for a retry-after longer than it allows', async () => {
    const { client, fake } = await clientFor(() => ({
      kind: 'error',
      status: 429,
      type: 'rate_limit_error',
      retryAfter: '3600',
    }));
    expect(await client.chooseEvents(questions)).toMatchObject({
      ok: false,
      reason: 'rate-limited',
      attempts: 1,
    });
    expect(fake.asked).toHaveLength(1);
  });

  it('gives up on a hang at the timeout, without retrying it', async () => {
    const { client, fake } = await clientFor(() => ({ kind: 'hang' }), { timeoutMs: 300 });
    const reply = await client.chooseEvents(questions);
    expect(reply).toMatchObject({ ok: false, reason: 'timeout', attempts: 1 });
    expect(fake.asked).toHaveLength(1);
  });

  it('reports a refusal, an answer without the tool, a body that is not JSON and a 400, none retried', async () => {
    const cases: [FakeScript, string][] = [
      [() => ({ kind: 'refusal' }), 'refusal'],
      [() => ({ kind: 'text', text: 'I think it is the Rangers game.' }), 'malformed'],
      [() => ({ kind: 'raw', status: 200, body: '{"id":"msg_1","type":"mess' }), 'malformed'],
      [() => ({ kind: 'error', status: 400, type: 'invalid_request_error' }), 'http-status'],
    ];
    for (const [script, reason] of cases) {
      const { client, fake } = await clientFor(script);
      expect(await client.chooseEvents(questions)).toMatchObject({ ok: false, reason, attempts: 1 });
      expect(fake.asked).toHaveLength(1);
      await fake.close();
    }
  });
});
