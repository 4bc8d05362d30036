// Matchup art for stored events, rendered when a player asks for it (never during a generation): the event and
// its teams from Postgres, each team's logo fetched once and kept (or, when it cannot be fetched, the team's
// abbreviation on its colour), the SVG rendered to PNG by resvg in a worker thread with a bundled font.
// Images are kept by the hash of what they show, in memory and as files under DATA_DIR/art.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { LeagueConfig } from '../../config/leagues.js';
import { getEventRow } from '../../db/events.js';
import { getTeamLogo, saveTeamLogo } from '../../db/team-logos.js';
import { listTeamsForArt, type ArtTeamRow } from '../../db/teams.js';
import type { DB } from '../../db/types.js';
import { hexColour } from '../../domain/art/colour.js';
import { ART_FONT_FAMILY, artIdentity, matchupSvg, type ArtWidth } from '../../domain/art/matchup-svg.js';
import { artSpec, type ArtTeamFacts } from '../../domain/art/spec.js';
import type { HttpClient } from '../../sources/http-client.js';
import { createArtRenderer } from './art-renderer.js';

/** Bumped when the drawing changes, so that kept images of the old drawing are not served for the new. */
const DRAWING = 1;
/** A logo that could not be fetched is tried again after this long. */
const LOGO_RETRY_MS = 24 * 60 * 60 * 1000;
/** Rendered images older than this are deleted from the directory (checked at most hourly). */
const KEEP_ART_MS = 30 * 24 * 60 * 60 * 1000;

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
];

type Logo = { dataUri: string; hash: string } | null;

