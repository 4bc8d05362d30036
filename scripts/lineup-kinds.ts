// How parseChannelName reads a lineup: kind counts, families, and the cost per name.
//   npx tsx scripts/lineup-kinds.ts [names.txt|playlist.m3u] [--now 2025-10-18T16:00:00Z] [--zone America/New_York]
// A .m3u file is read for its `#EXTINF` display names; any other file holds one name per line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDefaultFamilies } from '../src/config/channel-families.js';
import { compileFamilies } from '../src/domain/channel-name/families.js';
import { parseChannelName, type NameContext } from '../src/domain/channel-name/parse.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    now: { type: 'string', default: '2025-10-18T16:00:00Z' },
    zone: { type: 'string', default: 'America/New_York' },
  },
});
const file = positionals[0] ?? 'test/fixtures/real-playlist-names.txt';
const text = readFileSync(file, 'utf8');
const names = file.endsWith('.m3u')
  ? text
      .split('\n')
      .filter((l) => l.startsWith('#EXTINF'))
      .map((l) => l.replace(/^#EXTINF[^,]*?(?:"[^"]*"[^,]*?)*,/, '').trim())
  : text.split('\n').filter((l) => l.length > 0);

const ctx: NameContext = {
  now: new Date(values.now),
  timeZone: values.zone,
  families: compileFamilies([], loadDefaultFamilies()),
};

const kinds = { event: 0, placeholder: 0, other: 0 };
const families = new Map<string, number>();
let timed = 0;
for (const name of names) {
  const p = parseChannelName(name, ctx);
  kinds[p.kind]++;
  if (p.family) families.set(p.family, (families.get(p.family) ?? 0) + 1);
  if (p.startsAt) timed++;
}
console.log(`${names.length} names in ${file}`);
console.log('kinds:', kinds, `with a start time: ${timed}`);
console.log('families:', Object.fromEntries([...families].sort((a, b) => b[1] - a[1])));

// CPU time, not wall time: the numbers stay comparable on a busy machine.
const rounds = Math.max(3, Math.ceil(200_000 / names.length));
for (const name of names) parseChannelName(name, ctx);
const before = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const name of names) parseChannelName(name, ctx);
const used = process.cpuUsage(before);
const perName = (used.user + used.system) / (rounds * names.length);
console.log(`cost: ${perName.toFixed(2)} µs of CPU per name (${rounds} rounds of ${names.length})`);
