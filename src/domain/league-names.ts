// The names leagues go by, from the leagues' own data (key, name, aliases, the sources' league names), and the
// leagues a piece of text names: a hint written before the teams (`UEFA Champions League:`), a family label
// (`Premier League 4`, `CBB 112`, `LaLiga TV 2`) or a group title (`UK| PREMIER LEAGUE`). A sport word names
// every league of that sport (`Hockey 08`, `Soccer 01`).
import { normalizeTeamName } from './matching/team-names.js';

export interface LeagueNaming {
  key: string;
  sport: string;
  /** Every name the league goes by: its name, aliases, the sources' names for it. */
  names: readonly string[];
}

export interface LeagueLexicon {
  /** The league a whole hint stands for, else null. */
  exact: (hint: string) => string | null;
  /** Every league the text names, by a name or a sport word, in the order they are written. */
  within: (text: string) => string[];
}

// Words that name a sport; `football` is left out, as it means soccer to some providers and the NFL to others.
const SPORT_WORDS: Record<string, string> = {
  basketball: 'basketball',
  hockey: 'hockey',
  'ice hockey': 'hockey',
  soccer: 'soccer',
  futbol: 'soccer',
  baseball: 'baseball',
  softball: 'softball',
  'american football': 'american-football',
  mma: 'mma',
  boxing: 'boxing',
  golf: 'golf',
  tennis: 'tennis',
  rugby: 'rugby',
  cricket: 'cricket',
  motorsport: 'racing',
  racing: 'racing',
  volleyball: 'volleyball',
  lacrosse: 'lacrosse',
};

/** Builds the lexicon once from the configured leagues. */
export function createLeagueLexicon(leagues: readonly LeagueNaming[]): LeagueLexicon {
  const byName = new Map<string, string>();
  const bySport = new Map<string, string[]>();
  for (const l of leagues) {
    for (const name of [l.key, ...l.names]) {
      const n = normalizeTeamName(name);
      // The first league to claim a name keeps it: config lists the main league of a name first.
      if (n !== '' && !byName.has(n)) byName.set(n, l.key);
    }
    bySport.set(l.sport, [...(bySport.get(l.sport) ?? []), l.key]);
  }
  const phrases = new Map<string, string[]>();
  for (const [name, key] of byName) phrases.set(name, [key]);
  for (const [word, sport] of Object.entries(SPORT_WORDS)) {
    const keys = bySport.get(sport);
    if (keys && !phrases.has(word)) phrases.set(word, keys);
  }
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => p.split(' ').length));

  return {
    exact: (hint) => byName.get(normalizeTeamName(hint)) ?? null,
    within: (text) => {
      const words = normalizeTeamName(text).split(' ').filter(Boolean);
      const out: string[] = [];
      for (let i = 0; i < words.length;) {
        let step = 1;
        for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
          const keys = phrases.get(words.slice(i, i + n).join(' '));
          if (!keys) continue;
          for (const k of keys) if (!out.includes(k)) out.push(k);
          step = n;
          break;
        }
        i += step;
      }
      return out;
    },
  };
}
