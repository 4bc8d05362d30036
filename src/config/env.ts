import proxyAddr from '@fastify/proxy-addr';
import { z } from 'zod';
import { isValidTimeZone } from '../domain/time.js';

// One schema over the environment; nothing else in the process reads process.env.
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const httpUrl = z.url({ protocol: /^https?$/ });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  ESPN_BASE_URL: httpUrl.default('https://site.api.espn.com'),
  THESPORTSDB_BASE_URL: httpUrl.default('https://www.thesportsdb.com'),
  THESPORTSDB_API_KEY: z.string().min(1).default('123'),
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalString.pipe(httpUrl.optional()),
  LLM_MODEL: z.string().min(1).default('claude-haiku-4-5'),
  LLM_DAILY_BUDGET_USD: z.coerce.number().nonnegative().default(1),
  /** One LLM call's deadline; a call past it fails and its channels stay unmatched. */
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a guide waits for the LLM's answers; later ones are stored and serve the next guide. */
  LLM_WAIT_MS: z.coerce.number().int().nonnegative().default(10_000),
  PLAYLIST_DIR: z.string().min(1).default('./config/playlists'),
  CONFIG_DIR: z.string().min(1).default('./config'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_TIMEZONE: z
    .string()
    .default('America/New_York')
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York'),
  PLAYLIST_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  GUIDE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  /** Live entries a playlist may hold: memory follows what is kept, so a bigger one is refused. */
  PLAYLIST_MAX_ENTRIES: z.coerce.number().int().positive().default(200_000),
  /** One deadline for fetching a playlist: connect, headers, redirects, retries and the whole body. */
  PLAYLIST_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
  MATCH_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  EVENTS_REFRESH_INTERVAL_SECONDS: z.coerce.number().int().nonnegative().default(900),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Entries of the made-up playlist the generator rehearses on before the server listens; 0 skips it. */
  REHEARSAL_ENTRIES: z.coerce.number().int().nonnegative().max(200_000).default(6000),
  PUBLIC_BASE_URL: optionalString.pipe(httpUrl.optional()),
  /**
   * Reverse proxies whose X-Forwarded-Host/-Proto/-For are believed: addresses, CIDR ranges or `loopback`,
   * `linklocal`, `uniquelocal`, comma-separated. Empty: none, and no request header chooses the origin that
   * playlists point players at.
   */
  TRUSTED_PROXIES: optionalString
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    )
    .superRefine((list, ctx) => {
      try {
        proxyAddr.compile(list);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : 'invalid address' });
      }
    }),
  /** Bearer token for GET /metrics; unset, metrics answer loopback clients only. */
  METRICS_TOKEN: optionalString.pipe(z.string().min(16).optional()),
  /** Admin API requests one client address may make per minute; failed sign-ins are held to a tenth of it. */
  ADMIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
