import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CatalogueEntry } from '../domain/league-catalogue.js';
import { ConfigError } from './env.js';
import { SPORTS } from './leagues.js';

export const DEFAULT_ESPN_LEAGUES_FILE = 'config/espn-leagues.yaml';

const entrySchema = z.strictObject({
  key: z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2-12 upper-case letters or digits'),
  espn: z.string().regex(/^[a-z-]+\/[a-z0-9._-]+$/, 'must look like soccer/ned.1'),
  name: z.string().min(1),
  sport: z.enum(SPORTS),
  // YAML reads an unquoted 4337 as a number.
  thesportsdb: z
    .union([z.string().regex(/^\d+$/), z.number().int()])
    .transform(String)
    .optional(),
  aliases: z.array(z.string().min(1)).default([]),
});

const fileSchema = z.strictObject({ leagues: z.array(entrySchema) }).superRefine((file, ctx) => {
  const keys = new Set<string>();
  file.leagues.forEach((l, i) => {
    if (keys.has(l.key))
      ctx.addIssue({ code: 'custom', path: ['leagues', i, 'key'], message: `"${l.key}" is listed twice` });
    keys.add(l.key);
  });
});

/** Validates the text of the ESPN league list; throws ConfigError naming every bad field. */
export function parseEspnLeagues(text: string, source = 'espn-leagues.yaml'): CatalogueEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(text) as unknown;
  } catch (err) {
    throw new ConfigError([`${source}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data.leagues.map((l) => ({
    key: l.key,
    name: l.name,
    sport: l.sport,
    espn: l.espn,
    thesportsdb: l.thesportsdb ? { id: l.thesportsdb, name: l.name } : null,
    aliases: l.aliases,
  }));
}

export function loadEspnLeagues(file = DEFAULT_ESPN_LEAGUES_FILE): CatalogueEntry[] {
  return parseEspnLeagues(readFileSync(file, 'utf8'), file);
}
