// Understanding the live names of the benchmark playlist, alone: for profiling the understand stage.
import { loadDefaultFamilies } from '../src/config/channel-families.js';
import { compileFamilies } from '../src/domain/channel-name/index.js';
import { parseM3u } from '../src/domain/m3u/index.js';
import { understandLineup } from '../src/services/guides/guide-stages.js';
import { createLeagueLexicon } from '../src/domain/league-names.js';
import { loadLeagues } from '../src/config/leagues.js';
import { generatePlaylist } from './generate-playlist.js';

const { entries } = parseM3u(
  generatePlaylist(100_000, 20261125, Number(process.env.SHARE ?? 0.15)).toString('utf8'),
);
const live = entries.filter((e) => !/\/(movie|series)\//.test(e.url ?? ''));
const families = compileFamilies([], loadDefaultFamilies('config/channel-families.yaml'));
const leagues = loadLeagues('config/leagues.yaml');
const lexicon = createLeagueLexicon(
  leagues.map((l) => ({ key: l.key, sport: l.sport, names: [l.name, ...l.aliases] })),
);
const provider = { id: 1, slug: 'b', name: 'b', playlistUrl: '', timezone: 'America/New_York', settings: {} };
for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
  const t0 = performance.now();
  const lineup = understandLineup(live, { provider, now: new Date(), families, mappings: [], lexicon });
  console.log(
    `${live.length} live names: ${(performance.now() - t0).toFixed(0)} ms, ${lineup.channels.length} in the guide`,
  );
}
