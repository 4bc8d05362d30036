import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { SportsConfig } from '../domain/schedule/index.js';

const sportSchema = z.object({
  durationMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60),
  emoji: z.string().default(''),
  categories: z.array(z.string().trim().min(1)).default([]),
  aliases: z.array(z.string().trim().min(1)).default([]),
});

const sportsFileSchema = z.object({
  sports: z
    .record(z.string().regex(/^[a-z0-9-]+$/, 'sport ids are lower-case words joined by dashes'), sportSchema)
    .refine((sports) => 'unknown' in sports, 'must define the `unknown` sport'),
});

export class SportsConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid sports config ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SportsConfigError';
  }
}

/** Validates the text of `config/sports.yaml`; throws SportsConfigError listing every problem. */
export function parseSportsConfig(text: string, source = 'sports.yaml'): SportsConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new SportsConfigError(source, [err instanceof Error ? err.message : String(err)]);
  }
  const parsed = sportsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SportsConfigError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** Reads `<configDir>/sports.yaml` (CONFIG_DIR, `./config` by default). */
export function loadSportsConfig(configDir: string): SportsConfig {
  const file = join(configDir, 'sports.yaml');
  return parseSportsConfig(readFileSync(file, 'utf8'), file);
}