/** The image type its first bytes say (PNG, JPEG, GIF, WebP), or null: a content type is not trusted. */
export function imageType(bytes: Buffer): string | null {
  if (bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 6 && bytes.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (
    bytes.length > 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export interface EventArtDeps {
  db: Kysely<DB>;
  /** Fetches logos (absolute URLs); without it every team is drawn with its abbreviation. */
  logos?: Pick<HttpClient, 'getBytes'>;
  leagues: readonly LeagueConfig[];
  now: () => Date;
  logger?: Pick<Logger, 'warn'>;
  /** Bytes of rendered images kept in memory (default 64 MB). */
  memoryBytes?: number;
  /** Where rendered images are kept as files, across restarts (memory only without it). */
  dir?: string;
}

export interface EventArt {
  /** A weak validator of what the image shows; the same for the same event, teams, logos, zone and width. */
  etag: string;
  png(): Promise<Buffer>;
}

export function createEventArt(deps: EventArtDeps) {
  const { db } = deps;
  const rendered = new LRUCache<string, Buffer>({
    maxSize: deps.memoryBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (png) => png.length,
  });
  const logos = new LRUCache<string, { logo: Logo; until: number }>({ max: 2000 });
  const fetching = new Map<string, Promise<Logo>>();
  const renderer = createArtRenderer({ fontFiles: FONT_FILES, defaultFontFamily: ART_FONT_FAMILY });
  let prunedAt = 0;

  function asLogo(image: Buffer | null): Logo {
    const type = image && imageType(image);
    if (!image || !type) return null;
    return {
      dataUri: `data:${type};base64,${image.toString('base64')}`,
      hash: createHash('sha1').update(image).digest('hex').slice(0, 16),
    };
  }

  async function fetchLogo(url: string): Promise<Logo> {
    const fetchedAt = deps.now();
    let image: Buffer | null = null;
    let contentType: string | null = null;
    try {
      const got = await deps.logos!.getBytes(url);
      contentType = imageType(got.bytes);
      image = contentType ? got.bytes : null;
    } catch {
      // Unreachable or refused: the abbreviation is drawn instead, and the logo is tried again tomorrow.
    }
    await saveTeamLogo(db, url, { image, contentType, fetchedAt }).catch((err: unknown) =>
      deps.logger?.warn({ err }, 'could not keep a team logo'),
    );
    return asLogo(image);
  }

  /** A team's logo: kept in memory, else in Postgres, else fetched once (and again a day after a failure). */
  async function logoOf(url: string | null): Promise<Logo> {
    if (!url || !deps.logos || !/^https?:\/\//i.test(url)) return null;
    const now = deps.now().getTime();
    const known = logos.get(url);
    if (known && (known.logo || known.until > now)) return known.logo;
    const pending = fetching.get(url);
    if (pending) return pending;
    const lookup = (async () => {
      const stored = await getTeamLogo(db, url);
      const logo =
        stored && (stored.image || now - stored.fetchedAt.getTime() < LOGO_RETRY_MS)
          ? asLogo(stored.image)
          : await fetchLogo(url);
      const triedAt = stored && !stored.image && !logo ? stored.fetchedAt.getTime() : now;
      logos.set(url, { logo, until: triedAt + LOGO_RETRY_MS });
      return logo;
    })().finally(() => fetching.delete(url));
    fetching.set(url, lookup);
    return lookup;
  }

  async function teamFacts(
    row: ArtTeamRow | null,
    fallbackName: string | null,
  ): Promise<ArtTeamFacts | null> {
    if (!row)
      return fallbackName
        ? { name: fallbackName, abbreviation: null, colour: null, alternateColour: null, logo: null }
        : null;
    return {
      name: row.name,
      abbreviation: row.abbreviation,
      colour: hexColour(row.color),
      alternateColour: hexColour(row.alternate_color),
      logo: await logoOf(row.logo),
    };
  }

  async function readKept(key: string): Promise<Buffer | undefined> {
    if (!deps.dir) return undefined;
    return readFile(join(deps.dir, `${key}.png`)).catch(() => undefined);
  }

  /** Deletes kept images older than KEEP_ART_MS (events long over). */
  async function prune(dir: string, now: number): Promise<void> {
    for (const name of await readdir(dir)) {
      const file = join(dir, name);
      const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: now }));
      if (now - mtimeMs > KEEP_ART_MS) await unlink(file).catch(() => undefined);
    }
  }

  /** Writes the image whole under a temporary name first: a reader never sees half of it. */
  async function keep(key: string, png: Buffer): Promise<void> {
    const { dir } = deps;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    await writeFile(temporary, png);
    await rename(temporary, join(dir, `${key}.png`));
    const now = deps.now().getTime();
    if (now - prunedAt < 60 * 60 * 1000) return;
    prunedAt = now;
    await prune(dir, now);
  }

  async function render(key: string, svg: string, width: ArtWidth): Promise<Buffer> {
    const memo = rendered.get(key);
    if (memo) return memo;
    const kept = await readKept(key);
    if (kept) {
      rendered.set(key, kept);
      return kept;
    }
    const png = await renderer.render(svg, width);
    rendered.set(key, png);
    void keep(key, png).catch((err: unknown) => deps.logger?.warn({ err }, 'could not keep rendered art'));
    return png;
  }

  return {
    /** The art of a stored event at a width on a zone's clock; undefined when there is no such event. */
    async get(eventId: number, width: ArtWidth, timeZone: string): Promise<EventArt | undefined> {
      const event = await getEventRow(db, eventId);
      if (!event) return undefined;
      const teamIds = [event.home_team_id, event.away_team_id].filter((t): t is number => t !== null);
      const teams = new Map((await listTeamsForArt(db, teamIds)).map((t) => [t.id, t]));
      const team = (id: number | null) => (id === null ? null : (teams.get(id) ?? null));
      const league = deps.leagues.find((l) => l.key === event.league);
      const [home, away] = await Promise.all([
        teamFacts(team(event.home_team_id), event.home_name),
        teamFacts(team(event.away_team_id), event.away_name),
      ]);
      const spec = artSpec(
        {
          league: league?.name ?? event.league,
          sport: event.sport,
          title: event.title,
          startsAt: event.starts_at,
          home,
          away,
        },
        timeZone,
      );
      const key = createHash('sha1')
        .update(`${DRAWING}\n${width}\n${artIdentity(spec)}`)
        .digest('hex')
        .slice(0, 24);
      return { etag: `"art-${key}"`, png: () => render(key, matchupSvg(spec), width) };
    },
    /** Stops the renderer's worker (a later image starts it again). */
    close: () => renderer.close(),
  };
}

export type EventArtService = ReturnType<typeof createEventArt>;
