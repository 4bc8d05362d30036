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

/**
 * Splits a whole text held in memory (a leading BOM is dropped). Lines are handed over as ranges of it;
 * nothing is copied.
 */
export function splitTextLines(text: string, sink: LineSink): void {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nl = text.indexOf('\n', pos);
  let cr = text.indexOf('\r', pos);
  while (pos < len) {
    if (nl !== -1 && nl < pos) nl = text.indexOf('\n', pos);
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    const end = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl !== -1 ? nl : len;
    // Dropped like the streaming splitter drops it, so that both read the same lines.
    if (end - pos > MAX_LINE) sink.overlong(text.slice(pos, pos + 64));
    else sink.line(text, pos, end);
    pos = end + 1;
    if (end === cr && text.charCodeAt(pos) === LF) pos++;
  }
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

  return {
    push(bytes) {
      const len = bytes.length;
      if (len === 0) return;
      let pos = 0;
      if (skipLf) {
        skipLf = false;
        if (bytes[0] === LF) pos = 1;
      }
      let nl = bytes.indexOf(LF, pos);
      let cr = bytes.indexOf(CR, pos);
      for (;;) {
        if (nl !== -1 && nl < pos) nl = bytes.indexOf(LF, pos);
        if (cr !== -1 && cr < pos) cr = bytes.indexOf(CR, pos);
        const end = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl;
        if (end === -1) break;
        if (dropping) {
          dropping = false;
        } else if (carry !== null) {
          const line = new Uint8Array(carry.length + end - pos);
          line.set(carry);
          line.set(bytes.subarray(pos, end), carry.length);
          carry = null;
          emit(line, 0, line.length);
        } else {
          emit(bytes, pos, end);
        }
        pos = end + 1;
        if (end === cr) {
          if (pos === len) skipLf = true;
          else if (bytes[pos] === LF) pos++;
        }
      }
      if (pos === len) return;
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
