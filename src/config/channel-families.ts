import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { compileFamilyPattern } from '../domain/channel-name/families.js';
import type { ChannelFamily } from '../domain/types.js';
import { ConfigError } from './env.js';

// Relative to the working directory, like the other checked-in config files.
export const DEFAULT_CHANNEL_FAMILIES_FILE = 'config/channel-families.yaml';

const familySchema = z
  .strictObject({
    family: z.string().trim().min(1),
    pattern: z.string().min(1),
    priority: z.number().int(),
  })
  .superRefine((family, ctx) => {
    // Default patterns are ours: they must compile exactly as compileFamilies compiles them, which then finds
    // each one compiled already.
    const { regex, problem } = compileFamilyPattern(family);
    if (regex === null) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
      return;
    }
    for (const group of ['slot', 'payload']) {
      if (!regex.groupNames.includes(group)) {
        ctx.addIssue({
          code: 'custom',
          path: ['pattern'],
          message: `must capture the named group "${group}"`,
        });
      }
    }
  });

const fileSchema = z.strictObject({ families: z.array(familySchema).min(1) });

function readYaml(text: string, source: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (err) {
    throw new ConfigError([`${source}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

/** Validates the text of a channel-families file; throws ConfigError naming every bad entry. */
export function parseChannelFamilies(text: string, source = 'channel-families.yaml'): ChannelFamily[] {
  const parsed = fileSchema.safeParse(readYaml(text, source));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data.families;
}

export function loadDefaultFamilies(file = DEFAULT_CHANNEL_FAMILIES_FILE): ChannelFamily[] {
  return parseChannelFamilies(readFileSync(file, 'utf8'), file);
}
