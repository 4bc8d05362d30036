// The part of a larger event a name says it carries: a race weekend's session (`Qualifying`, `FP1`, `Carrera`), a
// tournament's round (`Round 4`, `R2`, `Final Round`, `Quarterfinal`) or a fight card's segment (`Prelims`,
// `Main Card`), read in the label a part is given. Its words leave the text, so that what remains is the event's
// own name. A part stands in brackets (`UFC 324 (Prelims)`, `(Men's Final)`), between separators
// (`Spanish Grand Prix - Race`, `Race - Spanish Grand Prix`, `UFC 326: Main Event - A vs B`, `X, Round 1`), or
// last without one when its words say nothing else (`Rd 4`, `FP2`, `Main Card`) or follow a race's name
// (`Spanish GP Qualifying`, but not `RuPaul's Drag Race` nor `World Cup Qualifying`).
import type { ChannelPart } from '../types.js';
import { isCardTitle } from './hints.js';
import { plain, stripBrackets, tidy } from './teams.js';

/**
 * Where the words may stand without a separator before them: anywhere, after a race's name, after a fight
 * card's title, after two players, or never.
 */
type Glue = 'always' | 'race' | 'card' | 'players' | 'never';

interface Phrase {
  kind: ChannelPart['kind'];
  /** Source of the words, case-insensitive; a number, when the label has one, is the first group that matched. */
  words: string;
  label: (n: string | undefined) => string;
  glue: Glue;
  /** Letters that elsewhere name a team or a place (`SF`, `Q`, `P1`): read beside a race's name or two players. */
  abbreviation?: boolean;
  /** `GP` stands for the race only beside the event's name; alone, it is the event. */
  needsName?: boolean;
}

const ORDINALS: Record<string, string> = {
  first: '1', '1st': '1', opening: '1', second: '2', '2nd': '2', third: '3', '3rd': '3', fourth: '4', '4th': '4',
}; // prettier-ignore
const ORDINAL = '(first|second|third|fourth|1st|2nd|3rd|4th|opening)';
const number = (n: string | undefined): string => (n ? (ORDINALS[n.toLowerCase()] ?? String(Number(n))) : '');
const fixed = (label: string) => (): string => label;
const numbered = (label: string) => (n: string | undefined) => `${label} ${number(n)}`;

