// The start-up rehearsal: every stage but matching, on a made-up playlist, with neither network nor database.
import { describe, expect, it } from 'vitest';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { loadLeagues } from '../../../src/config/leagues.js';
import { loadSportsConfig } from '../../../src/config/sports.js';
import { compileFamilies } from '../../../src/domain/channel-name/index.js';
import { createLeagueLexicon } from '../../../src/domain/league-names.js';
import { createGuideGenerator } from '../../../src/services/guides/guide-generator.js';
import { understandLineup } from '../../../src/services/guides/guide-stages.js';
import { parsePlaylist } from '../../../src/services/guides/playlist-reader.js';
import { rehearsalPlaylist } from '../../../src/services/guides/rehearsal-playlist.js';

const defaultFamilies = loadDefaultFamilies('config/channel-families.yaml');
const leagues = loadLeagues('config/leagues.yaml');
const lexicon = createLeagueLexicon(leagues.map((l) => ({ key: l.key, sport: l.sport, names: [l.name] })));
const untouchable = () => Promise.reject(new Error('the rehearsal must not touch this'));

async function* once(bytes: Buffer) {
  yield bytes;
}

describe('the start-up rehearsal', () => {
  it('walks every stage but matching without the network or the database', async () => {
    const generator = createGuideGenerator({
      reader: { read: untouchable },
      defaultFamilies,
      familyMappings: untouchable,
      providerPatterns: untouchable,
      leagues,
      lexicon,
      sports: loadSportsConfig('config'),
      matcher: { matchChannels: untouchable },
      now: () => new Date('2026-12-01T18:00:00Z'),
    });
    expect(await generator.rehearse(600)).toBeGreaterThan(0);
  });

  it('has event slots with times, empty slots, linear channels and VOD of many families', async () => {
    const labels = [...new Set(defaultFamilies.map((f) => f.family))];
    const playlist = await parsePlaylist(once(rehearsalPlaylist(labels, 900)));
    expect(playlist.live).toHaveLength(600);
    expect(playlist.vod).toBe(300);
    const { channels } = understandLineup(playlist.live, {
      provider: { id: 0, slug: 'r', name: 'r', playlistUrl: '', timezone: 'UTC', settings: {} },
      now: new Date('2026-12-01T18:00:00Z'),
      families: compileFamilies([], defaultFamilies),
      mappings: [],
      lexicon,
    });
    const kinds = new Map<string, number>();
    for (const c of channels) kinds.set(c.parsed.kind, (kinds.get(c.parsed.kind) ?? 0) + 1);
    expect(kinds.get('event')).toBeGreaterThan(200);
    expect(kinds.get('placeholder')).toBeGreaterThan(10);
    expect(channels.filter((c) => c.parsed.startsAt !== null).length).toBeGreaterThan(150);
    expect(new Set(channels.map((c) => c.parsed.family)).size).toBeGreaterThan(40);
  });
});
