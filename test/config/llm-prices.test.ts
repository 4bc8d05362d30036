import { describe, expect, it } from 'vitest';
import { LlmPricesError, loadLlmPrices, parseLlmPrices, priceOf } from '../../src/config/llm-prices.js';
import { CONFIG_DIR } from '../support/test-app.js';

describe('the LLM price table', () => {
  it('prices the default model from the checked-in table', () => {
    const prices = loadLlmPrices(`${CONFIG_DIR}/llm-prices.yaml`);
    expect(priceOf(prices, 'claude-haiku-4-5')).toEqual({ input: 1, output: 5 });
  });

  it('prices a dated model id by the longest entry it starts with, and knows no other model', () => {
    const prices = parseLlmPrices(
      'models:\n  claude-sonnet-4: {input: 3, output: 15}\n  claude-sonnet-4-5: {input: 4, output: 16}\n',
    );
    expect(priceOf(prices, 'claude-sonnet-4-5-20250929')).toEqual({ input: 4, output: 16 });
    expect(priceOf(prices, 'claude-sonnet-4-20250514')).toEqual({ input: 3, output: 15 });
    expect(priceOf(prices, 'claude-sonnet-40')).toBeNull();
    expect(priceOf(prices, 'gpt-x')).toBeNull();
  });

  it('names every bad entry', () => {
    expect(() => parseLlmPrices('models:\n  a: {input: -1, output: 5}\n  b: {input: 1}\n')).toThrow(
      LlmPricesError,
    );
    try {
      parseLlmPrices('models:\n  a: {input: -1, output: 5}\n  b: {input: 1}\n');
    } catch (err) {
      expect((err as LlmPricesError).problems.join('\n')).toMatch(/models\.a\.input[\s\S]*models\.b\.output/);
    }
  });
});
