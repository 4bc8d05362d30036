import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { loadDefaultFamilies } from '../config/channel-families.js';
import type { Config } from '../config/env.js';
import { loadFamilyLeagueMappings, loadLeagues } from '../config/leagues.js';
import { loadSportsConfig } from '../config/sports.js';
import type { Database } from '../db/database.js';
import { providerFamilies } from '../db/provider-patterns.js';
import { createPlaylistFetcher } from '../sources/playlist.js';
import { createGuideGenerator } from './guide-generator.js';
import { createGuideService } from './guide-service.js';
import { createPlaylistReader } from './playlist-reader.js';

export type ServiceConfig = Pick<
  Config,
  | 'CONFIG_DIR'
  | 'PLAYLIST_DIR'
  | 'PLAYLIST_MAX_BYTES'
  | 'GUIDE_CACHE_TTL_SECONDS'
  | 'DEFAULT_TIMEZONE'
  | 'PUBLIC_BASE_URL'
>;

/** The stateful parts, built once: config files, the playlist reader, the guide generator and its cache. */
export function buildServices(deps: {
  database: Database;
  config: ServiceConfig;
  now: () => Date;
  logger?: Logger;
}) {
  const { config } = deps;
  const configDir = resolve(config.CONFIG_DIR);
  const playlistDir = resolve(config.PLAYLIST_DIR);
  const leagues = loadLeagues(resolve(configDir, 'leagues.yaml'));
  const familyMappings = loadFamilyLeagueMappings(resolve(configDir, 'family-leagues.yaml'), leagues);
  const defaultFamilies = loadDefaultFamilies(resolve(configDir, 'channel-families.yaml'));
  const sports = loadSportsConfig(configDir);

  const reader = createPlaylistReader({
    fetcher: createPlaylistFetcher({ playlistDir, maxBytes: config.PLAYLIST_MAX_BYTES }),
  });
  const generator = createGuideGenerator({
    reader,
    defaultFamilies,
    familyMappings,
    leagues,
    sports,
    providerPatterns: (providerId) => providerFamilies(deps.database.db, providerId),
    now: deps.now,
  });
  const guides = createGuideService({
    database: deps.database,
    generator,
    ttlMs: config.GUIDE_CACHE_TTL_SECONDS * 1000,
    ...(deps.logger && { logger: deps.logger }),
  });
  return {
    leagues,
    familyMappings,
    defaultFamilies,
    sports,
    reader,
    guides,
    guide: {
      guides,
      defaultFamilies,
      defaultTimeZone: config.DEFAULT_TIMEZONE,
      cacheSeconds: config.GUIDE_CACHE_TTL_SECONDS,
      now: deps.now,
      ...(config.PUBLIC_BASE_URL && { publicBaseUrl: config.PUBLIC_BASE_URL }),
    },
  };
}

export type Services = ReturnType<typeof buildServices>;
