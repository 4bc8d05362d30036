// Runs admin-written regexes on sample names in a worker thread with a deadline: a pattern that backtracks
// catastrophically is stopped and named, never left to hold the event loop.
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const compile = (p) => { try { return new RegExp(p, 'iu'); } catch { return new RegExp(p, 'i'); } };
const out = [];
workerData.patterns.forEach((p, i) => {
  parentPort.postMessage({ running: i });
  const re = compile(p);
  out.push(workerData.names.map((n) => { const m = re.exec(n); return m ? { ...(m.groups || {}) } : null; }));
});
parentPort.postMessage({ done: out });
`;

export class PatternTimeoutError extends Error {
  constructor(
    readonly index: number,
    readonly ms: number,
  ) {
    super(`pattern ${index} ran longer than ${ms} ms on these names`);
    this.name = 'PatternTimeoutError';
  }
}

/** Each pattern's named groups on each name (null where it does not match); rejects with PatternTimeoutError. */
export function trialRun(
  patterns: readonly string[],
  names: readonly string[],
  timeoutMs = 1_000,
): Promise<(Record<string, string | undefined> | null)[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { patterns, names } });
    let running = 0;
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new PatternTimeoutError(running, timeoutMs));
    }, timeoutMs);
    worker.on('message', (m: { running?: number; done?: (Record<string, string> | null)[][] }) => {
      if (m.running !== undefined) running = m.running;
      if (m.done) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(m.done);
      }
    });
    // A worker may throw anything; a rejection is always an Error.
    worker.on('error', (err: unknown) => {
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}
