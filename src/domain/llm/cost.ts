/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Dollars rounded to the micro-dollar the ledger keeps. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}

/** What a call's tokens cost, in US dollars, rounded to the micro-dollar. */
export function costUsd(usage: TokenUsage, price: ModelPrice): number {
  return roundUsd((usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000);
}
