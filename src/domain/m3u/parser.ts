import { createEntryReader, type EntryReaderOptions } from './entries.js';
import { createByteLineSplitter, createChunkEncoder } from './lines.js';
import type { ParseStats, PlaylistEntry, PlaylistHeader } from '../types.js';

export interface M3uParser {
  /** Feeds the next piece of text; returns the entries completed by it. */
  push(chunk: string): PlaylistEntry[];
  /** Flushes the last line and a pending entry. */
  end(): PlaylistEntry[];
  readonly header: PlaylistHeader;
  readonly stats: ParseStats;
}

/**
 * A streaming extended-M3U parser over text chunks cut anywhere (CRLF, CR or LF; a leading BOM is
 * dropped). Malformed entries are skipped and counted in `stats`, never thrown. Each kept field becomes a
 * string of its own, so entries kept from a long stream do not keep the chunks they came from alive.
 */
export function createM3uParser(): M3uParser {
  const reader = createEntryReader();
  const lines = createByteLineSplitter(reader);
  const encoder = createChunkEncoder();
  return {
    header: reader.header,
    stats: reader.stats,
    push(chunk) {
      lines.push(encoder.encode(chunk));
      return reader.take();
    },
    end() {
      lines.push(encoder.flush());
      lines.end();
      reader.finish();
      return reader.take();
    },
  };
}

/** Characters of a whole text encoded at a time by {@link parseM3u}. */
const TEXT_PIECE = 64 * 1024;

/**
 * Parses a whole playlist held in memory. The text is read as its UTF-8 bytes, like a fetched playlist
 * (a lone surrogate becomes U+FFFD), a piece at a time so that no second copy of it is ever whole.
 */
export function parseM3u(text: string): {
  header: PlaylistHeader;
  entries: PlaylistEntry[];
  stats: ParseStats;
} {
  const parser = createM3uParser();
  const entries: PlaylistEntry[] = [];
  for (let at = 0; at < text.length; at += TEXT_PIECE) {
    for (const entry of parser.push(text.slice(at, at + TEXT_PIECE))) entries.push(entry);
  }
  for (const entry of parser.end()) entries.push(entry);
  return { header: parser.header, entries, stats: parser.stats };
}

/**
 * Parses a byte stream (text chunks are encoded first) without holding it whole, yielding the entries each
 * chunk completes as one batch (a batch per entry would cost a promise per entry). UTF-8 is decoded field by
 * field, exactly as a streaming `TextDecoder` would decode it (a leading BOM is dropped, invalid sequences
 * become U+FFFD). `stats` receives the final stats and header once the source is exhausted; `options.wants`
 * may turn entries away by their URL before they are built.
 */
export async function* parseM3uBatches(
  source: AsyncIterable<Uint8Array | string>,
  stats?: (s: ParseStats, h: PlaylistHeader) => void,
  options?: EntryReaderOptions,
): AsyncGenerator<PlaylistEntry[]> {
  const reader = createEntryReader(options);
  const lines = createByteLineSplitter(reader);
  const encoder = createChunkEncoder();
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      lines.push(encoder.encode(chunk));
    } else {
      lines.push(encoder.flush());
      lines.push(chunk);
    }
    const done = reader.take();
    if (done.length > 0) yield done;
  }
  lines.push(encoder.flush());
  lines.end();
  reader.finish();
  const done = reader.take();
  if (done.length > 0) yield done;
  stats?.(reader.stats, reader.header);
}
