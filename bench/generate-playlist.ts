// A deterministic, realistic Xtream-style playlist for benchmarks: the same N gives the same bytes.

const HOST = 'http://line.example.net:8080';
const USER = 'user8472';
const PASS = 'Xk29fLq0';

const LEAGUES = [
  { family: 'NBA', group: 'US| NBA PASS', logo: 'nba' },
  { family: 'NHL', group: 'US| NHL CENTER ICE', logo: 'nhl' },
  { family: 'NCAAF', group: 'US| NCAA FOOTBALL', logo: 'ncaaf' },
  { family: 'EPL', group: 'UK| PREMIER LEAGUE', logo: 'epl' },
  { family: 'ESPN+', group: 'US| ESPN+ EVENTS', logo: 'espnplus' },
  { family: 'Peacock', group: 'US| PEACOCK EVENTS', logo: 'peacock' },
];
const TEAMS = [
  'Los Angeles Lakers',
  'Boston Celtics',
  'Milwaukee Bucks',
  'Chicago Bulls',
  'Toronto Maple Leafs',
  'Montréal Canadiens',
  'Ohio State',
  'Michigan',
  'Manchester United',
  'Arsenal',
  'Atlético Madrid',
  'Borussia Mönchengladbach',
  'Golden State Warriors',
  'New York Rangers',
  'Texas A&M',
  'Notre Dame',
];
const NETWORKS = [
  'ESPN',
  'ESPN 2',
  'FOX Sports 1',
  'TNT',
  'NBC Sports',
  'Sky Sports Main Event',
  'beIN Sports',
  'DAZN 1',
  'TSN 3',
  'Canal+ Sport',
  'BBC One',
  'CNN International',
  'HBO Max',
  'Discovery',
];
const REGIONS = ['US', 'UK', 'CA', 'FR', 'DE', 'ES', 'LATINO'];
const QUALITIES = ['HD', 'FHD', '4K', 'SD', 'HEVC', ''];
const WORDS = [
  'Dark',
  'Night',
  'Storm',
  'Golden',
  'River',
  'Empire',
  'Silent',
  'Broken',
  'Lost',
  'Café',
  'Summer',
  'Wolf',
  'Garden',
  'Mañana',
  'Kingdom',
  'Shadow',
  'Ocean',
  'Fire',
];
const MOVIE_GROUPS = ['VOD| Action', 'VOD| Comedy', 'VOD| Drama', 'Movies 4K', 'VOD| Kids'];
const SERIES_GROUPS = ['SERIES| Netflix', 'SERIES| HBO', 'Series EN', 'SERIES| Disney+'];
const MOVIE_EXT = ['mkv', 'mp4', 'avi'];

/** mulberry32: small, fast, and stable across Node versions. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function extinf(attrs: [string, string][], name: string): string {
  let s = '#EXTINF:-1';
  for (const [k, v] of attrs) s += ` ${k}="${v}"`;
  return `${s},${name}\n`;
}

/**
 * Builds an N-entry playlist: by default about 15% live event channels (`eventShare`), 20% linear channels, and
 * the rest movies and series episodes in a 40:25 ratio, with tvg-id, tvg-name, tvg-logo and group-title on every
 * entry (about 200 bytes each).
 */
export function generatePlaylist(entries: number, seed = 20261125, eventShare = 0.15): Buffer {
  const rnd = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const parts: string[] = [`#EXTM3U url-tvg="${HOST}/xmltv.php?username=${USER}&password=${PASS}"\n`];
  let streamId = 100000;
  for (let i = 0; i < entries; i++) {
    streamId++;
    const roll = rnd();
    if (roll < eventShare) {
      const league = pick(LEAGUES);
      const slot = String(1 + (i % 40)).padStart(2, '0');
      const hour = 1 + Math.floor(rnd() * 12);
      const minute = rnd() < 0.5 ? '00' : '30';
      const sep = pick([' vs ', ' vs. ', ' @ ', ' at ', ' x ']);
      const name =
        rnd() < 0.2
          ? `${league.family} ${slot}: `
          : `${league.family} ${slot}: ${pick(TEAMS)}${sep}${pick(TEAMS)} @ ${hour}:${minute} PM ET`;
      const tvgId = rnd() < 0.3 ? `${league.logo}${slot}.us` : '';
      parts.push(
        extinf(
          [
            ['tvg-id', tvgId],
            ['tvg-name', name.trim()],
            ['tvg-logo', `http://img.example.net/logos/${league.logo}.png`],
            ['group-title', league.group],
          ],
          name,
        ),
        `${HOST}/live/${USER}/${PASS}/${streamId}.ts\n`,
      );
    } else if (roll < eventShare + 0.2) {
      const region = pick(REGIONS);
      const net = pick(NETWORKS);
      const quality = pick(QUALITIES);
      const name = `${region}| ${net}${quality ? ` ${quality}` : ''}${rnd() < 0.05 ? ' ⚽' : ''}`;
      parts.push(
        extinf(
          [
            ['tvg-id', `${net.toLowerCase().replace(/[^a-z0-9]+/g, '')}.${region.toLowerCase()}`],
            ['tvg-name', name],
            ['tvg-logo', `http://img.example.net/logos/${streamId}.png`],
            ['group-title', `${region}| ENTERTAINMENT`],
          ],
          name,
        ),
        rnd() < 0.7
          ? `${HOST}/live/${USER}/${PASS}/${streamId}.ts\n`
          : `${HOST}/${USER}/${PASS}/${streamId}\n`,
      );
    } else if (roll < eventShare + 0.2 + (0.8 - eventShare) * (40 / 65)) {
      const name = `${pick(WORDS)} ${pick(WORDS)} (${1960 + Math.floor(rnd() * 66)})`;
      parts.push(
        extinf(
          [
            ['tvg-id', ''],
            ['tvg-name', name],
            ['tvg-logo', `http://img.example.net/vod/${streamId}.jpg`],
            ['group-title', pick(MOVIE_GROUPS)],
          ],
          name,
        ),
        `${HOST}/movie/${USER}/${PASS}/${streamId}.${pick(MOVIE_EXT)}\n`,
      );
    } else {
      const season = String(1 + Math.floor(rnd() * 9)).padStart(2, '0');
      const episode = String(1 + Math.floor(rnd() * 24)).padStart(2, '0');
      const name = `${pick(WORDS)} ${pick(WORDS)} S${season} E${episode}`;
      parts.push(
        extinf(
          [
            ['tvg-id', ''],
            ['tvg-name', name],
            ['tvg-logo', `http://img.example.net/series/${streamId}.jpg`],
            ['group-title', pick(SERIES_GROUPS)],
          ],
          name,
        ),
        `${HOST}/series/${USER}/${PASS}/${streamId}.mp4\n`,
      );
    }
  }
  return Buffer.from(parts.join(''), 'utf8');
}
