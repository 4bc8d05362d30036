// Per UTC day: what the LLM step cost (calls, tokens, dollars) and how many requests went to each source,
// from the stored ledgers, so the figures survive restarts.
import type { Kysely } from 'kysely';
import { llmCostsByDay } from '../../db/llm-calls.js';
import { listSourceCalls } from '../../db/source-calls.js';
import type { DB } from '../../db/types.js';
import { roundUsd } from '../../domain/llm/index.js';
import { addDays } from '../../domain/time.js';
import type { SourceCallLog } from '../events/source-call-log.js';

export interface CostDay {
  day: string;
  llm: { calls: number; failedCalls: number; inputTokens: number; outputTokens: number; usd: number };
  /** Requests per source: `espn`, `thesportsdb`, `llm`. */
  calls: Record<string, number>;
}

export async function costReport(
  deps: { db: Kysely<DB>; sourceCalls?: SourceCallLog },
  fromDay: string,
  toDay: string,
): Promise<{ days: CostDay[]; totals: Omit<CostDay, 'day'> }> {
  await deps.sourceCalls?.flush();
  const [llm, sources] = await Promise.all([
    llmCostsByDay(deps.db, fromDay, toDay),
    listSourceCalls(deps.db, fromDay, toDay),
  ]);
  const llmByDay = new Map(llm.map((d) => [d.day, d]));
  const days: CostDay[] = [];
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    const l = llmByDay.get(day);
    days.push({
      day,
      llm: {
        calls: l?.calls ?? 0,
        failedCalls: l?.failed ?? 0,
        inputTokens: l?.inputTokens ?? 0,
        outputTokens: l?.outputTokens ?? 0,
        usd: l?.usd ?? 0,
      },
      calls: { espn: 0, thesportsdb: 0, llm: l?.calls ?? 0 },
    });
  }
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const s of sources) {
    const d = byDay.get(s.day);
    if (d) d.calls[s.source] = (d.calls[s.source] ?? 0) + s.calls;
  }
  const totals: Omit<CostDay, 'day'> = {
    llm: { calls: 0, failedCalls: 0, inputTokens: 0, outputTokens: 0, usd: 0 },
    calls: {},
  };
  for (const d of days) {
    totals.llm.calls += d.llm.calls;
    totals.llm.failedCalls += d.llm.failedCalls;
    totals.llm.inputTokens += d.llm.inputTokens;
    totals.llm.outputTokens += d.llm.outputTokens;
    totals.llm.usd += d.llm.usd;
    for (const [source, n] of Object.entries(d.calls)) totals.calls[source] = (totals.calls[source] ?? 0) + n;
  }
  totals.llm.usd = roundUsd(totals.llm.usd);
  return { days, totals };
}
