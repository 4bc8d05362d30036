// Splitting a matchup into teams in written order and cleaning each team (rank marks, brackets, stray
// separators). What the separator says about home and away is kept: `@` and `at` put the away team first.
import { KICK, MARK, unmark } from './when/datetime.js';
import { isKnownLeague, isSportText, isStageText } from './hints.js';

export type SeparatorStrength = 'strong' | 'word' | 'weak' | 'kickoff';

export interface Matchup {
  teams: string[];
  awayFirst: boolean;
  /** strong: vs / v / @; word: at / x / contre...; weak: ` - `; kickoff: a time between the teams. */
  strength: SeparatorStrength;
  /** Text before the first team, split off at ` - ` (`Indian Premier League 2025 - 63rd Match - A vs B`). */
  lead: string[];
}

// Most specific first (teamarr GAME_SEPARATORS): ` vs. `, ` vs `, ` v. `, ` v `, ` @ `, ` at `, ` x `...
const SEPARATORS: { re: RegExp; awayFirst: boolean; strength: SeparatorStrength }[] = [
  { re: /\s+(?:vs\.?|versus|v\.?)\s+/giu, awayFirst: false, strength: 'strong' },
  { re: /\s*@\s*/gu, awayFirst: true, strength: 'strong' },
  // `TC Live at the Hall of Fame` is a place, not an opponent.
  { re: /\s+at\s+(?!the\s)/giu, awayFirst: true, strength: 'word' },
  { re: /\s+(?:x|contre|gegen|contra|mot|tegen)\s+/giu, awayFirst: false, strength: 'word' },
  { re: /\s+-\s+/gu, awayFirst: false, strength: 'weak' },
];
const DASH_SPLIT = /\s+-\s+/u;
// A time (not a date) between two names: `Monaco 20:00 Tottenham 22/10`.
const KICKOFF = new RegExp(`[\\s${MARK}]*${KICK}[\\s${MARK}${KICK}]*`, 'u');
const HAS_LETTER = /\p{L}/u;
const WEAK_VETO =
  /\b(?:day|week|round|stage|leg|game|match|session|heat|part|race|practice|qualifying|court)\s*#?\d|\b\d{4}\b/iu;

// No team name runs longer than this; a longer side of a ` - ` is a sentence (`Federer - An Icon Returns ...`).
const MAX_TEAM_WORDS = 5;
const EVENT_AT_VENUE =
  /\b(?:\d{3,}|cup|open|classic|invitational|championships?|series|trophy|grand prix|rally|tour)\b/iu;

