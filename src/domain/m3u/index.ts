// Extended M3U: reading playlists byte by byte in streamed batches (`parser`, over `lines`, `entries` and
// `attributes`), telling VOD from live (`vod`), and writing a playlist back (`writer`).
export { createM3uParser, parseM3u, parseM3uBatches } from './parser.js';
export { isVodEntry, maybeLive, vodByUrl, type VodRule } from './vod.js';
export { writeM3u, writeM3uEntries, writeM3uHeader } from './writer.js';
