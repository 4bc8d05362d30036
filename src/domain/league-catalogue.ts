// The leagues the sources serve beyond the configured ones: ESPN's league paths (a checked-in list) and
// TheSportsDB's league list. A family label or hint that names no configured league is looked up here by name;
// the entry found becomes a league like a configured one.
import { normalizeTeamName } from './matching/team-names.js';

export interface CatalogueEntry {
  /** Stable league key: the ESPN list's own, or `TSDB<idLeague>`. */
  key: string;
  name: string;
  /** One of the configured sports (`soccer`, `rugby`, ...), `other` when unknown. */
  sport: string;
  /** ESPN `{sport}/{league}` path, or null. */
  espn: string | null;
  /** TheSportsDB idLeague and strLeague, or null. */
  thesportsdb: { id: string; name: string } | null;
  /** Other names channel names write it by (`Dutch Eredivisie`, `Super Lig`). */
  aliases: readonly string[];
}

export interface DiscoveredLeague {
  key: string;
  name: string;
  sport: string;
  espn: string | null;
  thesportsdb: { id: string; name: string } | null;
  durationMinutes: number;
  usStyle: boolean;
  aliases: string[];
}

// Words naming a country that sources put before a league's own name (`Dutch Eredivisie`, `Turkish Super Lig`);
// channel names often leave them out.
const COUNTRY_WORDS = new Set(
  (
    'american argentine argentinian argentina australian australia austrian austria belgian belgium brazilian ' +
    'brazil bulgarian chilean chinese colombian croatian czech danish denmark dutch netherlands egyptian english ' +
    'england finnish french france german germany greek greece hungarian indian indonesian irish israeli ' +
    'italian italy japanese japan korean mexican mexico norwegian norway peruvian polish poland portuguese ' +
    'portugal romanian russian saudi scottish scotland serbian slovak slovenian south spanish spain swedish ' +
    'sweden swiss switzerland turkish turkey ukrainian uruguayan welsh'
  ).split(' '),
);

/** The names an entry is known by: exact ones, and those left once a leading country word is dropped. */
function namesOf(entry: CatalogueEntry): { exact: string[]; loose: string[] } {
  const exact = [entry.name, ...entry.aliases, ...(entry.thesportsdb ? [entry.thesportsdb.name] : [])]
    .map(normalizeTeamName)
    .filter((n) => n.length >= 3);
  const loose: string[] = [];
  for (const n of exact) {
    const words = n.split(' ');
    let i = 0;
    while (i < words.length - 1 && COUNTRY_WORDS.has(words[i]!)) i++;
    const rest = words.slice(i).join(' ');
    // What is left must still say something: `League 1` does, a bare `League` does not.
    if (i > 0 && (words.length - i > 1 || rest.length >= 5)) loose.push(rest);
  }
  return { exact: [...new Set(exact)], loose: [...new Set(loose)] };
}

export interface CatalogueIndex {
  /** The one entry a name stands for; null when none does or several do. */
  resolve: (text: string) => CatalogueEntry | null;
}

/**
 * Indexes entries by name. Entries listed first win a name they share with a later one (the ESPN list comes
 * before TheSportsDB's); a name only a country word apart from several entries names none of them.
 */
export function indexCatalogue(entries: readonly CatalogueEntry[]): CatalogueIndex {
  const exact = new Map<string, CatalogueEntry>();
  const loose = new Map<string, CatalogueEntry | null>();
  for (const entry of entries) {
    const names = namesOf(entry);
    for (const n of names.exact) if (!exact.has(n)) exact.set(n, entry);
    for (const n of names.loose) {
      const seen = loose.get(n);
      if (seen === undefined) loose.set(n, entry);
      else if (seen && seen.key !== entry.key && seen.sport === entry.sport && !sameLeague(seen, entry))
        loose.set(n, null);
    }
  }
  const lookup = (n: string) => exact.get(n) ?? loose.get(n) ?? null;
  return {
    resolve(text) {
      const n = normalizeTeamName(text);
      if (n.length < 3) return null;
      const found = lookup(n);
      if (found) return found;
      // The text's own country word: `Dutch Eredivisie` written where the entry is `Eredivisie`.
      const words = n.split(' ');
      return words.length > 1 && COUNTRY_WORDS.has(words[0]!) ? lookup(words.slice(1).join(' ')) : null;
    },
  };
}

/** An ESPN entry and TheSportsDB's of one league: the ESPN list names TheSportsDB's id. */
function sameLeague(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return !!a.thesportsdb && a.thesportsdb.id === b.thesportsdb?.id;
}

// Programme length when only the start is known, by sport.
const DURATIONS: Record<string, number> = { soccer: 115, rugby: 100, cricket: 480 };
const HOME_FIRST = new Set(['soccer', 'rugby', 'cricket']);

/** The league an entry becomes once a channel names it. */
export function leagueOfEntry(entry: CatalogueEntry): DiscoveredLeague {
  return {
    key: entry.key,
    name: entry.name,
    sport: entry.sport,
    espn: entry.espn,
    thesportsdb: entry.thesportsdb,
    durationMinutes: DURATIONS[entry.sport] ?? 150,
    usStyle: !HOME_FIRST.has(entry.sport),
    aliases: [...new Set([...entry.aliases, ...(entry.thesportsdb ? [entry.thesportsdb.name] : [])])],
  };
}

// TheSportsDB's strSport, as the configured sports are written.
const TSDB_SPORTS: Record<string, string> = {
  soccer: 'soccer',
  rugby: 'rugby',
  cricket: 'cricket',
  basketball: 'basketball',
  'ice hockey': 'hockey',
  'american football': 'american-football',
  baseball: 'baseball',
  softball: 'softball',
  motorsport: 'racing',
  fighting: 'mma',
  golf: 'golf',
  tennis: 'tennis',
  'australian football': 'australian-football',
  volleyball: 'volleyball',
  lacrosse: 'lacrosse',
};

/** A TheSportsDB `all_leagues.php` row as a catalogue entry. */
export function tsdbCatalogueEntry(row: {
  idLeague: string;
  strLeague: string;
  strSport: string | null;
  strLeagueAlternate: string | null;
}): CatalogueEntry {
  const aliases = (row.strLeagueAlternate ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    key: `TSDB${row.idLeague}`,
    name: row.strLeague,
    sport: TSDB_SPORTS[(row.strSport ?? '').trim().toLowerCase()] ?? 'other',
    espn: null,
    thesportsdb: { id: row.idLeague, name: row.strLeague },
    aliases,
  };
}
