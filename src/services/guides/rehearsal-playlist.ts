// A made-up playlist in the shapes providers use, for the generator's rehearsal at start-up: numbered event
// slots of the configured families with every common way of writing teams, times, zones and dates, empty
// slots, linear channels and VOD. Its names match nothing real; they only walk the code a real guide walks.

const TEAMS = [
  'North City',
  'River Athletic',
  'Harbor United',
  'Valley Rovers',
  'Capital FC',
  'Lakeside Stars',
  'Mountain Kings',
  'Coast Wolves',
  'St. Marten',
  'Real Ciudad',
  'Sporting Este',
  'Olympique Nord',
];
const NETWORKS = ['Sports One', 'Arena 2', 'Stadium TV', 'Goal Channel', 'Action Sports', 'News 24'];
const REGIONS = ['US', 'UK', 'CA', 'FR', 'DE', 'ES'];

/** An event slot's payload in one of the ways providers write it, the `i`th of a rotation. */
function payloadOf(i: number): string {
  const a = TEAMS[i % TEAMS.length] ?? '';
  const b = TEAMS[(i * 7 + 3) % TEAMS.length] ?? '';
  const h = 1 + (i % 12);
  const m = i % 2 === 0 ? '00' : '30';
  const shapes = [
    `${a} vs ${b} @ ${h}:${m} PM ET`,
    `${a} v ${b} ${String(12 + (i % 10)).padStart(2, '0')}:${m} UK`,
    `${a} @ ${b}`,
    '',
    `${a} x ${b} - ${String(14 + (i % 8))}:${m} CET`,
    `${a} at ${b} (${1 + (i % 12)}/${1 + (i % 28)} ${h}:${m}PM EST)`,
    `${b} vs. ${a} | ${h}${i % 2 === 0 ? 'pm' : 'am'} PT`,
    `${a} - ${b} [HD] ${String(18 + (i % 5))}h${m}`,
    `${a} vs ${b} Start: ${h}:${m} PM`,
    `Live: ${a} v ${b} ${String(10 + (i % 12))}.${m} GMT`,
  ];
  return shapes[i % shapes.length] ?? '';
}

function extinf(name: string, group: string, logo: string, url: string): string {
  return `#EXTINF:-1 tvg-id="" tvg-name="${name}" tvg-logo="${logo}" group-title="${group}",${name}\n${url}\n`;
}

/**
 * About `entries` playlist entries: a third event slots of `families` (labels as configured), a third linear
 * channels, a third VOD.
 */
export function rehearsalPlaylist(families: readonly string[], entries: number): Buffer {
  const labels = families.length > 0 ? families : ['Events'];
  const host = 'http://rehearsal.invalid';
  let out = '#EXTM3U\n';
  for (let i = 0; i < entries; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const family = labels[Math.floor(i / 3) % labels.length] ?? '';
      const slot = String(1 + (Math.floor(i / 3) % 40)).padStart(2, '0');
      const payload = payloadOf(Math.floor(i / 3));
      const name = `${family} ${slot}:${payload ? ` ${payload}` : ''}`;
      out += extinf(name, `${family} Events`, `${host}/logo/${slot}.png`, `${host}/live/u/p/${i}.ts`);
    } else if (kind === 1) {
      const name = `${REGIONS[i % REGIONS.length]}| ${NETWORKS[i % NETWORKS.length]} ${i % 4 === 0 ? 'HD' : 'FHD'}`;
      out += extinf(name, 'Entertainment', `${host}/logo/${i}.png`, `${host}/live/u/p/${i}.ts`);
    } else {
      const name = `${TEAMS[i % TEAMS.length]} Story (${1990 + (i % 30)})`;
      out += extinf(name, 'VOD| Movies', `${host}/vod/${i}.jpg`, `${host}/movie/u/p/${i}.mkv`);
    }
  }
  return Buffer.from(out, 'utf8');
}
