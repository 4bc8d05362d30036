import type { PlaylistEntry } from '../../src/domain/types.js';

/** A live playlist entry with every field set; tests override what they are about. */
export function playlistEntry(overrides: Partial<PlaylistEntry> = {}): PlaylistEntry {
  return {
    name: 'Channel',
    url: 'http://line.example.net:8080/live/u/p/1.ts',
    duration: -1,
    attrs: {},
    tvgId: '',
    tvgName: '',
    logo: '',
    group: '',
    options: [],
    vodMarker: false,
    line: 1,
    ...overrides,
  };
}
