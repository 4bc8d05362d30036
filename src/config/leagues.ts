import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { familyKey, type FamilyLeagueMapping } from '../domain/family-leagues.js';
import { ConfigError } from './env.js';

// Relative to the working directory, like CONFIG_DIR's default; server.ts passes paths under CONFIG_DIR.
export const DEFAULT_LEAGUES_FILE = 'config/leagues.yaml';
export const DEFAULT_FAMILY_LEAGUES_FILE = 'config/family-leagues.yaml';

export const SPORTS = [
  'basketball',
  'american-football',
  'hockey',
  'baseball',
  'softball',
  'soccer',
  'mma',
  'boxing',
  'racing',
  'golf',
  'tennis',
  'rugby',
  'cricket',
  'australian-football',
  'lacrosse',
  'volleyball',
  'other',
] as const;
export type Sport = (typeof SPORTS)[number];

// YAML reads an unquoted 4328 as a number; ids and query values are strings everywhere else.
const stringish = z.union([z.string().min(1), z.number()]).transform(String);

const leagueSchema = z.strictObject({
  key: z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2-12 upper-case letters or digits'),
  name: z.string().min(1),
  sport: z.enum(SPORTS),
  /** ESPN `{sport}/{league}` slug. */
  espn: z
    .string()
    .regex(/^[a-z-]+\/[a-z0-9._-]+$/, 'must look like basketball/nba')
    .nullable()
    .default(null),
  /** Extra scoreboard query parameters. */
  espnQuery: z.record(z.string(), stringish).default({}),
  thesportsdb: z
    .strictObject({ id: stringish.pipe(z.string().regex(/^\d+$/)), name: z.string().min(1) })
    .nullable()
    .default(null),
  durationMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  /** True: canonical title "Away at Home"; false: "Home vs Away". */
  usStyle: z.boolean(),
  /** Other names of the league as channel names write them. */
  aliases: z.array(z.string().min(1)).default([]),
});

export type LeagueConfig = z.infer<typeof leagueSchema>;

const leaguesFileSchema = z
  .strictObject({ leagues: z.array(leagueSchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.leagues.forEach((l, i) => {
      const prev = seen.get(l.key);
      if (prev !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['leagues', i, 'key'],
          message: `duplicate of leagues.${prev}`,
        });
      }
      seen.set(l.key, i);
    });
    const tsdb = new Map<string, number>();
    file.leagues.forEach((l, i) => {
      if (!l.thesportsdb) return;
      const prev = tsdb.get(l.thesportsdb.id);
      if (prev !== undefined) {
        const message = `TheSportsDB id also used by leagues.${prev}`;
        ctx.addIssue({ code: 'custom', path: ['leagues', i, 'thesportsdb', 'id'], message });
      }
      tsdb.set(l.thesportsdb.id, i);
    });
  });

const familiesFileSchema = z.strictObject({
  families: z.array(
    z.strictObject({ family: z.string().trim().min(1), leagues: z.array(z.string().min(1)) }),
  ),
});

function problemsOf(error: z.ZodError, source: string): string[] {
  return error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`);
}

function readYaml(text: string, source: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (err) {
    throw new ConfigError([`${source}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

/** Validates the text of a leagues file; throws ConfigError naming every bad field. */
export function parseLeagues(text: string, source = 'leagues.yaml'): LeagueConfig[] {
  const parsed = leaguesFileSchema.safeParse(readYaml(text, source));
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error, source));
  return parsed.data.leagues;
}

export function loadLeagues(file = DEFAULT_LEAGUES_FILE): LeagueConfig[] {
  return parseLeagues(readFileSync(file, 'utf8'), file);
}

/**
 * Validates the text of a family-mappings file. With `leagues`, every league key must exist there; a family
 * listed twice is an error either way.
 */
export function parseFamilyLeagueMappings(
  text: string,
  source = 'family-leagues.yaml',
  leagues?: readonly LeagueConfig[],
): FamilyLeagueMapping[] {
  const parsed = familiesFileSchema.safeParse(readYaml(text, source));
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error, source));
  const known = leagues ? new Set(leagues.map((l) => l.key)) : null;
  const problems: string[] = [];
  const seen = new Map<string, number>();
  parsed.data.families.forEach((m, i) => {
    const prev = seen.get(familyKey(m.family));
    if (prev !== undefined)
      problems.push(`${source}: families.${i}.family: "${m.family}" repeats families.${prev}`);
    seen.set(familyKey(m.family), i);
    m.leagues.forEach((key, j) => {
      if (known && !known.has(key))
        problems.push(`${source}: families.${i}.leagues.${j}: unknown league "${key}"`);
    });
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data.families;
}

export function loadFamilyLeagueMappings(
  file = DEFAULT_FAMILY_LEAGUES_FILE,
  leagues?: readonly LeagueConfig[],
): FamilyLeagueMapping[] {
  return parseFamilyLeagueMappings(readFileSync(file, 'utf8'), file, leagues);
}
