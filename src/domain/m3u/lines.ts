import { Buffer } from 'node:buffer';

// The line splitter for the M3U parser. A line ends at LF, CR or CRLF, also when a chunk boundary falls
// between the CR and the LF. Unfinished lines are carried to the next chunk; a line longer than MAX_LINE is
// dropped as it arrives, so that a source without line breaks cannot grow memory.

/** Longest line kept: 1 MiB of UTF-8. */
export const MAX_LINE = 1 << 20;

/** How much of a dropped line the reader is shown. */
const HEAD = 64;

const LF = 10;
const CR = 13;

export interface LineSink {
  /** One complete line, `bytes[from, to)` (UTF-8), without its line break. */
  line(bytes: Buffer, from: number, to: number): void;
  /** A line longer than {@link MAX_LINE} was dropped; `bytes[from, to)` is its beginning. */
  overlong(bytes: Buffer, from: number, to: number): void;
  /** The bytes of the lines handed over so far may be reused from now on. */
  endOfChunk(): void;
}

export interface LineSplitter {
  push(chunk: Uint8Array): void;
  end(): void;
}

// Line breaks are found with indexOf(LF) when a chunk has no CR at all, else by a scan of each line. Keeping
// a cached indexOf(CR) position inside the loop, re-searched only once passed, looks cheaper but is not: on
// Node 20 the optimised loop was seen calling it on every line, each call searching the rest of a CR-free
// text (minutes for 20 MB). No indexOf sits in a branch of these loops.

/** Index of the first CR or LF in `bytes[from, to)`, or `to`. */
function scanBreak(bytes: Buffer, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const b = bytes[i];
    if (b === LF || b === CR) break;
    i++;
  }
  return i;
}

/**
 * Splits UTF-8 bytes into lines, handed over as byte ranges of the chunk they arrived in (or, for a line cut
 * by a chunk boundary, of a joined copy). Nothing is decoded here: the entry reader turns only the fields it
 * keeps into strings, so kept entries do not hold their neighbours' text alive.
 */
export function createByteLineSplitter(sink: LineSink): LineSplitter {
  // The unfinished line at the end of the previous chunk.
  let carry: Buffer | null = null;
  let skipLf = false;
  let dropping = false;

  function deliver(bytes: Buffer, from: number, to: number): void {
    if (to - from > MAX_LINE) sink.overlong(bytes, from, from + HEAD);
    else sink.line(bytes, from, to);
  }

  function keep(rest: Buffer): void {
    if (dropping) return;
    if (rest.length <= MAX_LINE) {
      carry = rest.length === 0 ? null : rest;
      return;
    }
    carry = null;
    dropping = true;
    sink.overlong(rest, 0, HEAD);
  }

  // Hands over the line `bytes[pos, end)` (with any carried start); returns where the next one starts.
  function line(bytes: Buffer, pos: number, end: number): number {
    if (dropping) {
      dropping = false;
    } else if (carry !== null) {
      const joined = Buffer.concat([carry, bytes.subarray(pos, end)]);
      carry = null;
      deliver(joined, 0, joined.length);
    } else {
      deliver(bytes, pos, end);
    }
    const next = end + 1;
    if (bytes[end] !== CR) return next;
    if (next === bytes.length) skipLf = true;
    return bytes[next] === LF ? next + 1 : next;
  }

  return {
    push(chunk) {
      const bytes = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      const len = bytes.length;
      if (len === 0) return;
      let pos = 0;
      if (skipLf) {
        skipLf = false;
        if (bytes[0] === LF) pos = 1;
      }
      if (bytes.indexOf(CR, pos) === -1) {
        for (let end = bytes.indexOf(LF, pos); end !== -1; end = bytes.indexOf(LF, pos)) {
          pos = line(bytes, pos, end);
        }
      } else {
        for (let end = scanBreak(bytes, pos, len); end < len; end = scanBreak(bytes, pos, len)) {
          pos = line(bytes, pos, end);
        }
      }
      sink.endOfChunk();
      if (pos === len || dropping) return;
      // A copy: the source may reuse its buffer for the next chunk.
      const rest = Buffer.from(bytes.subarray(pos));
      keep(carry === null ? rest : Buffer.concat([carry, rest]));
    },
    end() {
      if (carry !== null) deliver(carry, 0, carry.length);
      sink.endOfChunk();
      carry = null;
      dropping = false;
    },
  };
}

/**
 * UTF-8 encoding of text chunks for the byte splitter. A chunk that ends inside a surrogate pair keeps its
 * high half back for the next one, so that cutting text anywhere encodes as the whole would.
 */
export function createChunkEncoder(): { encode(chunk: string): Uint8Array; flush(): Uint8Array } {
  const encoder = new TextEncoder();
  let high = '';
  return {
    encode(chunk) {
      let text = high + chunk;
      high = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        high = text.slice(-1);
        text = text.slice(0, -1);
      }
      return encoder.encode(text);
    },
    flush() {
      const rest = high;
      high = '';
      return encoder.encode(rest);
    },
  };
}
