import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseM3u } from '../../../src/domain/m3u/parser.js';
import { writeM3u } from '../../../src/domain/m3u/writer.js';
import type { PlaylistEntry } from '../../../src/domain/types.js';
import { playlistEntry } from '../../support/playlist-entry.js';

function entry(overrides: Partial<PlaylistEntry>): PlaylistEntry {
  return playlistEntry({ name: 'ESPN', ...overrides });
}

const write = (entries: PlaylistEntry[], attrs: Record<string, string> = {}) =>
  [...writeM3u({ attrs }, entries)].join('');

describe('writeM3u', () => {
  it('writes the header, quoted attributes, the name and the URL of each entry', () => {
    const text = write(
      [
        entry({
          name: 'NBA 01: Lakers vs Celtics',
          tvgId: 'nba-01.acme',
          tvgName: 'NBA 01',
          logo: 'http://logo/nba.png',
          group: 'US| NBA',
          attrs: { 'tvg-chno': '101' },
        }),
      ],
      { 'url-tvg': 'http://epg/acme.xml' },
    );
    expect(text).toBe(
      '#EXTM3U url-tvg="http://epg/acme.xml"\n' +
        '#EXTINF:-1 tvg-id="nba-01.acme" tvg-name="NBA 01" tvg-logo="http://logo/nba.png" group-title="US| NBA" ' +
        'tvg-chno="101",NBA 01: Lakers vs Celtics\n' +
        'http://line.example.net:8080/live/u/p/1.ts\n',
    );
  });

  it('lets the entry fields win over their copies in attrs', () => {
    const parsed = parseM3u('#EXTINF:-1 tvg-id="old.id" tvg-name="Old",Channel\nhttp://h/1').entries[0];
    if (!parsed) throw new Error('no entry');
    const [again] = parseM3u(write([{ ...parsed, tvgId: 'new.id' }])).entries;
    expect(again?.tvgId).toBe('new.id');
    expect(again?.attrs).toEqual({ 'tvg-id': 'new.id', 'tvg-name': 'Old' });
  });

  it('makes quotes in values and line breaks in names and values safe', () => {
    const text = write([
      entry({ name: 'Line one\r\nline two, "quoted"', tvgName: 'The "Best"\nShow', attrs: { note: 'a"b' } }),
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`#EXTINF:-1 tvg-name="The 'Best' Show" note="a'b",Line one line two, "quoted"`);
    const [back] = parseM3u(text).entries;
    expect(back?.name).toBe('Line one line two, "quoted"');
    expect(back?.tvgName).toBe("The 'Best' Show");
  });

  it('leaves out attributes whose keys would not survive a parse', () => {
    const text = write([entry({ attrs: { 'bad key': 'x', 'a=b': 'y', 'q"': 'z', ok: '1' } })]);
    expect(text.split('\n')[1]).toBe('#EXTINF:-1 ok="1",ESPN');
  });

  it('leaves out entries without a URL', () => {
    const text = write([entry({ name: 'No stream', url: null }), entry({ name: 'Stream' })]);
    expect(parseM3u(text).entries.map((e) => e.name)).toEqual(['Stream']);
  });

  it('writes options and the VOD marker, but not copies of directives it writes itself', () => {
    const text = write([
      entry({
        vodMarker: true,
        options: ['#EXTVLCOPT:http-user-agent=UA', '#EXTINF:-1,Injected', '#EXTGRP:Other', 'not a directive'],
      }),
    ]);
    expect(text.split('\n').slice(1, -1)).toEqual([
      '#EXTINF:-1,ESPN',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXTVLCOPT:http-user-agent=UA',
      'http://line.example.net:8080/live/u/p/1.ts',
    ]);
  });

  it('round-trips the development corpus entry by entry', () => {
    const source = readFileSync(new URL('../../fixtures/corpus/playlist.m3u', import.meta.url), 'utf8');
    const first = parseM3u(source);
    const second = parseM3u(write(first.entries, first.header.attrs));
    expect(second.header).toEqual(first.header);
    expect(second.entries.map(({ line: _l, ...e }) => e)).toEqual(
      first.entries.map(({ line: _l, ...e }) => e),
    );
  });

  it('yields a long playlist in pieces of bounded size', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => entry({ name: `Channel ${i}`, tvgId: `c${i}` }));
    const pieces = [...writeM3u({ attrs: {} }, entries)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(33 * 1024);
    expect(parseM3u(pieces.join('')).entries).toHaveLength(2000);
  });
});
