// Line splitters for the M3U parser. A line ends at LF, CR or CRLF, also when a chunk boundary falls
// between the CR and the LF. Unfinished lines are carried to the next chunk; a line longer than MAX_LINE is
// dropped as it arrives, so that a source without line breaks cannot grow memory.

/** Longest line kept: 1 MiB of UTF-8, or 1 Mi UTF-16 units of text already in memory. */
export const MAX_LINE = 1 << 20;

const LF = 10;
const CR = 13;

export interface LineSink {
  /** One complete line, `s[from, to)`, without its line break. */
  line(s: string, from: number, to: number): void;
  /** A line longer than {@link MAX_LINE} was dropped; `head` is its beginning. */
  overlong(head: string): void;
}

export interface LineSplitter {
  push(chunk: Uint8Array): void;
  end(): void;
}

// Line breaks are found with indexOf('\n') when a text or chunk has no CR at all, else by a scan of each
// line. Keeping a cached indexOf('\r') position inside the loop, re-searched only once passed, looks
// cheaper but is not: on Node 20 the optimised loop was seen calling it on every line, each call searching
// the rest of a CR-free text (minutes for 20 MB). No indexOf sits in a branch of these loops.

/** Index of the first CR or LF in `s` from `from`, or `s.length`. */
function scanTextBreak(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) break;
    i++;
  }
  return i;
}

/**
 * Splits a whole text held in memory (a leading BOM is dropped). Lines are handed over as ranges of it;
 * nothing is copied.
 */
export function splitTextLines(text: string, sink: LineSink): void {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Hands over the line ending at `end`; returns where the next one starts.
  const deliver = (end: number): number => {
    // Dropped like the streaming splitter drops it, so that both read the same lines.
    if (end - pos > MAX_LINE) sink.overlong(text.slice(pos, pos + 64));
    else sink.line(text, pos, end);
    return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  };
  if (text.indexOf('\r', pos) === -1) {
    while (pos < len) {
      const nl = text.indexOf('\n', pos);
      pos = deliver(nl === -1 ? len : nl);
    }
  } else {
    while (pos < len) pos = deliver(scanTextBreak(text, pos));
  }
}

/** Index of the first CR or LF in `bytes` from `from`, or -1. */
function scanByteBreak(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || b === CR) return i;
  }
  return -1;
}

/**
 * Splits UTF-8 bytes and decodes each line on its own. Line breaks never occur inside a multi-byte
 * sequence, so this decodes exactly as a streaming decoder would; and each line becomes a string of its
 * own (one byte per character unless it has characters past U+00FF) rather than a view into a chunk, so
 * that entries kept by a consumer do not keep their neighbours' text alive.
 */
export function createByteLineSplitter(sink: LineSink): LineSplitter {
  // Without `stream`, every decode call drops a leading BOM: the file's, and stray ones at line starts.
  const decoder = new TextDecoder('utf-8');
  let carry: Uint8Array | null = null;
  let skipLf = false;
  let dropping = false;

  function emit(bytes: Uint8Array, from: number, to: number): void {
    if (to - from > MAX_LINE) {
      sink.overlong(decoder.decode(bytes.subarray(from, from + 64)));
      return;
    }
    const s = from === to ? '' : decoder.decode(bytes.subarray(from, to));
    sink.line(s, 0, s.length);
  }

  function keep(rest: Uint8Array): void {
    if (dropping) return;
    if (rest.length <= MAX_LINE) {
      carry = rest.length === 0 ? null : rest;
      return;
    }
    carry = null;
    dropping = true;
    sink.overlong(decoder.decode(rest.subarray(0, 64)));
  }

  // Hands over the line `bytes[pos, end)` (with any carried start); returns where the next one starts.
  function line(bytes: Uint8Array, pos: number, end: number): number {
    if (dropping) {
      dropping = false;
    } else if (carry !== null) {
      const joined = new Uint8Array(carry.length + end - pos);
      joined.set(carry);
      joined.set(bytes.subarray(pos, end), carry.length);
      carry = null;
      emit(joined, 0, joined.length);
    } else {
      emit(bytes, pos, end);
    }
    const next = end + 1;
    if (bytes[end] !== CR) return next;
    if (next === bytes.length) skipLf = true;
    return bytes[next] === LF ? next + 1 : next;
  }

  return {
    push(bytes) {
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
        for (let end = scanByteBreak(bytes, pos); end !== -1; end = scanByteBreak(bytes, pos)) {
          pos = line(bytes, pos, end);
        }
      }
      if (pos === len || dropping) return;
      // A copy: the source may reuse its buffer for the next chunk.
      const rest = bytes.slice(pos);
      if (carry === null) {
        keep(rest);
      } else {
        const joined = new Uint8Array(carry.length + rest.length);
        joined.set(carry);
        joined.set(rest, carry.length);
        keep(joined);
      }
    },
    end() {
      if (carry !== null) emit(carry, 0, carry.length);
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
