// Per-sport facts the schedule needs, as loaded from config/sports.yaml.

export interface SportProfile {
  /** Default length of an event of this sport in minutes, when its league gives none. */
  durationMinutes: number;
  /** Prefix for titles when emoji titles are on. */
  emoji: string;
  /** XMLTV `<category>` words for the sport itself (`Basketball`). */
  categories: string[];
  /** Other names sources use for the sport (ESPN's `football`, TheSportsDB's `Ice Hockey`). */
  aliases: string[];
}

export interface SportsConfig {
  /** Keyed by sport id (`basketball`, `american-football`); must contain `unknown`. */
  sports: Record<string, SportProfile>;
}

export interface ResolvedSport {
  /** Sport id, `unknown` when no sport or alias matched. */
  id: string;
  profile: SportProfile;
}

const normalise = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** The profile for a sport name or alias, case- and separator-insensitive; `unknown` otherwise. */
export function resolveSport(config: SportsConfig, name: string | null | undefined): ResolvedSport {
  const fallback = config.sports.unknown ?? { durationMinutes: 180, emoji: '', categories: [], aliases: [] };
  if (!name) return { id: 'unknown', profile: fallback };
  const wanted = normalise(name);
  for (const [id, profile] of Object.entries(config.sports)) {
    if (id === wanted || profile.aliases.some((alias) => normalise(alias) === wanted)) return { id, profile };
  }
  return { id: 'unknown', profile: fallback };
}
