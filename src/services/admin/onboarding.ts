// Onboarding a playlist: what epgoat would do with it, read and understood but neither matched nor stored, with
// the patterns and mappings it proposes; and storing the proposals an admin chose.
import type { Kysely } from 'kysely';
import { upsertProviderMapping } from '../../db/leagues.js';
import { insertProviderPattern } from '../../db/provider-patterns.js';
import type { DB } from '../../db/types.js';
import { compileAdminRegex } from '../../domain/admin-regex.js';
import { patternProblems, proposedPattern } from '../../domain/channel-name/pattern-check.js';
import { ValidationError } from '../../errors.js';
import type { FamilyReport, GuideProvider, PlaylistSummary } from '../guides/guide-contracts.js';
import type { GuideGenerator } from '../guides/guide-generator.js';

const SAMPLE_EVENTS = 40;
const SAMPLE_PLACEHOLDERS = 10;
const UNREADABLE_SHOWN = 40;
// A name the parser set aside that still reads like a game: two sides or a clock time.
const LOOKS_LIKE_EVENT = /\s(?:vs\.?|v\.?|@|at)\s|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b/iu;

export type Certainty = 'configured' | 'hinted' | 'learned' | 'unknown';

export interface OnboardReport {
  provider: string;
  playlistUrl: string;
  playlist: PlaylistSummary;
  families: (FamilyReport & { certainty: Certainty })[];
  sample: {
    name: string;
    kind: string;
    family: string | null;
    slot: number | null;
    teams: string[];
    title: string | null;
    time: string | null;
    timeZone: string | null;
    date: string | null;
  }[];
  unreadable: { count: number; names: string[] };
  proposals: {
    patterns: { family: string; pattern: string; example: string; slots: number; matchesExample: boolean }[];
    mappings: { family: string; leagues: string[]; why: string }[];
  };
}

function certaintyOf(source: FamilyReport['leagueSource']): Certainty {
  if (source === 'config' || source === 'provider') return 'configured';
  if (source === 'hint') return 'hinted';
  if (source === 'learned') return 'learned';
  return 'unknown';
}

function matches(pattern: string, name: string): boolean {
  return compileAdminRegex(pattern).regex?.test(name) ?? false;
}

export function createOnboarding(deps: { db: Kysely<DB>; generator: Pick<GuideGenerator, 'preview'> }) {
  async function preview(provider: GuideProvider): Promise<OnboardReport> {
    const { lineup, report } = await deps.generator.preview(provider);
    const families = (report.families ?? []).map((f) => ({ ...f, certainty: certaintyOf(f.leagueSource) }));
    const events = lineup.channels.filter((c) => c.parsed.kind === 'event').slice(0, SAMPLE_EVENTS);
    const empty = lineup.channels
      .filter((c) => c.parsed.kind === 'placeholder')
      .slice(0, SAMPLE_PLACEHOLDERS);
    // Names that read like games but give nothing to match: set aside, or outside every family without teams.
    const unreadable = lineup.all.filter((c) =>
      c.parsed.kind === 'other'
        ? LOOKS_LIKE_EVENT.test(c.entry.name)
        : c.parsed.kind === 'event' && c.parsed.family === null && c.parsed.teams.length === 0,
    );
    return {
      provider: provider.slug,
      playlistUrl: provider.playlistUrl,
      playlist: report.playlist!,
      families,
      sample: [...events, ...empty].map((c) => ({
        name: c.entry.name,
        kind: c.parsed.kind,
        family: c.parsed.family,
        slot: c.parsed.slot,
        teams: c.parsed.teams,
        title: c.parsed.title,
        time: c.parsed.time,
        timeZone: c.parsed.timeZone,
        date: c.parsed.date,
      })),
      unreadable: {
        count: unreadable.length,
        names: unreadable.slice(0, UNREADABLE_SHOWN).map((c) => c.entry.name),
      },
      proposals: {
        // A family only the lineup revealed is read again next time only if the lineup still shows it: a pattern
        // makes it the provider's own.
        patterns: families
          .filter((f) => f.recognisedBy === 'discovered')
          .map((f) => {
            const pattern = proposedPattern(f.family);
            return {
              family: f.family,
              pattern,
              example: f.example,
              slots: f.slots,
              matchesExample: matches(pattern, f.example),
            };
          }),
        // A league the name or the group titles hint at, made the provider's own mapping.
        mappings: families
          .filter((f) => f.certainty === 'hinted' && f.leagues.length > 0)
          .map((f) => ({
            family: f.family,
            leagues: f.leagues,
            why: 'the family’s name or its group titles name it',
          })),
      },
    };
  }

  async function accept(
    providerId: number,
    chosen: {
      patterns: { family: string; pattern: string; priority: number }[];
      mappings: { family: string; leagues: string[] }[];
    },
  ) {
    const problems = chosen.patterns.flatMap((p, i) =>
      patternProblems(p.family, p.pattern).map((message) => ({ field: `patterns.${i}.pattern`, message })),
    );
    if (problems.length > 0) {
      throw new ValidationError(
        `invalid pattern: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
        problems,
      );
    }
    const patterns = [];
    for (const p of chosen.patterns) {
      patterns.push(await insertProviderPattern(deps.db, { providerId, ...p, enabled: true }));
    }
    const mappings = [];
    for (const m of chosen.mappings) {
      mappings.push(await upsertProviderMapping(deps.db, providerId, m.family, m.leagues));
    }
    return {
      patterns: patterns.map((p) => ({
        id: p.id,
        family: p.family,
        pattern: p.pattern,
        priority: p.priority,
      })),
      mappings: mappings.map((m) => ({ family: m.family, leagues: m.league_keys })),
    };
  }

  return { preview, accept };
}

export type Onboarding = ReturnType<typeof createOnboarding>;