const PHRASES: Phrase[] = [
  // Fight cards.
  { kind: 'segment', words: 'early (?:prelims?|prelim card|preliminar(?:y|ies)(?: card)?)', label: fixed('Early Prelims'), glue: 'always' },
  { kind: 'segment', words: 'prelims?|prelim card|preliminar(?:y|ies)(?: card)?|preliminares|undercard', label: fixed('Prelims'), glue: 'always' },
  { kind: 'segment', words: '(?:ppv )?main card|cartelera (?:principal|estelar)', label: fixed('Main Card'), glue: 'always' },
  { kind: 'segment', words: 'main event', label: fixed('Main Card'), glue: 'card' },
  // Race weekends, longest first: `Sprint Qualifying` before `Sprint` and `Qualifying`.
  { kind: 'session', words: "sprint[ -]?(?:qualifying|qualy|quali(?:fication|fikation|fiche)?|shoot-?out)|(?:clasificaci[oó]n|qualifications?|qualifiche|qualifying|quali) (?:al |de la |du |della )?sprint", label: fixed('Sprint Qualifying'), glue: 'always' },
  { kind: 'session', words: 'sq', label: fixed('Sprint Qualifying'), glue: 'never', abbreviation: true },
  { kind: 'session', words: 'sprint race|(?:carrera|course|gara|corrida) sprint|sprintrennen', label: fixed('Sprint'), glue: 'always' },
  { kind: 'session', words: 'sprint', label: fixed('Sprint'), glue: 'race' },
  { kind: 'session', words: 'qualifying|qualy|quali|qual|qualifications?|qualifiche|qualifikation|clasificaci[oó]n|classifica[cç][aã]o|kwalificatie', label: fixed('Qualifying'), glue: 'race' },
  { kind: 'session', words: 'q[1-3]?', label: fixed('Qualifying'), glue: 'race', abbreviation: true },
  { kind: 'session', words: '(?:free )?practice ?#?(\\d)|fp ?(\\d)|(?:entrenamientos? |ensayos? )?libres? ?(\\d)|essais libres ?(\\d)|freies training ?(\\d)|(\\d)\\.? freies training|prove libere ?(\\d)|treino livre ?(\\d)', label: numbered('Practice'), glue: 'always' },
  { kind: 'session', words: `${ORDINAL} (?:free )?practice`, label: numbered('Practice'), glue: 'always' },
  { kind: 'session', words: '(?:p|el|pl|tl) ?(\\d)', label: numbered('Practice'), glue: 'race', abbreviation: true },
  { kind: 'session', words: 'training ?(\\d)', label: numbered('Practice'), glue: 'never' },
  { kind: 'session', words: '(?:free |final )?practice|entrenamientos libres|essais libres|freies training', label: fixed('Practice'), glue: 'race' },
  { kind: 'session', words: '(?:feature|main) race', label: fixed('Race'), glue: 'always' },
  { kind: 'session', words: 'race ?#?(\\d)', label: numbered('Race'), glue: 'race' },
  { kind: 'session', words: 'race|carrera|rennen|gara|corrida', label: fixed('Race'), glue: 'race' },
  { kind: 'session', words: 'course', label: fixed('Race'), glue: 'never' },
  { kind: 'session', words: 'grand prix|gp|gran premio|grande pr[eê]mio', label: fixed('Race'), glue: 'never', needsName: true },
  // Tournaments: golf rounds, tennis rounds.
  { kind: 'round', words: 'final round', label: fixed('Final Round'), glue: 'always' },
  { kind: 'round', words: `${ORDINAL} round`, label: numbered('Round'), glue: 'always' },
  { kind: 'round', words: 'round of (16|32|64|128)|r(16|32|64|128)|last (16|32)', label: numbered('Round of'), glue: 'always' },
  { kind: 'round', words: 'round ?#?(\\d{1,2})|rd\\.? ?(\\d{1,2})|r([1-9])', label: numbered('Round'), glue: 'always' },
  { kind: 'round', words: 'final', label: fixed('Final'), glue: 'players' },
  { kind: 'round', words: 'semi-?finals?|semis', label: fixed('Semifinal'), glue: 'players' },
  { kind: 'round', words: 'sf', label: fixed('Semifinal'), glue: 'players', abbreviation: true },
  { kind: 'round', words: 'quarter-?finals?', label: fixed('Quarterfinal'), glue: 'players' },
  { kind: 'round', words: 'qf', label: fixed('Quarterfinal'), glue: 'players', abbreviation: true },
]; // prettier-ignore

// Whose round it is, before a tennis round: `Men's Final`, `Ladies' Singles Semi-Final`, `Women's Doubles, Final`.
const DRAW =
  "(?:(?:men|women|ladies|gentlemen|boys|girls)['’]?s?\\s+|mixed\\s+)?(?:(?:singles|doubles)\\s*,?\\s+)?";

interface CompiledPhrase extends Phrase {
  whole: RegExp;
  last: RegExp | null;
}

const COMPILED: CompiledPhrase[] = PHRASES.map((p) => ({
  ...p,
  whole: new RegExp(`^${p.kind === 'round' ? DRAW : ''}(?:${p.words})$`, 'iu'),
  last: p.glue === 'never' ? null : new RegExp(`\\s(?:${p.words})$`, 'iu'),
}));

// What the glued words follow when they follow a race's name: `Spanish Grand Prix`, `Monaco GP`, `Indy 500`.
const RACE_END = /(?:grand prix|\bgp|prix|premio|pr[eê]mio|preis|\b\d{3,4})$/iu;
const PLAYERS = /\s(?:vs\.?|v\.?|@)\s/iu;
// What an abbreviation needs beside it: a race's name, or two players.
const RACE_OR_PLAYERS =
  /\b(?:grand prix|gp|e-?prix|gran premio|grande pr[eê]mio|gro(?:ß|ss)er preis)\b|\s(?:vs\.?|v\.?|@)\s/iu;
