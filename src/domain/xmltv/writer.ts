// Streamed XMLTV. Element order follows xmltv.dtd (programme: title, sub-title, desc, category, icon,
// episode-num, new); strict validators reject any other order. No DOCTYPE line: .NET readers with their
// default settings (Jellyfin's) refuse documents that carry one, and validators take the DTD as an argument.
import { offsetMinutes, pad2 } from '../time.js';
import type { Programme } from '../schedule/scheduler.js';
import { escapeCleanXmlAttr, escapeCleanXmlText, escapeXmlAttr, stripInvalidXmlChars } from './escape.js';

export interface XmltvChannel {
  id: string;
  displayName: string;
  icon: string | null;
}

export interface WriteXmltvInput {
  channels: Iterable<XmltvChannel>;
  programmes: Iterable<Programme>;
  /** Provider zone: start and stop carry its real offset at each instant. */
  timeZone: string;
  generatorName?: string;
  generatorUrl?: string;
  sourceInfoName?: string;
  sourceInfoUrl?: string;
  /**
   * Emit `<live/>` on live blocks. It is not in the DTD (Jellyfin reads it), so a strictly validated guide
   * must leave it off; providers opt in.
   */
  includeLive?: boolean;
  /** Characters gathered before a chunk is yielded (default 64 Ki). */
  chunkSize?: number;
}

const MINUTE = 60_000;

/**
 * A formatter of `YYYYMMDDhhmmss +zzzz` in one zone (offsets come from time.ts's hourly memo). Programmes of a
 * guide share their block boundaries, so each instant is formatted once.
 */
export function createXmltvTimeFormatter(timeZone: string): (instant: Date) => string {
  const memo = new Map<number, string>();
  return (instant: Date): string => {
    const ms = instant.getTime();
    const known = memo.get(ms);
    if (known !== undefined) return known;
    if (memo.size >= 50_000) memo.clear();
    const formatted = formatAt(ms);
    memo.set(ms, formatted);
    return formatted;
  };

  function formatAt(ms: number): string {
    const instant = new Date(ms);
    const minutes = offsetMinutes(timeZone, instant);
    const local = new Date(ms + minutes * MINUTE);
    const abs = Math.abs(minutes);
    return (
      String(local.getUTCFullYear()).padStart(4, '0') +
      pad2(local.getUTCMonth() + 1) +
      pad2(local.getUTCDate()) +
      pad2(local.getUTCHours()) +
      pad2(local.getUTCMinutes()) +
      pad2(local.getUTCSeconds()) +
      (minutes < 0 ? ' -' : ' +') +
      pad2(Math.floor(abs / 60)) +
      pad2(abs % 60)
    );
  }
}

/** `20261125193000 -0500`: the wall clock of `timeZone` at `instant` with that zone's offset then. */
export function formatXmltvTime(instant: Date, timeZone: string): string {
  return createXmltvTimeFormatter(timeZone)(instant);
}

/** Trimmed after forbidden characters go, so that a title of control characters counts as empty. */
const cleanText = (value: string): string => stripInvalidXmlChars(value).trim();

const attr = (name: string, value: string | undefined): string => {
  const text = value === undefined ? '' : cleanText(value);
  return text === '' ? '' : ` ${name}="${escapeCleanXmlAttr(text)}"`;
};

/** An element with text, or '' when the text is empty once forbidden characters are gone. */
const textElement = (name: string, value: string | undefined): string => {
  const text = value === undefined ? '' : cleanText(value);
  return text === '' ? '' : `    <${name}>${escapeCleanXmlText(text)}</${name}>\n`;
};

function channelXml(channel: XmltvChannel): string {
  const name = escapeCleanXmlText(cleanText(channel.displayName) || stripInvalidXmlChars(channel.id));
  const iconSrc = cleanText(channel.icon ?? '');
  const icon = iconSrc ? `    <icon src="${escapeCleanXmlAttr(iconSrc)}"/>\n` : '';
  return `  <channel id="${escapeXmlAttr(channel.id)}">\n    <display-name>${name}</display-name>\n${icon}  </channel>\n`;
}

/**
 * Escaped texts that repeat on every programme of a channel (its id, the sport's categories) or across
 * channels; a guide has a few thousand distinct ones over hundreds of thousands of programmes.
 */
