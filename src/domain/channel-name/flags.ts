// Tags that describe the stream rather than the event: quality, feed, network, language, highlights, replay.
// They move from the text into ChannelFlags so they never end up inside a team name.
import type { ChannelFlags } from '../types.js';

export function emptyFlags(): ChannelFlags {
  return { quality: [], feed: [], network: [], language: [], highlights: false, replay: false };
}

// prettier-ignore
const LANGUAGES: Record<string, string> = {
  spanish: 'es', espanol: 'es', español: 'es', castellano: 'es', english: 'en', french: 'fr', francais: 'fr',
  français: 'fr', portuguese: 'pt', portugues: 'pt', português: 'pt', german: 'de', deutsch: 'de',
  italian: 'it', italiano: 'it',
};

function addOnce(list: string[], value: string): void {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v && !list.some((x) => x.toLowerCase() === v.toLowerCase())) list.push(v);
}

function canonicalQuality(tag: string): string {
  const t = tag.toUpperCase();
  if (/^\d+[PI]$/.test(t)) return t.slice(0, -1) + t.slice(-1).toLowerCase();
  return t.replace(/FPS$/, 'fps');
}

/** The match and its numbered groups. */
type Groups = (string | undefined)[];
/** A rule: what to take out, what it says, and a cheap probe the text must pass for the rule to be tried. */
type Rule = [RegExp, (m: Groups, flags: ChannelFlags) => void, RegExp?];

