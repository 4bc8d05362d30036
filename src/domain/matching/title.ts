// Events without teams (fight cards, races): the words of the name against the words of the event's title.
import type { CandidateIndex, IndexedCandidate } from './candidate-index.js';
import { titleTokens } from './candidate-index.js';

export interface TitleHit {
  score: number;
  /** Name words found in the event title. */
  matched: string[];
  rejected?: string;
}

// Card numbers and the like (`UFC 324`, `Yan 2`); four digits are years, which sponsors' titles add freely.
const NUMBER = /^\d{1,3}$/;

/** Words of what the name says about a non-matchup event: its title, and the headliners when it has them. */
export function nameTitleTokens(title: string | null, teams: readonly string[]): string[] {
  return titleTokens([title ?? '', ...teams].join(' '));
}

/**
 * Title words against an event's title: the name's words must be found (weighted by how rare they are among the
 * candidates); the event's words found count for a quarter. A card number that differs rejects.
 */
export function scoreTitle(
  words: readonly string[],
  entry: IndexedCandidate,
  index: CandidateIndex,
  minWords = 2,
): TitleHit {
  const eventWords = new Set(entry.titleTokens);
  if (words.length === 0 || eventWords.size === 0) return { score: 0, matched: [] };
  const nameNumbers = words.filter((w) => NUMBER.test(w));
  const eventNumbers = entry.titleTokens.filter((w) => NUMBER.test(w));
  if (nameNumbers.length > 0 && eventNumbers.length > 0 && !nameNumbers.some((n) => eventWords.has(n))) {
    return {
      score: 0,
      matched: [],
      rejected: `number ${nameNumbers.join('/')} differs from the event's ${eventNumbers.join('/')}`,
    };
  }
  let nameTotal = 0;
  let nameFound = 0;
  const matched: string[] = [];
  for (const w of words) {
    const weight = index.titleWordWeight(w);
    nameTotal += weight;
    if (eventWords.has(w)) {
      nameFound += weight;
      matched.push(w);
    }
  }
  if (matched.length < minWords) return { score: 0, matched };
  let eventTotal = 0;
  let eventFound = 0;
  for (const w of eventWords) {
    const weight = index.titleWordWeight(w);
    eventTotal += weight;
    if (matched.includes(w)) eventFound += weight;
  }
  const nameCoverage = nameFound / nameTotal;
  const eventCoverage = eventTotal === 0 ? 0 : eventFound / eventTotal;
  return { score: 0.95 * nameCoverage * (0.75 + 0.25 * eventCoverage), matched };
}
