// Leagues nobody configured, found when a channel names them: a family label or hint that names no configured
// league is looked up in the ESPN league list, then in TheSportsDB's league list (fetched at most once a day and
// kept in Postgres). A league found is stored in `leagues` and joins the live league list that the refresher,
// the match chain and the scheduler read, so its days are fetched and its events matched like a configured one's.
import { LRUCache } from 'lru-cache';
import { SPORTS, type LeagueConfig, type Sport } from '../../config/leagues.js';
import { listSourceLeagues, replaceSourceLeagues } from '../../db/league-catalogue.js';
import { insertDiscoveredLeague, listDiscoveredLeagues } from '../../db/leagues.js';
import type { Database } from '../../db/database.js';
import {
  indexCatalogue,
  leagueOfEntry,
  tsdbCatalogueEntry,
  type CatalogueEntry,
  type CatalogueIndex,
  type DiscoveredLeague,
} from '../../domain/league-catalogue.js';
import { createLeagueLexicon, type LeagueLexicon } from '../../domain/league-names.js';
import type { TheSportsDbClient } from '../../sources/thesportsdb.js';

const DAY_MS = 86_400_000;
/** After a failed fetch of TheSportsDB's list, how long to go without it. */
const RETRY_MS = 3_600_000;
/** New leagues one call may add: each costs source requests. */
const MAX_NEW_PER_CALL = 4;

