// Scores a match report against corpus labels: precision, recall, and whether each matched channel's live
// programme starts at its event's start.
//   npx tsx scripts/evaluate-report.ts --base http://127.0.0.1:8080 --slug acme --token $ADMIN_TOKEN --labels labels.json
import { readFileSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1] ?? '']] : [])),
) as Record<string, string>;
const { base, slug, token, labels: labelsFile } = args;
if (!base || !slug || !token || !labelsFile) {
  console.error('usage: evaluate-report.ts --base URL --slug SLUG --token ADMIN_TOKEN --labels labels.json');
  process.exit(2);
}

interface Label {
  name: string;
  kind: string;
  expect: { eventId: string; startUtc: string } | null;
}
interface Row {
  channelId: string | null;
  name: string;
  status: string;
  event?: { startsAt: string; externalIds: { espn?: string } };
  why?: string;
}

const labels = (JSON.parse(readFileSync(labelsFile, 'utf8')) as Label[]).map((l) => ({
  ...l,
  name: l.name.trim(),
}));
const report = (await (
  await fetch(`${base}/api/providers/${slug}/matches`, { headers: { authorization: `Bearer ${token}` } })
).json()) as { channels: Row[] };
const xml = await (await fetch(`${base}/epg/${slug}.xml`)).text();
const byName = new Map(report.channels.map((r) => [r.name, r]));

let made = 0;
let right = 0;
let liveOk = 0;
const events = labels.filter((l) => l.expect);
for (const l of labels) {
  const row = byName.get(l.name);
  if (row?.status !== 'matched') continue;
  made += 1;
  if (l.expect && row.event?.externalIds.espn === l.expect.eventId) right += 1;
  else console.log(`wrong: ${l.name} -> ${JSON.stringify(row.event)}`);
  // The live block is the one programme with <new/>.
  const re = new RegExp(
    `<programme start="(\\d{14}) ([+-]\\d{4})"[^>]*channel="${row.channelId}">(?:(?!</programme>)[\\s\\S])*<new/>`,
  );
  const m = re.exec(xml);
  if (m) {
    const [, ts, off] = m as unknown as [string, string, string];
    const sign = off.startsWith('-') ? -1 : 1;
    const utc =
      Date.UTC(+ts.slice(0, 4), +ts.slice(4, 6) - 1, +ts.slice(6, 8), +ts.slice(8, 10), +ts.slice(10, 12)) -
      sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5))) * 60_000;
    if (utc === Date.parse(row.event!.startsAt)) liveOk += 1;
  }
}
for (const l of events) {
  const row = byName.get(l.name);
  if (row?.status !== 'matched') console.log(`missed: ${l.name} (${row?.status}: ${row?.why})`);
}
console.log(
  `event channels ${events.length}, matched ${made}, right ${right}, precision ${(made ? right / made : 0).toFixed(3)}, recall ${(right / events.length).toFixed(3)}, live block at event start ${liveOk}/${made}`,
);
