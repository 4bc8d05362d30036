// Renders the matchup art samples in docs/art from made-up events on an in-memory database: teams with their
// colours and no reachable logo (abbreviations), teams with a logo served from this process, a soccer match
// (home side first) and a card. `npx tsx scripts/art-samples.ts [dir]`
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { loadLeagues } from '../src/config/leagues.js';
import { createDatabase } from '../src/db/database.js';
import { insertEvent } from '../src/db/events.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/services/events/reference-data.js';
import { insertTeam } from '../src/db/teams.js';
import { createEventArt } from '../src/services/art/event-art.js';
import { createHttpClient } from '../src/sources/http-client.js';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.argv[2] ?? 'docs/art');
mkdirSync(out, { recursive: true });

// Two made-up badges, standing in for logos the sources' image hosts would serve.
const badge = (fill: string, ring: string, letter: string) =>
  new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><circle cx="128" cy="128" r="120" ` +
      `fill="#${fill}" stroke="#${ring}" stroke-width="14"/><path d="M128 44 L196 172 L60 172 Z" fill="#${ring}"/>` +
      `<circle cx="128" cy="${letter === 'a' ? 140 : 120}" r="26" fill="#${fill}"/></svg>`,
  )
    .render()
    .asPng();
const badges = new Map([
  ['/a.png', badge('0b2240', 'ffc72c', 'a')],
  ['/b.png', badge('c8102e', 'ffffff', 'b')],
]);
const server = createServer((req, res) => {
  const png = badges.get(req.url ?? '');
  if (png) res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const database = await createDatabase({ dataDir: '', memory: true });
await runMigrations(database, resolve(root, 'db/migrations'));
const leagues = loadLeagues(resolve(root, 'config/leagues.yaml'));
await seedReferenceData(database.db, leagues, []);
const { db } = database;
const team = (
  league: string,
  name: string,
  abbreviation: string,
  color: string,
  logo: string | null = null,
) => insertTeam(db, { league, name, abbreviation, color, logo });

type Team = Awaited<ReturnType<typeof team>>;
const samples: [string, number][] = [];
/** An event between `away` and `home` (or a card without them), drawn as docs/art/<name>.png. */
async function sample(
  name: string,
  event: { league: string; sport: string; title: string; startsAt: string },
  teams?: { home: Team; away: Team },
): Promise<void> {
  const row = await insertEvent(db, {
    league: event.league,
    sport: event.sport,
    title: event.title,
    starts_at: new Date(event.startsAt),
    ...(teams && { home_team_id: teams.home.id, away_team_id: teams.away.id }),
  });
  samples.push([name, row.id]);
}

await sample(
  'nba-abbreviations',
  {
    league: 'NBA',
    sport: 'basketball',
    title: 'Los Angeles Lakers at Boston Celtics',
    startsAt: '2026-12-02T00:30:00Z',
  },
  {
    home: await team('NBA', 'Boston Celtics', 'BOS', '007a33'),
    away: await team('NBA', 'Los Angeles Lakers', 'LAL', '552583'),
  },
);
await sample(
  'nhl-logos',
  {
    league: 'NHL',
    sport: 'hockey',
    title: 'Harbor City Admirals at Redwood Rangers',
    startsAt: '2026-12-02T01:00:00Z',
  },
  {
    home: await team('NHL', 'Redwood Rangers', 'RWR', 'c8102e', `${host}/b.png`),
    away: await team('NHL', 'Harbor City Admirals', 'HCA', '0b2240', `${host}/a.png`),
  },
);
await sample(
  'epl-home-first',
  { league: 'EPL', sport: 'soccer', title: 'Arsenal vs Chelsea', startsAt: '2026-12-05T15:00:00Z' },
  {
    home: await team('EPL', 'Arsenal', 'ARS', 'ef0107'),
    away: await team('EPL', 'Chelsea', 'CHE', '034694'),
  },
);
await sample('ufc-card', {
  league: 'UFC',
  sport: 'mma',
  title: 'UFC Fight Night: Main Card',
  startsAt: '2026-12-06T03:00:00Z',
});

const art = createEventArt({
  db,
  logos: createHttpClient({ source: 'logos', baseUrl: '', timeoutMs: 2_000, retries: 0 }),
  leagues,
  now: () => new Date(),
});
for (const [name, id] of samples) {
  const zone = name.startsWith('epl') ? 'Europe/London' : 'America/New_York';
  const png = await (await art.get(id, 960, zone))!.png();
  writeFileSync(resolve(out, `${name}.png`), png);
  console.log(`${name}.png: ${png.length} bytes`);
}
await database.close();
server.closeAllConnections();
server.close();
process.exit(0);