function createRepeatMemo(escape: (text: string) => string, limit = 10_000): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = escape(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

interface ProgrammeWriter {
  time: (d: Date) => string;
  includeLive: boolean;
  channelAttr: (id: string) => string;
  categoryElement: (category: string) => string;
  /** Cleaned, escaped text; '' when nothing is left. */
  text: (value: string) => string;
  iconElement: (src: string) => string;
}

/** What follows a programme's start tag: the same for a channel's consecutive blocks that share their texts. */
function programmeBody(p: Programme, w: ProgrammeWriter): string {
  // tv_validate_file rejects an empty title.
  let xml = `    <title>${w.text(p.title) || 'Untitled'}</title>\n`;
  const subTitle = p.subTitle === undefined ? '' : w.text(p.subTitle);
  if (subTitle) xml += `    <sub-title>${subTitle}</sub-title>\n`;
  const desc = p.desc === undefined ? '' : w.text(p.desc);
  if (desc) xml += `    <desc>${desc}</desc>\n`;
  for (const category of p.categories) xml += w.categoryElement(category);
  if (p.icon) xml += w.iconElement(p.icon);
  const episode = p.episodeNum === undefined ? '' : w.text(p.episodeNum);
  if (episode) xml += `    <episode-num system="dd_progid">${episode}</episode-num>\n`;
  if (p.isNew) xml += '    <new/>\n';
  if (w.includeLive && p.live) xml += '    <live/>\n';
  return `${xml}  </programme>\n`;
}

/** Whether two programmes carry the same texts: the same strings and category list, compared by identity. */
const sameTexts = (a: Programme, b: Programme): boolean =>
  a.title === b.title &&
  a.subTitle === b.subTitle &&
  a.desc === b.desc &&
  a.categories === b.categories &&
  a.icon === b.icon &&
  a.episodeNum === b.episodeNum &&
  a.isNew === b.isNew &&
  a.live === b.live;

/**
 * UTF-8 chunks of about `size` bytes, filled in place: a programme's start tag is encoded into the chunk and its
 * body copied there as bytes, so no long string is ever built and flattened.
 */
function createChunks(size: number) {
  // A chunk asked to be huge still starts at 4 MiB and is handed out whenever the next piece would not fit.
  const capacity = (need: number) => Math.max(Math.min(size, 1 << 22), need) + 4096;
  let buf = Buffer.allocUnsafe(capacity(0));
  let pos = 0;
  return {
    /** The chunk so far when `bytes` more would not fit, else null; the next chunk has room for them. */
    makeRoom(bytes: number): Buffer | null {
      if (pos + bytes <= buf.length) return null;
      const full = buf.subarray(0, pos);
      buf = Buffer.allocUnsafe(capacity(bytes));
      pos = 0;
      return full.length > 0 ? full : null;
    },
    /** Room must have been made for `3 * text.length` bytes. */
    text(text: string): void {
      pos += buf.write(text, pos);
    },
    bytes(bytes: Buffer): void {
      pos += bytes.copy(buf, pos);
    },
    /** The chunk once it holds `size` bytes, else null. */
    take(): Buffer | null {
      return pos < size ? null : this.flush();
    },
    /** Whatever the chunk holds. */
    flush(): Buffer {
      const full = buf.subarray(0, pos);
      buf = Buffer.allocUnsafe(capacity(0));
      pos = 0;
      return full;
    },
  };
}

/**
 * The guide as UTF-8 chunks of about `chunkSize` bytes: header, every channel, every programme, footer.
 * Programmes are written in the order given (the caller sorts them). A chunk never splits a character.
 */
export function* writeXmltv(input: WriteXmltvInput): Generator<Buffer, void, undefined> {
  const writer: ProgrammeWriter = {
    time: createXmltvTimeFormatter(input.timeZone),
    includeLive: input.includeLive ?? false,
    channelAttr: createRepeatMemo(escapeXmlAttr),
    categoryElement: createRepeatMemo((category) => textElement('category', category)),
    // Titles, sub-titles and descriptions repeat on every block of a channel and across channels.
    text: createRepeatMemo((value) => escapeCleanXmlText(cleanText(value))),
    iconElement: createRepeatMemo((src) => {
      const clean = cleanText(src);
      return clean ? `    <icon src="${escapeCleanXmlAttr(clean)}"/>\n` : '';
    }),
  };
  const out = createChunks(input.chunkSize ?? 64 * 1024);
  function* put(text: string): Generator<Buffer, void, undefined> {
    const full = out.makeRoom(3 * text.length);
    if (full) yield full;
    out.text(text);
    const chunk = out.take();
    if (chunk) yield chunk;
  }
  yield* put(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<tv${attr('source-info-url', input.sourceInfoUrl)}${attr('source-info-name', input.sourceInfoName)}` +
      `${attr('generator-info-name', input.generatorName ?? 'epgoat')}${attr('generator-info-url', input.generatorUrl)}>\n`,
  );
  for (const channel of input.channels) yield* put(channelXml(channel));

  // Consecutive blocks of a channel usually share their texts: their body is made and encoded once.
  let last: Programme | null = null;
  let body = Buffer.alloc(0);
  for (const p of input.programmes) {
    if (!Number.isFinite(p.start.getTime())) continue;
    if (last === null || !sameTexts(last, p)) {
      body = Buffer.from(programmeBody(p, writer), 'utf8');
      last = p;
    }
    const stop = Number.isFinite(p.stop.getTime()) ? ` stop="${writer.time(p.stop)}"` : '';
    const tag = `  <programme start="${writer.time(p.start)}"${stop} channel="${writer.channelAttr(p.channelId)}">\n`;
    const full = out.makeRoom(3 * tag.length + body.length);
    if (full) yield full;
    out.text(tag);
    out.bytes(body);
    const chunk = out.take();
    if (chunk) yield chunk;
  }
  yield* put('</tv>\n');
  const rest = out.flush();
  if (rest.length > 0) yield rest;
}
