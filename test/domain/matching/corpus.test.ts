// The development corpus end to end through the pure core: parse each labelled name, pick candidates with
// candidateQuery over the checked-in family mappings, match, and score the answers against the labels.
import { describe, expect, it } from 'vitest';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { loadFamilyLeagueMappings } from '../../../src/config/leagues.js';
import { familyLeaguesLookup } from '../../../src/domain/family-leagues.js';
import { compileFamilies } from '../../../src/domain/channel-name/families.js';
import { parseChannelName } from '../../../src/domain/channel-name/parse.js';
import { admitsLeague, candidateQuery, inWindow } from '../../../src/domain/matching/candidates.js';
import { DEFAULT_MATCH_THRESHOLD, matchChannel } from '../../../src/domain/matching/decide.js';
import { createCandidateIndex, type Candidate } from '../../../src/domain/matching/candidate-index.js';
import { teamAliases } from '../../../src/domain/matching/team-names.js';
import type { SportEvent } from '../../../src/domain/types.js';
import {
  CORPUS_NOW,
  CORPUS_ZONE,
  loadCorpusEvents,
  loadCorpusLabels,
  type CorpusEvent,
  type CorpusTeam,
} from '../../support/corpus.js';

// What the store holds for a team: ESPN's name fields, and TheSportsDB's alternates.
function aliasesOf(t: CorpusTeam | undefined): string[] {
  if (!t) return [];
  const { displayName, shortDisplayName, abbreviation, location, name } = t;
  return teamAliases({
    displayName,
    shortDisplayName,
    abbreviation,
    location,
    name,
    strTeamAlternate: (t.alternates ?? []).join(','),
  });
}

function toCandidate(e: CorpusEvent): Candidate {
  const event: SportEvent = {
    id: `evt-${e.tsdbId ?? e.id}`,
    league: e.league,
    sport: e.sport ?? 'unknown',
    title: e.name,
    startsAt: new Date(e.startUtc),
    status: null,
    statusDetail: null,
    venue: e.venue ?? null,
    home: e.home?.displayName ?? null,
    away: e.away?.displayName ?? null,
    image: null,
    externalIds: { espn: e.id, thesportsdb: e.tsdbId },
  };
  return { event, homeAliases: aliasesOf(e.home), awayAliases: aliasesOf(e.away) };
}

describe('matching the development corpus', () => {
  const candidates = loadCorpusEvents().map(toCandidate);
  const labels = loadCorpusLabels();
  const families = compileFamilies([], loadDefaultFamilies());
  const leaguesForFamily = familyLeaguesLookup(loadFamilyLeagueMappings());
  const espnIdOf = new Map(candidates.map((c) => [c.event.id, c.event.externalIds.espn]));

  const results = labels.map((label) => {
    const parsed = parseChannelName(label.name, { now: CORPUS_NOW, timeZone: CORPUS_ZONE, families });
    const query = candidateQuery(parsed, {
      leaguesForFamily,
      now: CORPUS_NOW,
      timeZone: CORPUS_ZONE,
    });
    const pool = candidates.filter(
      (c) => admitsLeague(query, c.event.league) && inWindow(query, c.event.startsAt),
    );
    const decision = matchChannel(parsed, createCandidateIndex(pool), {
      threshold: DEFAULT_MATCH_THRESHOLD,
      query,
    });
    const got = decision.eventId === null ? null : (espnIdOf.get(decision.eventId) ?? null);
    return { label, decision, got, expected: label.expect?.eventId ?? null };
  });

  it('is precise and finds nearly every event channel', () => {
    const made = results.filter((r) => r.got !== null);
    const correct = made.filter((r) => r.got === r.expected);
    const eventChannels = results.filter((r) => r.expected !== null);
    const precision = made.length === 0 ? 0 : correct.length / made.length;
    const recall = correct.length / eventChannels.length;
    console.log(
      `corpus: ${correct.length}/${made.length} matches right (precision ${precision.toFixed(3)}), ` +
        `${correct.length}/${eventChannels.length} event channels found (recall ${recall.toFixed(3)})`,
    );
    for (const r of results) {
      if (r.got !== r.expected)
        console.log(
          `  ${r.label.name} -> ${r.got ?? 'none'} (want ${r.expected ?? 'none'}): ${r.decision.why}`,
        );
    }
    expect(eventChannels.length).toBeGreaterThan(30);
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });

  it('matches nothing on placeholders and linear channels, and says why', () => {
    const others = results.filter((r) => r.label.kind !== 'event');
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      expect(r.got).toBeNull();
      expect(r.decision.why).not.toBe('');
    }
  });

  it('explains every match by its teams and its time', () => {
    for (const r of results.filter((x) => x.got !== null)) {
      expect(r.decision.confidence).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
      expect(r.decision.why).toMatch(/both teams exact on aliases|"[^"]+" \w+/);
      expect(r.decision.why).toMatch(/start within \d+ min|no time in the name|on the name's date/);
    }
  });
});
