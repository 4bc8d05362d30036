// The segment of a payload that holds the event: the part it names taken out first, then its `Competition:`
// prefixes peeled off, then its matchup and, on a fight card, the card's name split off the fighters.
import type { ChannelPart } from '../types.js';
import {
  isCardTitle,
  isKnownLeague,
  isRaceText,
  isStageText,
  isStudioText,
  splitLeadingLeague,
  splitLeadingSport,
} from './hints.js';
import { takePart } from './part.js';
import { splitLeadingSeries } from './series.js';
import { cleanTeam, plain, splitMatchup, stripBrackets, tidy, type Matchup } from './teams.js';

const HAS_LETTER = /\p{L}/u;
const COLON_PREFIX = /^([^:]{1,60}?)\s*:\s*(?=\S)/u;
const NESTED_SLOT = /^(.*\S)\s+\d{1,3}$/u;

export interface MainText {
  text: string;
  hints: string[];
  /** A fight card's title (`UFC Fight Night: A vs. B`). */
  cardTitle: string | null;
  /** Stage words dropped from the front (`Stage 11`), kept as a title of last resort. */
  dropped: string[];
  /** The part of a larger event the segment names (`Race`, `Round 4`, `Main Card`). */
  part: ChannelPart | null;
}

/** Peels `Competition:` prefixes off the main segment: hints, stage words, nested slots, fight cards. */
export function peelPrefixes(segment: string): MainText {
  const out: MainText = { text: tidy(segment), hints: [], cardTitle: null, dropped: [], part: null };
  for (let i = 0; i < 3; i++) {
    const m = COLON_PREFIX.exec(out.text);
    const prefix = m?.[1]?.trim();
    if (!m || !prefix) break;
    const rest = out.text.slice(m[0].length);
    if (!HAS_LETTER.test(plain(rest)) || isStudioText(prefix)) break;
    if (isCardTitle(prefix)) out.cardTitle = plain(out.text);
    else if (isStageText(prefix)) out.dropped.push(prefix);
    else out.hints.push((!isKnownLeague(prefix) && NESTED_SLOT.exec(prefix)?.[1]) || prefix);
    out.text = rest;
  }
  const lead = splitLeadingSport(out.text) ?? splitLeadingSeries(out.text);
  if (lead) {
    out.hints.push(lead.hint);
    out.text = lead.rest;
  }
  return out;
}

/**
 * The main segment read: the part it names leaves the text (`Spanish Grand Prix - Race`: `Spanish Grand Prix`,
 * `Race`) before the prefixes are peeled; a segment that is nothing but a part keeps its words as its text.
 */
export function readMainText(segment: string): MainText {
  const taken = takePart(segment);
  const main = peelPrefixes(taken && HAS_LETTER.test(plain(taken.text)) ? taken.text : segment);
  main.part = taken?.part ?? null;
  return main;
}

// A fight card's name before the first fighter: `UFC 309 Jones`, `ACA 205 Magomedov`, `UFC Fight Night Du
// Plessis`, `ONE Fight Night 45 Lessei`; and what part of the card it is after the last one.
const CARD_LEAD =
  /^((?:\p{Lu}[\p{Lu}\p{L}]{1,5}(?: (?:CF|FC))?(?: Fight Night| Friday Fights)?|UFC Fight Night|ONE Fight Night)(?: \d{1,3})?)\s+(?=\p{Lu})/u;
const CARD_PART = /\s+(?:main card|prelims|early prelims|main event|undercard)$/iu;
// Before the fighters of an event slot, a short capitalised name and a number is a card (`ACA 205`).
const PROMOTION_NUMBER = /^\p{Lu}[\p{L}]{1,5}(?: (?:CF|FC|Fight Night|Friday Fights))? \d{1,3}$/u;
// A rematch's number after the last fighter: `Holloway vs. Oliveira 2`, `Jones vs. Gustafsson II`.
const REMATCH = /\s+(?:[2-5]|II|III|IV)$/u;

/** Splits a card's name off the first fighter, and the card part off the last. */
function splitCard(found: Matchup, main: MainText): void {
  const [first] = found.teams;
  const lead = first ? CARD_LEAD.exec(first) : null;
  if (!lead?.[1] || !first || !(isCardTitle(lead[1]) || PROMOTION_NUMBER.test(lead[1]))) return;
  main.cardTitle ??= plain(main.text);
  found.teams[0] = first.slice(lead[0].length);
  const last = found.teams.length - 1;
  found.teams[last] = (found.teams[last] ?? '').replace(CARD_PART, '');
}

export function findMatchup(main: MainText): Matchup | null {
  if (isStudioText(main.text)) return null;
  let found = splitMatchup(stripBrackets(main.text));
  // `Rennes - Le Mans: 2. runde`: the teams before a colon, what round it is after.
  const inPrefix = found ? -1 : main.hints.findIndex((h) => splitMatchup(stripBrackets(h)) !== null);
  if (inPrefix >= 0) {
    const [prefix] = main.hints.splice(inPrefix, 1);
    main.dropped.push(plain(main.text));
    main.text = prefix ?? '';
    found = splitMatchup(stripBrackets(main.text));
  }
  if (!found) return null;
  // A session says the names around a dash are a race's (`Cup Series - Coca-Cola 600 - Race`).
  if (found.strength !== 'strong' && (isRaceText(main.text) || main.part?.kind === 'session')) return null;
  splitCard(found, main);
  const leading = splitLeadingLeague(found.teams[0] ?? '');
  if (leading && HAS_LETTER.test(leading.rest)) {
    main.hints.push(leading.hint);
    found.teams[0] = cleanTeam(leading.rest);
  }
  for (const lead of found.lead) {
    if (isCardTitle(lead)) main.cardTitle ??= plain(main.text);
    else main.hints.push(lead);
  }
  const last = found.teams.length - 1;
  const fighter = found.teams[last] ?? '';
  if (main.cardTitle !== null && HAS_LETTER.test(fighter.replace(REMATCH, ''))) {
    found.teams[last] = fighter.replace(REMATCH, '');
  }
  return found;
}