const BRACKET = /[()[\]{}]/;
const BRACKETS = /\[[^[\]]*\]|\([^()]*\)|\{[^{}]*\}/gu;
// `#12 Georgetown`, `No. 5 Texas`, `(5) Duke`, `8 Alabama`: 1-2 digit ranks before a name.
const RANK = /^(?:#\s*\d{1,2}|no\.\s*\d{1,2}|\d{1,2})\s+(?=\p{L})/iu;
// A season before the first team: `2026 Dickinson vs Juniata`.
const LEADING_YEAR = /^(?:19|20)\d{2}\s+(?=\p{L})/u;
const JUNK = new Set([...` \t${MARK}${KICK}-:|,;/@*~=`]);

/** Trims spaces, markers and stray separators from both ends (a loop: a `[...]+$` regex is quadratic). */
function trimJunk(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && JUNK.has(text[start]!)) start++;
  while (end > start && JUNK.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

// A US state or Canadian province after a school keeps it apart from its namesakes: `Miami (OH)`,
// `Georgetown (KY)`. Other bracketed codes (`(SE)`, `(EN)`) are regions and languages, and go.
const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|QC|BC|AB|MB|SK|NS|NB';
const QUALIFIER = new RegExp(`(?<=\\p{L}\\.?)\\s*\\((${STATES})\\)(?=$|[^\\p{L}\\p{N}])`, 'gu');
const KEPT_OPEN = '\uE001';
const KEPT_CLOSE = '\uE002';

/**
 * Removes bracketed groups, nested ones too (`Monarch (FL) vs Don Bosco Prep (NJ) (Monarch (FL) vs ...)`), but
 * a state qualifier right after a name.
 */
export function stripBrackets(text: string): string {
  if (!BRACKET.test(text)) return text;
  let t = text.replace(QUALIFIER, ` ${KEPT_OPEN}$1${KEPT_CLOSE}`);
  for (let i = 0; i < 4 && /[([{]/.test(t); i++) t = t.replace(BRACKETS, ' ');
  return t
    .replace(/[()[\]{}]/g, ' ')
    .replaceAll(KEPT_OPEN, '(')
    .replaceAll(KEPT_CLOSE, ')');
}

/** Removes brackets (but a state qualifier), rank marks and stray separators; collapses spaces. */
export function cleanTeam(raw: string): string {
  let t = stripBrackets(unmark(raw)).replace(/\s+/g, ' ').trim();
  t = t
    .replace(RANK, '')
    .replace(LEADING_YEAR, '')
    .replace(/\s#\d{1,2}\b/g, '');
  return trimJunk(t.replace(/\s+/g, ' '));
}

const EMPTY_BRACKETS = new RegExp(`\\([\\s${MARK}${KICK},-]*\\)|\\[[\\s${MARK}${KICK},-]*\\]`, 'gu');

/** Drops emptied brackets, trims markers and separators from both ends, collapses spaces; keeps inner markers. */
export function tidy(text: string): string {
  return trimJunk(text.replace(EMPTY_BRACKETS, ' ').replace(/\s+/g, ' '));
}

/** tidy() without any marker left: text fit for a title. */
export function plain(text: string): string {
  return tidy(unmark(text).replace(EMPTY_BRACKETS, ' '));
}

const AT_BEFORE_MARK = new RegExp(`@(?=\\s*${MARK})`, 'gu');

/** `@` whose right side is only a date or time (or nothing) is a time marker, not a separator. */
export function dropTimeMarkers(text: string): string {
  return text
    .replace(AT_BEFORE_MARK, ' ')
    .replace(/@(?=[\s,-]*(?:$|[|(]))/gu, ' ')
    .replace(/^\s*@/u, ' ');
}

function splitOn(text: string): { parts: string[]; awayFirst: boolean; strength: SeparatorStrength } | null {
  for (const s of SEPARATORS) {
    const parts = text.split(s.re);
    if (parts.length >= 2 && parts.every((p) => HAS_LETTER.test(p))) {
      return { parts, awayFirst: s.awayFirst, strength: s.strength };
    }
  }
  const trimmed = tidy(text);
  const kick = trimmed.split(KICKOFF);
  if (kick.length === 2 && kick.every((p) => HAS_LETTER.test(p))) {
    return { parts: kick, awayFirst: false, strength: 'kickoff' };
  }
  // Last, two capitalised single words joined by a hyphen and nothing else: `Pacers-Bulls`.
  const glued = GLUED_HYPHEN.exec(unmark(trimmed).trim());
  if (glued?.[1] && glued[2]) return { parts: [glued[1], glued[2]], awayFirst: false, strength: 'weak' };
  return null;
}

const GLUED_HYPHEN = /^(\p{Lu}[\p{L}.']+)-(\p{Lu}[\p{L}.']+)$/u;

/** A time inside a team's text ends it: what follows (`... Pirates 6:30p ET ESPN2`) is not the team. */
function cutAtKickOff(part: string, keep: 'first' | 'last'): string {
  const pieces = part.split(KICKOFF).filter((p) => HAS_LETTER.test(p));
  return (keep === 'first' ? pieces[0] : pieces[pieces.length - 1]) ?? part;
}

/**
 * Splits `text` into teams, or returns null when it holds no matchup. Around a strong separator, ` - ` still
 * splits off leading context (`Indian Premier League 2025 - 63rd Match - Mumbai Indians vs Delhi Capitals`)
 * and trailing stage words, but not a hyphen inside a name (`Point Loma vs. Concordia - St. Paul`).
 */
export function splitMatchup(text: string): Matchup | null {
  const found = splitOn(text);
  if (!found) return null;
  const parts = [...found.parts];
  const lead: string[] = [];
  if (found.strength !== 'kickoff' && parts.length >= 2) {
    parts[0] = cutAtKickOff(parts[0] ?? '', 'last');
    parts[parts.length - 1] = cutAtKickOff(parts[parts.length - 1] ?? '', 'first');
  }
  // `Engelsk Premier League - Brentford - Spurs`: of three names joined by dashes, the first is the context.
  if (found.strength === 'weak' && parts.length === 3) lead.push(tidy(parts.shift() ?? ''));
  if (found.strength !== 'weak') {
    const left = (parts[0] ?? '').split(DASH_SPLIT);
    if (left.length > 1) {
      parts[0] = left.pop() ?? '';
      lead.push(...left.map(tidy).filter((s) => s && !isStageText(s)));
    }
    const last = parts.length - 1;
    const right = (parts[last] ?? '').split(DASH_SPLIT);
    const trailing = (t: string) => isStageText(t) || isSportText(t) || isKnownLeague(t);
    while (right.length > 1 && trailing(cleanTeam(right[right.length - 1] ?? ''))) right.pop();
    parts[last] = right.join(' - ');
  }
  const teams = parts.map(cleanTeam);
  if (teams.some((t) => !HAS_LETTER.test(t))) return null;
  // ` - ` also separates an event from its session: `PTT Hungary Men - Day 3`, `MLTT - Week 1, Day 1`,
  // `US Open: Day #2 - Court TBD` (read before cleaning takes `#2` for a rank).
  const vetoed = (t: string) => isStageText(t) || WEAK_VETO.test(t) || t.split(' ').length > MAX_TEAM_WORDS;
  if (found.strength === 'weak' && (teams.some(vetoed) || parts.some(vetoed))) return null;
  // `IWK 250 at Riverside`, `Skunk Cup at Magic Valley`: an event at its venue, not an opponent.
  if (found.awayFirst && found.strength === 'word' && EVENT_AT_VENUE.test(teams[0] ?? '')) return null;
  return { teams, awayFirst: found.awayFirst, strength: found.strength, lead };
}
