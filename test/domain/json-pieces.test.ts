import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/domain/json-pieces.js';

describe('JSON in pieces', () => {
  it('joins to what JSON.stringify writes, for any JSON-like value', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.anything()), fc.dictionary(fc.string(), fc.anything())),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        (value, depth, size) => {
          expect([...jsonPieces(value, { depth, size })].join('')).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes dates, undefined, functions and nested arrays as JSON.stringify does', () => {
    const value = {
      at: new Date(0),
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, null, [1, { a: undefined, b: 2 }]],
      deeper: { x: [{ y: 'é"\\' }] },
    };
    expect([...jsonPieces(value, { size: 1 })].join('')).toBe(JSON.stringify(value));
  });

  it('hands out pieces no longer than asked, except a single value longer than that', () => {
    const channels = Array.from({ length: 1000 }, (_, i) => ({ name: `NBA ${i}: Lakers vs Celtics`, i }));
    const long = 'x'.repeat(5000);
    const pieces = [...jsonPieces({ channels, long }, { size: 1024 })];
    expect(pieces.length).toBeGreaterThan(30);
    expect(pieces.filter((p) => p.length > 1024)).toEqual([`${JSON.stringify(long)}`]);
  });
});
