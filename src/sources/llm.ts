// The Messages API through @anthropic-ai/sdk: one call asks about a batch of channels with the tool
// `choose_events` forced. Never throws: every way a call can end is a result the caller records. 429 and 529
// are retried once after the server's `retry-after`; nothing else is retried (the SDK's own retries are off, so
// a hang costs one timeout, not three).
import { setTimeout as delay } from 'node:timers/promises';
import Anthropic from '@anthropic-ai/sdk';
import {
  SYSTEM_PROMPT,
  TOOL,
  TOOL_NAME,
  userMessage,
  type LlmQuestion,
  type TokenUsage,
} from '../domain/llm/index.js';

export type LlmFailure =
  'rate-limited' | 'overloaded' | 'timeout' | 'connect' | 'http-status' | 'refusal' | 'malformed';

export type LlmReply =
  | { ok: true; input: unknown; usage: TokenUsage; latencyMs: number; attempts: number }
  | {
      ok: false;
      reason: LlmFailure;
      message: string;
      usage: TokenUsage;
      latencyMs: number;
      attempts: number;
    };

export interface LlmClientOptions {
  apiKey: string;
  /** The API's origin (`https://api.anthropic.com` when unset). */
  baseUrl?: string | undefined;
  model: string;
  timeoutMs: number;
  /** A `retry-after` longer than this is not waited for: the call fails (default 20 s). */
  maxRetryAfterMs?: number;
  /** Output tokens the model may spend per question (default 120). */
  outputTokensPerQuestion?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface LlmClient {
  readonly model: string;
  chooseEvents(questions: readonly LlmQuestion[]): Promise<LlmReply>;
}

const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };
// Without a retry-after, the wait before the one retry.
const DEFAULT_RETRY_AFTER_MS = 2_000;

/** Seconds (or an HTTP date) of a `retry-after` header, in ms; null when absent or unreadable. */
function retryAfterMs(headers: Headers | undefined): number | null {
  const raw = headers?.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function failureOf(err: unknown): {
  reason: LlmFailure;
  message: string;
  retryable: boolean;
  waitMs: number | null;
} {
  if (err instanceof Anthropic.APIConnectionTimeoutError)
    return { reason: 'timeout', message: 'no answer before the timeout', retryable: false, waitMs: null };
  if (err instanceof Anthropic.APIConnectionError)
    return { reason: 'connect', message: err.message, retryable: false, waitMs: null };
  if (err instanceof Anthropic.APIError) {
    const message = `HTTP ${err.status ?? '?'}${err.type ? ` ${err.type}` : ''}: ${err.apiMessage ?? err.message}`;
    if (err.status === 429)
      return {
        reason: 'rate-limited',
        message,
        retryable: true,
        waitMs: retryAfterMs(err.headers as Headers | undefined),
      };
    if (err.status === 529)
      return {
        reason: 'overloaded',
        message,
        retryable: true,
        waitMs: retryAfterMs(err.headers as Headers | undefined),
      };
    return { reason: 'http-status', message, retryable: false, waitMs: null };
  }
  // The SDK parses the body itself: a body that is not JSON surfaces as a SyntaxError.
  const message = err instanceof Error ? err.message : String(err);
  return { reason: 'malformed', message: `unreadable answer: ${message}`, retryable: false, waitMs: null };
}

export function createLlmClient(opts: LlmClientOptions): LlmClient {
  const client = new Anthropic({
    apiKey: opts.apiKey,
    baseURL: opts.baseUrl ?? 'https://api.anthropic.com',
    maxRetries: 0,
    timeout: opts.timeoutMs,
  });
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 20_000;
  const perQuestion = opts.outputTokensPerQuestion ?? 120;

  async function once(questions: readonly LlmQuestion[]): Promise<Anthropic.Message> {
    return client.messages.create({
      model: opts.model,
      max_tokens: 256 + perQuestion * questions.length,
      system: SYSTEM_PROMPT,
      tools: [TOOL],
      tool_choice: { type: 'tool', name: TOOL_NAME },
      messages: [{ role: 'user', content: userMessage(questions) }],
    });
  }

  return {
    model: opts.model,
    async chooseEvents(questions) {
      const started = performance.now();
      const took = () => Math.round(performance.now() - started);
      let attempts = 0;
      for (;;) {
        attempts += 1;
        let message: Anthropic.Message;
        try {
          message = await once(questions);
        } catch (err) {
          const f = failureOf(err);
          const wait = f.waitMs ?? DEFAULT_RETRY_AFTER_MS;
          if (f.retryable && attempts === 1 && wait <= maxRetryAfterMs) {
            await sleep(wait);
            continue;
          }
          return {
            ok: false,
            reason: f.reason,
            message: f.message,
            usage: NO_USAGE,
            latencyMs: took(),
            attempts,
          };
        }
        const usage = {
          inputTokens: message.usage?.input_tokens ?? 0,
          outputTokens: message.usage?.output_tokens ?? 0,
        };
        const fail = (reason: LlmFailure, text: string): LlmReply => ({
          ok: false,
          reason,
          message: text,
          usage,
          latencyMs: took(),
          attempts,
        });
        if (message.stop_reason === 'refusal') return fail('refusal', 'the model declined to answer');
        const tool = message.content?.find((b) => b.type === 'tool_use' && b.name === TOOL_NAME);
        if (!tool || tool.type !== 'tool_use') {
          return fail('malformed', `no ${TOOL_NAME} call in the answer (stop_reason ${message.stop_reason})`);
        }
        return { ok: true, input: tool.input, usage, latencyMs: took(), attempts };
      }
    },
  };
}
