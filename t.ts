import { parseChannelName } from './src/domain/channel-name/index.ts';
import { defaultFamilies } from './test/domain/channel-name/support.ts';
const ctx = { now: new Date(), timeZone: 'America/New_York', families: defaultFamilies() };
for (const n of ['NBA 01: Los Angeles Lakers vs Boston Celtics @ 7:30 PM ET', 'EPL 04: ', 'UK| TNT HD', 'US| ESPN 2 FHD', 'US| DAZN 1 HD', 'Dark Night (2008)']) {
  for (let i = 0; i < 2000; i++) parseChannelName(n, ctx);
  const t0 = performance.now(); const N = 20000;
  for (let i = 0; i < N; i++) parseChannelName(n, ctx);
  console.log(((performance.now() - t0) * 1000 / N).toFixed(1).padStart(6), 'µs', n);
}
