// The write stage alone on the benchmark lineup: programmes, XMLTV and gzip, for profiling.
import { loadDefaultFamilies } from '../src/config/channel-families.js';
import { loadLeagues } from '../src/config/leagues.js';
import { loadSportsConfig } from '../src/config/sports.js';
import { compileFamilies } from '../src/domain/channel-name/index.js';
import { createLeagueLexicon } from '../src/domain/league-names.js';
import { parseM3u } from '../src/domain/m3u/index.js';
import { createScheduler } from '../src/domain/schedule/index.js';
import { guideChannels, understandLineup, writeGuide } from '../src/services/guides/guide-stages.js';
import { generatePlaylist } from './generate-playlist.js';

const { entries } = parseM3u(generatePlaylist(100_000).toString('utf8'));
const live = entries.filter((e) => !/\/(movie|series)\//.test(e.url ?? ''));
const leagues = loadLeagues('config/leagues.yaml');
const lexicon = createLeagueLexicon(leagues.map((l) => ({ key: l.key, sport: l.sport, names: [l.name] })));
const provider = { id: 1, slug: 'b', name: 'b', playlistUrl: '', timezone: 'America/New_York', settings: {} };
const now = new Date();
const families = compileFamilies([], loadDefaultFamilies('config/channel-families.yaml'));
const lineup = understandLineup(live, { provider, now, families, mappings: [], lexicon });
const channels = guideChannels(lineup.channels, new Map(), leagues, now);
const sports = loadSportsConfig('config');
for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
  const scheduler = createScheduler({ now, timeZone: provider.timezone, sports });
  const t0 = performance.now();
  const w = await writeGuide(channels, scheduler, provider);
  console.log(
    `write ${channels.length} channels: ${(performance.now() - t0).toFixed(0)} ms, ${(w.xmlBytes / 1e6).toFixed(1)} MB -> ${(w.xmlGzip.length / 1e6).toFixed(2)} MB`,
  );
}
