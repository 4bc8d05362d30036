// Text that says "nothing is on": an empty slot, `NO EVENT`, `-- NO EVENT --`, `OFF AIR`, `TBD`, `Coming soon`,
// `No programmed channel today`, `Offline`... (teamarr PLACEHOLDER_PATTERNS, ECM NoEventPattern).
import { KICK, MARK, unmark } from './when/datetime.js';

// Only separators, dashes, dots and the date/time marker left.
const EMPTY = new RegExp(`^[\\s\\p{P}\\p{S}${MARK}${KICK}]*$`, 'u');
const WHOLE = /^(?:tbd|tba|tbc|n\/a|offline|stand ?by|no events?|no games?|no match(?:es)?|placeholder)$/i;
const STARTS =
  /^(?:coming soon|to be (?:announced|determined|confirmed)|off[- ]?air|no signal|please stand ?by|technical difficulties|no (?:live |scheduled |current )?(?:events?|games?|matche?s?|programm(?:ing|ed)|stream|broadcast|content|feed)\b|nothing (?:scheduled|on)|not (?:in use|available)|unavailable|event (?:ended|over|finished))/i;
const CONTAINS =
  /\b(?:no events?|offline|off[- ]air|no games? scheduled|no programmed|no (?:live|scheduled) events?)\b/i;

/** True when `text` (a payload or a whole name, without its slot) announces that nothing is on. */
export function isPlaceholderText(text: string): boolean {
  if (EMPTY.test(text)) return true;
  const t = unmark(text)
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ');
  return WHOLE.test(t) || STARTS.test(t) || CONTAINS.test(t);
}

const UNDECIDED_TEAM = /^(?:tbd|tba|tbc|to be (?:announced|determined|confirmed)|\?+)$/i;

/** `TBD vs TBD`: a matchup whose every side is still unknown says nothing either. */
export function isUndecidedTeam(team: string): boolean {
  return UNDECIDED_TEAM.test(team.trim());
}
