import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ModelPrice } from '../domain/llm/index.js';

export type { ModelPrice };

const priceSchema = z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict();
const fileSchema = z.object({ models: z.record(z.string().min(1), priceSchema) }).strict();

export class LlmPricesError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid LLM price table ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LlmPricesError';
  }
}

/** Validates the text of `config/llm-prices.yaml`; throws LlmPricesError listing every problem. */
export function parseLlmPrices(text: string, source = 'llm-prices.yaml'): Map<string, ModelPrice> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new LlmPricesError(source, [err instanceof Error ? err.message : String(err)]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LlmPricesError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  return new Map(Object.entries(parsed.data.models));
}

export function loadLlmPrices(path: string): Map<string, ModelPrice> {
  return parseLlmPrices(readFileSync(path, 'utf8'), path);
}

/** The price of a model: its own entry, else the longest entry its id starts with (a dated id); null if none. */
export function priceOf(prices: ReadonlyMap<string, ModelPrice>, model: string): ModelPrice | null {
  const own = prices.get(model);
  if (own) return own;
  let best: [string, ModelPrice] | null = null;
  for (const entry of prices) {
    if (model.startsWith(`${entry[0]}-`) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}
