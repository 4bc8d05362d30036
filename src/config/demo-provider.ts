import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { isValidTimeZone } from '../domain/time.js';

const demoSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1),
  /** File name inside PLAYLIST_DIR. */
  playlist: z.string().regex(/^[\w.-]+$/, 'must be a file name inside PLAYLIST_DIR'),
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
});

export type DemoProvider = z.infer<typeof demoSchema>;

export function loadDemoProvider(file: string): DemoProvider {
  const parsed = demoSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