export interface LeagueDiscoveryDeps {
  database: Database;
  tsdb: Pick<TheSportsDbClient, 'allLeagues'>;
  configured: readonly LeagueConfig[];
  /** The ESPN league list (config/espn-leagues.yaml). */
  espnLeagues: readonly CatalogueEntry[];
  now: () => Date;
  logger?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

function asLeagueConfig(l: DiscoveredLeague): LeagueConfig {
  const sport = (SPORTS as readonly string[]).includes(l.sport) ? (l.sport as Sport) : 'other';
  return { ...l, sport, espnQuery: {} };
}

export function createLeagueDiscovery(deps: LeagueDiscoveryDeps) {
  const { db } = deps.database;
  /** Configured leagues first, then the ones found; grows, never shrinks. */
  const leagues: LeagueConfig[] = [...deps.configured];
  const configuredLexicon = createLeagueLexicon(
    deps.configured.map((l) => ({
      key: l.key,
      sport: l.sport,
      names: [l.name, ...l.aliases, ...(l.thesportsdb ? [l.thesportsdb.name] : [])],
    })),
  );
  let foundLexicon = createLeagueLexicon([]);
  // An entry that is a configured league under another name is that league, not a new one.
  const taken = {
    keys: new Set(deps.configured.map((l) => l.key)),
    espn: new Set(deps.configured.flatMap((l) => (l.espn ? [l.espn] : []))),
    tsdb: new Set(deps.configured.flatMap((l) => (l.thesportsdb ? [l.thesportsdb.id] : []))),
  };
  const fresh = (e: CatalogueEntry) =>
    !taken.keys.has(e.key) &&
    !(e.espn && taken.espn.has(e.espn)) &&
    !(e.thesportsdb && taken.tsdb.has(e.thesportsdb.id));
  const espnIndex = indexCatalogue(deps.espnLeagues.filter(fresh));
  let tsdbIndex: { index: CatalogueIndex; at: number } | null = null;
  let tsdbFailedAt = -Infinity;
  let loadingTsdb: Promise<CatalogueIndex | null> | null = null;
  /** Names that named nothing, with TheSportsDB's list at hand. */
  const unknown = new LRUCache<string, true>({ max: 20_000, ttl: DAY_MS });

  function add(found: DiscoveredLeague): void {
    if (leagues.some((l) => l.key === found.key)) return;
    leagues.push(asLeagueConfig(found));
    const discovered = leagues.slice(deps.configured.length);
    // Found leagues answer to their names only: a sport word (`Soccer 01`) keeps naming the configured ones.
    foundLexicon = createLeagueLexicon(
      discovered.map((l) => ({ key: l.key, sport: '', names: [l.name, ...l.aliases] })),
    );
  }

  async function fetchTsdb(nowMs: number): Promise<CatalogueIndex | null> {
    const stored = await listSourceLeagues(db, 'thesportsdb');
    let rows = stored.rows;
    let at = stored.fetchedAt?.getTime() ?? -Infinity;
    if (nowMs - at >= DAY_MS && nowMs - tsdbFailedAt >= RETRY_MS) {
      try {
        rows = await deps.tsdb.allLeagues();
        at = nowMs;
        if (rows.length > 0) await replaceSourceLeagues(db, 'thesportsdb', rows, new Date(nowMs));
      } catch (err) {
        tsdbFailedAt = nowMs;
        deps.logger?.warn({ err }, "could not fetch TheSportsDB's league list");
      }
    }
    if (rows.length === 0) return null;
    tsdbIndex = { index: indexCatalogue(rows.map(tsdbCatalogueEntry).filter(fresh)), at };
    return tsdbIndex.index;
  }

  /** TheSportsDB's list, from memory, Postgres or the source: at most one fetch a day, one at a time. */
  async function tsdbCatalogue(): Promise<CatalogueIndex | null> {
    const nowMs = deps.now().getTime();
    if (tsdbIndex && nowMs - tsdbIndex.at < DAY_MS) return tsdbIndex.index;
    if (nowMs - tsdbFailedAt < RETRY_MS) return tsdbIndex?.index ?? null;
    loadingTsdb ??= fetchTsdb(nowMs).finally(() => (loadingTsdb = null));
    return loadingTsdb;
  }

  const knownName = (text: string) =>
    configuredLexicon.exact(text) !== null || foundLexicon.exact(text) !== null;

  return {
    /** Every league: the configured ones, then those found (the same array, growing). */
    leagues: leagues as readonly LeagueConfig[],
    /** The names of every league, found ones included. */
    lexicon: {
      exact: (hint) => configuredLexicon.exact(hint) ?? foundLexicon.exact(hint),
      within: (text) => [...new Set([...configuredLexicon.within(text), ...foundLexicon.within(text)])],
    } satisfies LeagueLexicon,
    /** Reads back the leagues found before; run once at start, after migrations. */
    async load(): Promise<number> {
      const found = await listDiscoveredLeagues(db);
      for (const l of found) if (!taken.keys.has(l.key)) add(l);
      return found.length;
    },
    /**
     * Looks up the names that name no known league; stores and adds the leagues found (a few a call). Resolves
     * to the keys added. Never throws: a failure leaves the names unresolved.
     */
    async discover(names: readonly string[]): Promise<string[]> {
      const added: string[] = [];
      const asked = [...new Set(names.map((n) => n.trim()))].filter(
        (n) => n.length >= 3 && !unknown.has(n.toLowerCase()) && !knownName(n),
      );
      for (const name of asked) {
        if (added.length >= MAX_NEW_PER_CALL) break;
        try {
          let entry = espnIndex.resolve(name);
          if (!entry) {
            const tsdb = await tsdbCatalogue();
            entry = tsdb?.resolve(name) ?? null;
            if (!entry && tsdb) unknown.set(name.toLowerCase(), true);
          }
          if (!entry || leagues.some((l) => l.key === entry.key)) continue;
          // The name as channels write it (`Superleague Greece` for `Greek Superleague Greece`) names it from now on.
          const league = leagueOfEntry({ ...entry, aliases: [...entry.aliases, name] });
          await insertDiscoveredLeague(db, league, deps.now());
          add(league);
          added.push(league.key);
          deps.logger?.info({ name, league: league.key }, 'league found by name');
        } catch (err) {
          deps.logger?.warn({ err, name }, 'could not look a league up');
        }
      }
      return added;
    },
  };
}

export type LeagueDiscovery = ReturnType<typeof createLeagueDiscovery>;
