// The development corpus committed under test/fixtures/corpus (made by the shared corpus generator): a
// provider playlist, three days of events, and labels saying which event each channel carries.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = resolve(import.meta.dirname, '../fixtures/corpus');
/** The moment the corpus was made for, and the provider's zone. */
export const CORPUS_NOW = new Date('2026-11-25T17:00:00Z');
export const CORPUS_ZONE = 'America/New_York';

export interface CorpusTeam {
  id: string;
  location: string;
  name: string;
  abbreviation: string;
  displayName: string;
  shortDisplayName: string;
  alternates?: string[];
  college?: boolean;
}

export interface CorpusEvent {
  id: string;
  tsdbId?: string;
  league: string;
  sport?: string;
  sportName?: string;
  /** UTC instant, `2026-11-25T00:00:00Z`. */
  startUtc: string;
  minutes: number;
  home?: CorpusTeam;
  away?: CorpusTeam;
  name: string;
  shortName?: string;
  venue?: string;
  /** Fight cards and races: no competitors. */
  card?: boolean;
}

export interface CorpusLabel {
  /** As the playlist writes it, trimmed as the parser reads it (`NBA 11: ` is read as `NBA 11:`). */
  name: string;
  tvgId: string;
  group: string;
  kind: 'event' | 'placeholder' | 'linear';
  expect: { eventId: string; tsdbId: string; league: string; startUtc: string } | null;
}

export function loadCorpusEvents(file = resolve(CORPUS_DIR, 'events.json')): CorpusEvent[] {
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusEvent[];
}

/** The same events with every team's other names dropped: the sources then list no nickname at all. */
export function withoutAlternates(events: readonly CorpusEvent[]): CorpusEvent[] {
  return events.map((e) => ({
    ...e,
    ...(e.home && { home: { ...e.home, alternates: [] } }),
    ...(e.away && { away: { ...e.away, alternates: [] } }),
  }));
}

export function loadCorpusLabels(): CorpusLabel[] {
  const labels = JSON.parse(readFileSync(resolve(CORPUS_DIR, 'labels.json'), 'utf8')) as CorpusLabel[];
  return labels.map((l) => ({ ...l, name: l.name.trim() }));
}

export function corpusPlaylistText(): string {
  return readFileSync(resolve(CORPUS_DIR, 'playlist.m3u'), 'utf8');
}
