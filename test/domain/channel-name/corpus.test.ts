// The generated development corpus: every labelled channel of test/fixtures/corpus/labels.json, read at the
// corpus's moment (2026-11-25 12:00 New York).
import { describe, expect, it } from 'vitest';
import { parseChannelName } from '../../../src/domain/channel-name/parse.js';
import { CORPUS_NOW, CORPUS_ZONE, loadCorpusLabels, type CorpusLabel } from '../../support/corpus.js';
import { defaultFamilies } from './support.js';

const labels = loadCorpusLabels();
const ctx = { now: CORPUS_NOW, timeZone: CORPUS_ZONE, families: defaultFamilies() };
const byKind = (kind: CorpusLabel['kind']): CorpusLabel[] => labels.filter((l) => l.kind === kind);

describe('parseChannelName on the corpus labels', () => {
  it('has labels of every kind to check', () => {
    expect(byKind('event').length).toBeGreaterThan(40);
    expect(byKind('placeholder').length).toBeGreaterThan(40);
    expect(byKind('linear').length).toBeGreaterThan(10);
  });

  it.each(byKind('event'))('reads $name as an event with its teams and start', (label) => {
    const p = parseChannelName(label.name, ctx);
    expect(p.kind).toBe('event');
    expect(p.family).not.toBeNull();
    if (p.title === null) expect(p.teams).toHaveLength(2);
    // Names that carry a time must land on the event's real start.
    if (/\d{1,2}(:\d{2})?\s*[AP]M|\d{1,2}:\d{2}/i.test(label.name)) {
      expect(p.startsAt?.toISOString()).toBe(new Date(label.expect?.startUtc ?? NaN).toISOString());
    } else {
      expect(p.startsAt).toBeNull();
    }
  });

  it.each(byKind('placeholder'))('reads $name as a placeholder', (label) => {
    const p = parseChannelName(label.name, ctx);
    expect(p.kind).toBe('placeholder');
    expect(p.slot).not.toBeNull();
  });

  it.each(byKind('linear'))('reads $name as a linear channel', (label) => {
    const p = parseChannelName(label.name, ctx);
    expect(p.kind).toBe('other');
    expect(p.startsAt).toBeNull();
  });
});