const HAS_LETTER = /\p{L}/u;

function partOf(p: CompiledPhrase, m: RegExpExecArray): ChannelPart {
  return { kind: p.kind, label: p.label(m.slice(1).find((g) => g !== undefined)) };
}

/**
 * `words`, all of them, as a part; `beside` gives what the name says beside them, asked only of words that may
 * be a part.
 */
export function readWholePart(words: string, beside: () => string): ChannelPart | null {
  const text = plain(words);
  if (text === '' || text.length > 40) return null;
  for (const p of COMPILED) {
    const m = p.whole.exec(text);
    if (!m) continue;
    if (p.abbreviation && !RACE_OR_PLAYERS.test(` ${beside()} `)) return null;
    if (p.needsName && !HAS_LETTER.test(beside())) return null;
    return partOf(p, m);
  }
  return null;
}

export interface TakenPart {
  part: ChannelPart;
  /** The text without the part's words and their separator; '' when the part was all of it. */
  text: string;
}

const BRACKETED = /\(([^()]*)\)|\[([^[\]]*)\]/gu;
const PIECE_SEPARATOR = /(\s+[-–—]\s+|\s*[:,]\s+)/u;

function fromBrackets(text: string): TakenPart | null {
  if (!text.includes('(') && !text.includes('[')) return null;
  for (const m of text.matchAll(BRACKETED)) {
    const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
    const part = readWholePart(m[1] ?? m[2] ?? '', () => plain(stripBrackets(rest)));
    if (part) return { part, text: tidy(rest) };
  }
  return null;
}

/** The last piece between separators that is a part; the separator before it goes too (after it, when first). */
function fromPieces(text: string): TakenPart | null {
  const pieces = text.split(PIECE_SEPARATOR);
  const without = (i: number): string =>
    (i === pieces.length - 1
      ? pieces.slice(0, Math.max(0, i - 1))
      : [...pieces.slice(0, i), ...pieces.slice(i + 2)]
    ).join('');
  for (let i = pieces.length - 1; i >= 0; i -= 2) {
    const part = readWholePart(stripBrackets(pieces[i] ?? ''), () => plain(stripBrackets(without(i))));
    if (part) return { part, text: tidy(without(i)) };
  }
  return null;
}

// Any words that may be glued to the end, tried first: most pieces end in none.
const ANY_LAST = new RegExp(
  `\\s(?:${PHRASES.filter((p) => p.glue !== 'never')
    .map((p) => `(?:${p.words})`)
    .join('|')})$`,
  'iu',
);

/** Words glued to the end of `piece`, and the piece without them. */
function fromEnd(piece: string): TakenPart | null {
  if (!ANY_LAST.test(piece)) return null;
  for (const p of COMPILED) {
    const m = p.last?.exec(piece);
    if (!m) continue;
    const before = tidy(piece.slice(0, m.index));
    if (!HAS_LETTER.test(before)) continue;
    if (p.glue === 'race' && !RACE_END.test(before)) continue;
    if (p.glue === 'card' && !isCardTitle(before)) continue;
    if (p.glue === 'players' && !PLAYERS.test(` ${before} `)) continue;
    if (p.abbreviation && !RACE_OR_PLAYERS.test(` ${before} `)) continue;
    return { part: partOf(p, m), text: before };
  }
  return null;
}

/** Words glued to the end of the last piece that has them: `Genesis Invitational Rd 4`, `UFC 326 Prelims: A vs B`. */
function fromPieceEnds(text: string): TakenPart | null {
  const pieces = text.split(PIECE_SEPARATOR);
  for (let i = pieces.length - 1; i >= 0; i -= 2) {
    const found = fromEnd(tidy(pieces[i] ?? ''));
    if (!found) continue;
    return {
      part: found.part,
      text: tidy([...pieces.slice(0, i), found.text, ...pieces.slice(i + 1)].join('')),
    };
  }
  return null;
}

/** The part `text` names and the text without it, or null when it names none. */
export function takePart(text: string): TakenPart | null {
  const t = tidy(text);
  return fromBrackets(t) ?? fromPieces(t) ?? fromPieceEnds(t);
}
