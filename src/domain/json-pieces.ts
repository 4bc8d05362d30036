// JSON text in pieces, for documents too big to hold as one string: the arrays and objects of the first levels
// are opened piece by piece, what lies below them is written whole by JSON.stringify (native speed). Streaming
// stringifiers walk every value in JavaScript instead, many times slower on a report of tens of thousands of
// channels.

const isContainer = (value: unknown): value is object =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
  (Array.isArray(value) ||
    Object.getPrototypeOf(value) === Object.prototype ||
    Object.getPrototypeOf(value) === null);

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
const isOmitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || !isContainer(value)) {
    yield isOmitted(value) ? 'null' : JSON.stringify(value);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* pieces(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (isOmitted(item)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* pieces(item, depth - 1);
  }
  yield '}';
}

/**
 * The text of JSON.stringify(value) (a plain object or array) as strings of about `size` characters or less,
 * except where a single value below the opened levels is longer; `depth` levels are opened.
 */
export function* jsonPieces(value: unknown, { depth = 3, size = 65_536 } = {}): Generator<string> {
  let batch = '';
  for (const piece of pieces(value, depth)) {
    if (batch.length > 0 && batch.length + piece.length > size) {
      yield batch;
      batch = '';
    }
    batch += piece;
  }
  if (batch.length > 0) yield batch;
}
