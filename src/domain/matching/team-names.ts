// Team names reduced to one comparable form, and the alias sets built from source records.
import { repairMojibake } from '../mojibake.js';

/** A team as known to one source, with the normalised names it may be written as. */
export interface TeamRecord {
  source: 'espn' | 'thesportsdb';
  /** The source's team id. */
  id: string;
  /** League key (`NBA`), or the source's league name when no configured league matches. */
  league: string;
  /** Full display name as the source writes it (`Los Angeles Lakers`, `Arsenal`). */
  name: string;
  shortName: string | null;
  abbreviation: string | null;
  location: string | null;
  logo: string | null;
  /** The team's colours as `rrggbb` (ESPN's `color`/`alternateColor`, TheSportsDB's `strColour1`/`2`). */
  color?: string | null;
  alternateColor?: string | null;
  /** ESPN's id for the team when known (TheSportsDB carries it as `idESPN`). */
  espnId: string | null;
  /** Normalised aliases (see `teamAliases`), the full name first. */
  aliases: string[];
}

/** Name fields of an ESPN team or a TheSportsDB team; every field optional so either shape fits. */
export interface TeamNameFields {
  displayName?: string | null;
  shortDisplayName?: string | null;
  abbreviation?: string | null;
  location?: string | null;
  name?: string | null;
  nickname?: string | null;
  strTeam?: string | null;
  /** Comma-separated. */
  strTeamAlternate?: string | null;
  strTeamShort?: string | null;
  /** Comma-separated nicknames. */
  strKeywords?: string | null;
}

// Letters that NFKD does not split into base + mark.
const FOLD: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ß: 'ss',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

// Club-form words that say nothing about which club: dropped from either end while a real word remains.
const AFFIX_PREFIXES = new Set([
  'fc',
  'afc',
  'cf',
  'sc',
  'cd',
  'ac',
  'as',
  'ss',
  'ssc',
  'sl',
  'sv',
  'vfb',
  'vfl',
  'tsg',
  'fk',
  'sk',
  'nk',
  'rc',
  'rcd',
  'ud',
  'sd',
  'ca',
  'bsc',
  'kv',
  'krc',
]);
const AFFIX_SUFFIXES = new Set(['fc', 'afc', 'cf', 'sc', 'cd', 'ac', 'fk', 'sk', 'cp', 'sv']);

/**
 * One comparable form of a team name: lower case, accents folded, `&` -> `and`, `St.` -> `saint`
 * (`state` when last: `Michigan St.`), punctuation dropped, club affixes (`FC`, `AFC`, `CF`...) removed
 * while something else remains, whitespace collapsed.
 */
export function normalizeTeamName(input: string): string {
  let s = repairMojibake(input).replace(FOLD_RE, (c) => FOLD[c] ?? c);
  s = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  s = s.replace(/[\u2018\u2019\u02bc`´']/g, '');
  // Dotted initials are one word: `L.A.` -> `la`, `D.C.` -> `dc`.
  s = s.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  // `A&M` is one word; other ampersands read "and".
  s = s.replace(/\b(\p{L})\s*&\s*(\p{L})\b/gu, '$1$2').replace(/&/g, ' and ');
  const words = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'st') words[i] = i === words.length - 1 && i > 0 ? 'state' : 'saint';
    else if (w === 'ste') words[i] = 'sainte';
    else if (w === 'mt') words[i] = 'mount';
  }
  return stripAffixes(words).join(' ');
}

function stripAffixes(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  const meaningful = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (!/^\d+$/.test(words[i] ?? '')) return true;
    return false;
  };
  // `1. FC Köln`: a leading number that belongs to the affix goes with it.
  if (/^\d+$/.test(words[0] ?? '') && AFFIX_PREFIXES.has(words[1] ?? '') && meaningful(2, end)) start = 2;
  while (start < end - 1 && AFFIX_PREFIXES.has(words[start] ?? '') && meaningful(start + 1, end)) start++;
  while (end - 1 > start && AFFIX_SUFFIXES.has(words[end - 1] ?? '') && meaningful(start, end - 1)) end--;
  return words.slice(start, end);
}

function splitList(s: string | null | undefined): string[] {
  return s ? s.split(',') : [];
}

/**
 * The normalised names a team may be written as: ESPN `displayName`, `shortDisplayName`, `abbreviation`,
 * `location`, `name`, `location + name`; TheSportsDB `strTeam`, each of `strTeamAlternate`, `strTeamShort`,
 * each of `strKeywords`. Deduplicated, empty ones dropped, the full name first. `location` alone is
 * ambiguous in cities with several teams; callers decide what an alias shared by two teams means.
 */
export function teamAliases(team: TeamNameFields): string[] {
  const raw: (string | null | undefined)[] = [
    team.displayName,
    team.strTeam,
    team.location && team.name ? `${team.location} ${team.name}` : null,
    team.shortDisplayName,
    team.name,
    team.nickname,
    team.location,
    team.abbreviation,
    team.strTeamShort,
    ...splitList(team.strTeamAlternate),
    ...splitList(team.strKeywords),
  ];
  const out = new Set<string>();
  for (const r of raw) {
    if (!r) continue;
    const n = normalizeTeamName(r);
    if (n !== '') out.add(n);
  }
  return [...out];
}