const BRACKET = /[([]/;
const FEED = /feed/i;

// Order matters: `( NBA TV Feed )` is a feed before it is a network, a bracketed `[HD]` before a bare `HD`.
const RULES: Rule[] = [
  [/\b(?:en|in)\s+espa(?:ñ|n)ol\b\s*-?/giu, (_m, f) => addOnce(f.language, 'es'), /espa/i],
  [
    /[([]\s*(spanish|espa(?:ñ|n)ol|castellano|english|french|fran(?:ç|c)ais|portuguese|portugu(?:ê|e)s|german|deutsch|italian|italiano)\s*[)\]]/giu,
    (m, f) => addOnce(f.language, LANGUAGES[(m[1] ?? '').toLowerCase()] ?? ''),
    BRACKET,
  ],
  [
    /[([]\s*(4K|8K|UHD|FHD|HD|HDR|SD|(?:2160|1080|720)[pi]|[56]0 ?fps|HEVC)\s*[)\]]/giu,
    (m, f) => addOnce(f.quality, canonicalQuality(m[1] ?? '')),
    BRACKET,
  ],
  [
    /(?<![\p{L}\p{N}])(4K|8K|UHD|FHD|HDR|HD|(?:2160|1080|720)[pPiI])(?![\p{L}\p{N}])/gu,
    (m, f) => addOnce(f.quality, canonicalQuality(m[1] ?? '')),
    /HD|4K|8K|0[pPiI]/,
  ],
  [/\(\s*(home|away|national|local)\s*\)/giu, (m, f) => addOnce(f.feed, (m[1] ?? '').toLowerCase()), BRACKET],
  [
    /\b(home|away|national|local)\s+feed\b\s*:?/giu,
    (m, f) => addOnce(f.feed, (m[1] ?? '').toLowerCase()),
    FEED,
  ],
  [/\bmulti-?feed\b/giu, (_m, f) => addOnce(f.feed, 'multi'), FEED],
  // A feed named after a dash at the end: `... - Special Feed`, `- Spanish Feed`.
  [/\s-\s*((?:\p{L}+\s){0,2}feed)\s*$/giu, (m, f) => addOnce(f.feed, (m[1] ?? '').toLowerCase()), FEED],
  [
    /\(\s*([^()]*?\b(?:feed|vision|cam|manningcast|simulcast|alt(?:ernate)? (?:broadcast|telecast))\b[^()]*?)\s*\)/giu,
    (m, f) => addOnce(f.feed, m[1] ?? ''),
    BRACKET,
  ],
  // A feed word in capitals glued after a team: `Toronto Blue Jays NATIONAL @ ...`.
  [
    /\s(NATIONAL|HOME|AWAY)(?=\s*(?:$|[@|(]))/gu,
    (m, f) => addOnce(f.feed, (m[1] ?? '').toLowerCase()),
    /NATIONAL|HOME|AWAY/,
  ],
  [
    /\(\s*([^()]*?\b(?:network|front row)\b[^()]*?|ESPN[U2]?|ESPNEWS|ABC|CBS|NBC|FOX|FS[12]|TNT|TBS|truTV|NBCSN|SECN|ACCN|BTN|CBSSN|NFLN|MLBN|NHLN|NBA ?TV|Peacock|Prime Video|DAZN|TSN\d?|Sportsnet|Sky Sports[^()]*)\s*\)/giu,
    (m, f) => addOnce(f.network, m[1] ?? ''),
    BRACKET,
  ],
  [
    /[([]\s*(?:highlights?|condensed(?: game)?|recap)\s*[)\]]|\s-\s*highlights?\s*$|^\s*highlights?\s*:/giu,
    (_m, f) => (f.highlights = true),
    /highlight|condensed|recap/i,
  ],
  [
    /[([]\s*(?:replay|re-?air|encore|rebroadcast|R)\s*[)\]]|^\s*(?:replay|re-?air)\s*[:|-]/giu,
    (_m, f) => (f.replay = true),
    /[([]|replay|re-?air/i,
  ],
  // Abbreviated tags after the teams: `Pacers v Bulls Hlts`, `... Rpl`, `... (Alt)`, `... Alt Feed`.
  [/[([]?\s*\b(?:hlts?|hls)\b\.?\s*[)\]]?/giu, (_m, f) => (f.highlights = true), /hlt|hls/i],
  [/[([]?\s*\b(?:rpl|rply)\b\.?\s*[)\]]?/giu, (_m, f) => (f.replay = true), /rpl/i],
  [
    /[([]?\s*\balt(?:ernate)?\.?(?:\s+(?:feed|cast|broadcast|stream|audio))?\b\s*[)\]]?(?=\s*(?:$|[|([•]))/giu,
    (_m, f) => addOnce(f.feed, 'alternate'),
    /alt/i,
  ],
  // A broadcast tag before the teams: `TNF: Bills @ Chiefs`, `MNF - ...`, `ESPN2: ...`, `NBA TV: ...`.
  [
    /^\s*(TNF|MNF|SNF|TNT|TBS|truTV|ESPN[U2]?|ABC|CBS|NBC|FOX|FS[12]|NBA ?TV|NFL Network|NHL Network|MLB Network|Prime Video|Peacock|Sky Sports(?: [A-Z][a-z]+)?|TSN\d?|Sportsnet(?: ONE)?|DAZN)\s*(?::|-\s|\|)\s*/giu,
    (m, f) => addOnce(f.network, m[1] ?? ''),
  ],
  [/^\s*(TNF|MNF|SNF)\s+/gu, (m, f) => addOnce(f.network, m[1] ?? '')],
  // "Live", "today" and "at" (the hour) in the languages lineups are written in, before a time or at the end:
  // `En Vivo 20:00`, `- HOY 7:00PM`, `Hora 17:00`, `kl. 19.00`, `om 20:00`, `um 20:00 Uhr`.
  [
    /(?<![\p{L}])(?:en vivo|en directo|ao vivo|hoy|hora|kl\.?|klo\.?|om|um)(?=\s*(?:\d|$|[|•]))|(?<=\d)\s*uhr\b/giu,
    () => undefined,
    /vivo|directo|hoy|hora|kl|om|um|uhr/i,
  ],
];

const HIGHLIGHT_WORD = /\b(?:highlights?|condensed|recap)\b/i;
const REPLAY_WORD = /\b(?:replay|re-?air|encore|rebroadcast)\b/i;

/** Moves tags out of `text` into `flags` (mutated); returns the text without them. */
export function extractFlags(text: string, flags: ChannelFlags): string {
  let out = text;
  for (const [re, apply, probe] of RULES) {
    if (probe && !probe.test(out)) continue;
    // No rule has named groups, so the callback's last two arguments are the offset and the whole string.
    out = out.replace(re, (...args: unknown[]) => {
      apply(args.slice(0, -2) as Groups, flags);
      return ' ';
    });
  }
  if (HIGHLIGHT_WORD.test(out)) flags.highlights = true;
  if (REPLAY_WORD.test(out)) flags.replay = true;
  return out;
}
