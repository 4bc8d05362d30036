// A numbered slot of a family no list names: `<family words> <number>` then a separator or nothing, maybe
// behind a region prefix (`US:`, `USA |`, `(UK)`, `[Tubi]`, `US (Peacock 023) |`). Linear channels carry
// numbers too (`Fox 4 Dallas - Fort Worth`, `CBS News 24/7`, `NBC 5 Chicago`, `US : ESPN 2`,
// `SPECTRUM NEWS 1 - DAYTON`, `[Stirr] ABC 7 - WJLA`), so a generic slot needs evidence:
//   - nothing after the number: it is zero-padded (`07`, `023`) or the family says event (`EVENT`, `PPV`);
//   - a separator after it: nothing follows (`Boxing 3 :`), or what follows reads as an event (teams with a
//     strong separator, a time, a placeholder word), or the number is zero-padded and the separator `:`/`|` or
//     what follows names a part (`F3 02 - Monaco Grand Prix - Feature Race`);
//   - words right after the number: they start with a time (`NFL 03 3PM Texans at Patriots`).
// A number that is followed by a call sign (`CW 55 WBNX`) or belongs to a network word never counts.
import { findTimes } from './when/clock.js';
import { isCardTitle } from './hints.js';
import { takePart } from './part.js';
import { isPlaceholderText } from './placeholder.js';

const REGIONS =
  'US|USA|UK|CA|CAN|AU|AUS|NZ|IE|IRL|DE|GER|FR|ES|ESP|IT|ITA|NL|BE|SE|NO|DK|FI|PT|BR|MX|AR|LATAM|LAT|EU|INT|EN|ENG|AR|IN|ZA|PL|TR';
// Symbols and emoji that decorate the start of a name (`★ `, `✪ `, `⚽ `), then region tags.
const REGION_PREFIX = new RegExp(
  `^(?:[\\p{So}\\p{Sk}*#~•|:\\s-]*(?=\\S))?(?:\\[[^\\]]{1,24}\\]\\s*|\\((?:${REGIONS})\\)\\s*|(?:${REGIONS})\\s*[:|•]\\s*|(?:${REGIONS})\\s+-\\s+|(?:${REGIONS})\\s+(?=\\())*`,
  'u',
);
// `(Peacock 023) | ...` once the region is gone: the slot itself sits in parentheses.
const BRACKETED_SLOT = /^\(([^()]{2,40}?\s*\d{1,4})\)\s*/u;

/** Removes a leading region tag and unwraps a bracketed slot: `US (Peacock 023) | X` -> `Peacock 023 | X`. */
export function stripRegionPrefix(name: string): string {
  const rest = name.replace(REGION_PREFIX, '');
  const slot = BRACKETED_SLOT.exec(rest);
  return slot ? `${slot[1]} ${rest.slice(slot[0].length)}`.trim() : rest;
}

const WORD = "[\\p{L}+][\\p{L}\\p{M}+&'.ⓧ-]*";
// A label may end in a number of its own, glued (`F1`, `Moto2`, `NBA2K`) or as a word (`Formula 1`): the slot is
// then the number after a space. A number glued to a plain word stays the slot (`EPL03`, `Soccer06`), and one
// inside a label reads as before (`TV2 Sport 1` is no slot of a `TV2 Sport`).
const NUMBERED_END = '(?:(?:\\d{1,2}\\p{Lu}?|\\s\\d)(?=\\s))?';
// The gap may hold a colon or pipe (`NFL : 15 - ...`, `NFL | 01 - ...`); then a separator must follow the number.
const GENERIC = new RegExp(
  `^(?<family>${WORD}(?: (?:/ )?${WORD}){0,4}?${NUMBERED_END})(?<gap>\\s*(?:[:|]\\s*)?)(?<slot>\\d{1,3})(?![\\p{L}\\p{N}/.,']|:\\d)(?<rest>.*)$`,
  'u',
);
// The slot written last, after the event: `GIRONA - REAL SOCIEDAD | 19:55 CEST | SE: TV4 PLAY PPV 7`.
const TRAILING = /^(?<payload>.*\S)\s*\|\s*(?<slot>[^|]*\p{L}[^|]*?\s(?<number>\d{1,3}))\s*\|?\s*$/u;
const TRAILING_FAMILY = /^[\p{L}\p{N}+&'.-]+(?: [\p{L}\p{N}+&'.-]+){0,4}$/u;
const EVENT_WORD = /\b(?:events?|ppv|game|match|live event|channel number)\b/i;
const NETWORK_WORD =
  /(?:^|\s)(?:abc|cbs|nbc|fox|cw|my|pbs|univision|unimas|telemundo|news|newschannel|local|channel|tv|radio|fm|am|kids|movies?|cinema|classics?|hits?|retro)$/i;
