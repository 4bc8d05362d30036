// Matchup art: each image rendered cold (a new event, nothing kept), on embedded PGlite or, with DATABASE_URL,
// on a scratch database of that Postgres, from the request to the PNG bytes, at 960, 1280 and 1920 wide; then
// the same images again (kept in memory); with the process's RSS before and after. Target: under 30 ms per cold
// image at the default width.
import { resolve } from 'node:path';
import { loadLeagues } from '../src/config/leagues.js';
import pg from 'pg';
import { createDatabase, type Database } from '../src/db/database.js';
import { insertEvent } from '../src/db/events.js';
import { runMigrations } from '../src/db/migrate.js';
import { insertTeam } from '../src/db/teams.js';
import { ART_WIDTHS, type ArtWidth } from '../src/domain/art/matchup-svg.js';
import { createEventArt } from '../src/services/art/event-art.js';
import { seedReferenceData } from '../src/services/events/reference-data.js';

const EVENTS = 60;
const TARGET_MS = 30;
const root = resolve(import.meta.dirname, '..');

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `${at(0.5).toFixed(1)} ms median, ${at(0.95).toFixed(1)} ms p95, ${sorted.at(-1)!.toFixed(1)} ms max`;
}

/** Embedded PGlite in memory, or with DATABASE_URL a scratch database on that server (dropped afterwards). */
async function scratchDatabase(): Promise<{ database: Database; label: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const database = await createDatabase({ dataDir: '', memory: true });
    return { database, label: 'embedded PGlite', drop: () => database.close() };
  }
  const name = `epgoat_art_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.href, dataDir: '' });
  return {
    database,
    label: 'Postgres',
    async drop() {
      await database.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

export async function runArtBench(): Promise<void> {
  const scratch = await scratchDatabase();
  const { database } = scratch;
  await runMigrations(database, resolve(root, 'db/migrations'));
  const leagues = loadLeagues(resolve(root, 'config/leagues.yaml'));
  await seedReferenceData(database.db, leagues, []);
  const { db } = database;
  const ids: number[] = [];
  for (let i = 0; i < EVENTS; i += 1) {
    const colour = (n: number) => ((n * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6);
    const home = await insertTeam(db, {
      league: 'NBA',
      name: `Home Team ${i}`,
      abbreviation: `H${i}`,
      color: colour(i),
    });
    const away = await insertTeam(db, {
      league: 'NBA',
      name: `Away Side ${i}`,
      abbreviation: `A${i}`,
      color: colour(i + 97),
    });
    const event = await insertEvent(db, {
      league: 'NBA',
      sport: 'basketball',
      title: `Away Side ${i} at Home Team ${i}`,
      starts_at: new Date(Date.UTC(2026, 11, 2, i % 24, 30)),
      home_team_id: home.id,
      away_team_id: away.id,
    });
    ids.push(event.id);
  }
  const art = createEventArt({ db, leagues, now: () => new Date() });
  const setupMB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const timed = async (id: number, width: ArtWidth) => {
    const started = performance.now();
    const found = (await art.get(id, width, 'America/New_York'))!;
    const lookedUp = performance.now();
    const png = await found.png();
    if (process.env.ART_SPLIT)
      console.log((lookedUp - started).toFixed(1), (performance.now() - lookedUp).toFixed(1));
    return { ms: performance.now() - started, bytes: png.length };
  };
  const first = await timed(ids[0]!, 960);
  const third = EVENTS / 3;
  const cold960 = [];
  for (const id of ids.slice(1, third)) cold960.push(await timed(id, 960));
  const cold1280 = [];
  for (const id of ids.slice(third, 2 * third)) cold1280.push(await timed(id, 1280));
  const widest = ART_WIDTHS.at(-1)!;
  const coldWide = [];
  for (const id of ids.slice(2 * third)) coldWide.push(await timed(id, widest));
  const kept = [];
  for (const id of ids.slice(1, third)) kept.push(await timed(id, 960));
  const nowMB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const sorted = cold960.map((r) => r.ms).sort((a, b) => a - b);
  const ok = sorted[Math.floor(sorted.length / 2)]! < TARGET_MS;
  console.log(
    `\n== matchup art (resvg, bundled DejaVu Sans, ${scratch.label}; target: median cold image at 960x540 < ${TARGET_MS} ms) ==`,
  );
  console.log('| images | time per image | PNG size |');
  console.log('| --- | --- | --- |');
  console.log(
    `| first of the process (fonts and code cold), 960x540 | ${first.ms.toFixed(1)} ms | ${first.bytes} B |`,
  );
  const size = (r: { bytes: number }[]) =>
    `${Math.round(r.reduce((n, x) => n + x.bytes, 0) / r.length)} B avg`;
  console.log(
    `| ${cold960.length} new events, 960x540 | ${summary(cold960.map((r) => r.ms))} | ${size(cold960)} |`,
  );
  console.log(
    `| ${cold1280.length} new events, 1280x720 | ${summary(cold1280.map((r) => r.ms))} | ${size(cold1280)} |`,
  );
  console.log(
    `| ${coldWide.length} new events, ${widest}x${(widest * 9) / 16} | ${summary(coldWide.map((r) => r.ms))} | ${size(coldWide)} |`,
  );
  console.log(`| the same ${kept.length} again (kept in memory) | ${summary(kept.map((r) => r.ms))} | |`);
  console.log(
    `RSS ${setupMB} MB before the first image (database and loader), ${nowMB} MB after the last; ` +
      `targets ${ok ? 'met' : 'MISSED'}`,
  );
  await art.close();
  await scratch.drop();
}

if (import.meta.url === `file://${process.argv[1]}`) await runArtBench();
