// Checked-in config as tests read it: the leagues with a strict look-up, and the problems a bad file reports.
import { ConfigError } from '../../src/config/env.js';
import { loadLeagues, type LeagueConfig } from '../../src/config/leagues.js';
import { findLeague } from '../../src/domain/family-leagues.js';

export const leagues: LeagueConfig[] = loadLeagues();

/** A configured league by key; a test naming an unknown one fails at once. */
export function league(key: string): LeagueConfig {
  const l = findLeague(leagues, key);
  if (!l) throw new Error(`no league ${key}`);
  return l;
}

/** The problems of the ConfigError `fn` throws; fails when it throws nothing or something else. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}