const CALL_SIGN = /^[KW][A-Z]{2,3}(?:-[A-Z0-9]{1,3})?\b/;
const SEPARATOR = /^\s*([:|•]|-(?=\s|\d|$))\s*/u;
const STRONG_MATCHUP = /\s(?:vs\.?|v\.?|versus|@|at|x)\s/i;
// Without a separator after the number, only a clear matchup says the words are an event's.
const CLEAR_MATCHUP = /\s(?:vs\.?|v\.?|versus|@)\s/i;

/** Teams with a clear separator, a time, or (unless left out) a placeholder word: what an event slot says. */
export function readsAsEvent(payload: string, opts: { placeholders?: boolean } = {}): boolean {
  if (STRONG_MATCHUP.test(` ${payload} `) || findTimes(payload).length > 0) return true;
  return (opts.placeholders ?? true) && isPlaceholderText(payload);
}

export interface GenericSlot {
  family: string;
  slot: number;
  payload: string;
}

/** Recognises `<family words> <number>` slots in a name whose region prefix is already removed. */
export function recogniseGenericSlot(core: string): GenericSlot | null {
  const m = GENERIC.exec(core);
  const g = m?.groups;
  if (!g?.family || g.slot === undefined) return null;
  const family = g.family.replace(/[\s.'-]+$/u, '');
  const gapSeparator = /[:|]/.test(g.gap ?? '');
  const padded = g.slot.length > 1 && g.slot.startsWith('0');
  const lastWord = family.split(' ').pop() ?? '';
  // Glued to the number only when the family ends in a real word (`Soccer06`, `EPL03`), not `S08 E09`.
  if (g.gap === '' && !/\p{L}{2,}$/u.test(lastWord)) return null;
  if (family.length < 2 || (NETWORK_WORD.test(family) && !padded)) return null;
  // `UFC 324 - Gaethje vs. Pimblett` is a fight card's number, not slot 324.
  if (isCardTitle(`${family} ${g.slot}`)) return null;
  const eventFamily = EVENT_WORD.test(family);
  const rest = g.rest ?? '';
  const slot = Number(g.slot);
  const sep = SEPARATOR.exec(rest);
  if (rest.trim() === '') {
    return padded || eventFamily ? { family, slot, payload: '' } : null;
  }
  if (gapSeparator && !sep) return null;
  if (sep) {
    const payload = rest.slice(sep[0].length).trim();
    if (CALL_SIGN.test(payload)) return null;
    const colonOrPipe = sep[1] !== '-';
    // Only stream tags after the separator (`NFL : 15 - [1080p]`): an empty slot.
    const bare = payload.replace(/\[[^\]]*\]|\([^)]*\)/gu, '').trim();
    const emptied = bare === '' && (colonOrPipe || gapSeparator);
    const padEvidence = padded && (colonOrPipe || takePart(payload) !== null);
    if (payload === '' || emptied || eventFamily || readsAsEvent(payload) || padEvidence) {
      return { family, slot, payload };
    }
    return null;
  }
  const payload = rest.trim();
  const times = findTimes(payload);
  if (eventFamily || times[0]?.start === 0) return { family, slot, payload };
  // `CBB 105 Wisconsin vs Auburn 7PM ET`: teams and a kick-off right after the number.
  if (CLEAR_MATCHUP.test(` ${payload} `) && (times.length > 0 || padded)) return { family, slot, payload };
  return null;
}

/** A slot written after the event, in the last `|` segment; only when the rest of the name reads as an event. */
export function recogniseTrailingSlot(core: string): GenericSlot | null {
  const g = TRAILING.exec(core)?.groups;
  if (!g?.payload || !g.slot || !g.number) return null;
  const family = stripRegionPrefix(g.slot.slice(0, g.slot.length - g.number.length)).trim();
  if (!TRAILING_FAMILY.test(family) || !/\p{L}{2}/u.test(family)) return null;
  if (NETWORK_WORD.test(family) && !EVENT_WORD.test(family)) return null;
  if (!readsAsEvent(g.payload)) return null;
  return { family, slot: Number(g.number), payload: g.payload.trim() };
}
