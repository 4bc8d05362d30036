import { z } from 'zod';

// ESPN's site API is undocumented and varies by sport and era: every field the mapper does not need to
// place an event is optional, and unknown keys are ignored. Ids are strings, but accept numbers too.
const id = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.string().nullish();

export const espnTeamSchema = z.object({
  id,
  location: text,
  name: text,
  nickname: text,
  abbreviation: text,
  displayName: text,
  shortDisplayName: text,
  /** Scoreboard teams carry one logo URL... */
  logo: text,
  /** ...the teams endpoint a list. */
  logos: z.array(z.object({ href: z.string() })).nullish(),
  /** `552583`: hex without `#`. */
  color: text,
  alternateColor: text,
});
export type EspnTeam = z.infer<typeof espnTeamSchema>;

export const espnStatusSchema = z.object({
  type: z
    .object({
      name: text,
      /** `pre` | `in` | `post` */
      state: text,
      completed: z.boolean().nullish(),
      description: text,
      detail: text,
      shortDetail: text,
    })
    .nullish(),
});

export const espnCompetitorSchema = z.object({
  id: id.nullish(),
  /** `team`, or `athlete` in MMA, tennis and racing. */
  type: text,
  homeAway: text,
  team: espnTeamSchema.nullish(),
  curatedRank: z.object({ current: z.number().nullish() }).nullish(),
});

export const espnCompetitionSchema = z.object({
  id: id.nullish(),
  date: text,
  venue: z.object({ fullName: text }).nullish(),
  competitors: z.array(espnCompetitorSchema).nullish(),
  status: espnStatusSchema.nullish(),
});

export const espnEventSchema = z.object({
  id,
  /** UTC, minute precision: `2022-09-25T17:00Z`. */
  date: z.string(),
  /** `Away at Home` for team sports; the event's own name otherwise. */
  name: text,
  shortName: text,
  status: espnStatusSchema.nullish(),
  competitions: z.array(espnCompetitionSchema).nullish(),
  images: z.array(z.object({ href: z.string() })).nullish(),
});
export type EspnEvent = z.infer<typeof espnEventSchema>;

/** Only the envelope: each event is validated on its own so one odd event does not sink the day. */
export const espnScoreboardSchema = z.object({
  events: z.array(z.unknown()).nullish(),
});

export const espnTeamsSchema = z.object({
  sports: z.array(
    z.object({
      leagues: z.array(z.object({ teams: z.array(z.object({ team: z.unknown() })).nullish() })).nullish(),
    }),
  ),
});
