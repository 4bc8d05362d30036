import { z } from 'zod';

// ESPN's site API is undocumented and varies by sport and era: every field the mapper does not need to
// place an event is optional, and unknown keys are ignored. Ids are strings, but accept numbers too.
const id = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.string().nullish();
// A field the mapper can do without: a value of another shape reads as absent rather than failing the event.
const count = z.number().nullish().catch(null);
const flag = z.boolean().nullish().catch(null);

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
  /** Golf: the round; racing: laps; tennis: the set. */
  period: count,
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

const personSchema = z.object({ displayName: text, fullName: text, shortName: text });

export const espnCompetitorSchema = z.object({
  /** Tennis writes a pair as `3126-2946` and a player not yet drawn with a negative id. */
  id: id.nullish(),
  /** `team`, or `athlete` in MMA, tennis and racing (a tennis pair is a `team` with a `roster`). */
  type: text,
  homeAway: text,
  /** A bout's or match's first-named side is 1; a race's or leaderboard's position. */
  order: count,
  team: espnTeamSchema.nullish(),
  athlete: personSchema.nullish().catch(null),
  roster: z.object({ displayName: text }).nullish().catch(null),
  curatedRank: z.object({ current: z.number().nullish() }).nullish(),
  /** Golf: one entry per round; the leaderboard answer gives each its tee time (UTC, to the minute). */
  linescores: z
    .array(z.object({ period: count, teeTime: text.catch(null) }))
    .nullish()
    .catch(null),
});

export const espnCompetitionSchema = z.object({
  id: id.nullish(),
  date: text,
  /** False: `date` only places the day (midnight US Eastern). */
  timeValid: flag,
  /** `court` is a tennis match's court (`Arthur Ashe Stadium`), or empty before it is set. */
  venue: z.object({ fullName: text, court: text }).nullish(),
  competitors: z.array(espnCompetitorSchema).nullish(),
  status: espnStatusSchema.nullish(),
  /** A race weekend's session (`FP1`, `Qual`, `Race`), a bout's weight class, a tennis match's draw. */
  type: z.object({ abbreviation: text, text: text, slug: text }).nullish().catch(null),
  /** Tennis: `Round 4`, `Quarterfinal`, `Final`. */
  round: z.object({ displayName: text }).nullish().catch(null),
});

export const espnEventSchema = z.object({
  id,
  /** UTC, minute precision: `2022-09-25T17:00Z`. */
  date: z.string(),
  /** `Away at Home` for team sports; the event's own name otherwise. */
  name: text,
  shortName: text,
  /** Golf, tennis, race weekends: the last day, as a placeholder instant like `date`. */
  endDate: text,
  status: espnStatusSchema.nullish(),
  competitions: z.array(espnCompetitionSchema).nullish(),
  /** Tennis: one entry per draw (`Men's Singles`), holding the draw's matches; the event has no competitions. */
  groupings: z
    .array(
      z.object({
        grouping: z.object({ displayName: text, slug: text }).nullish(),
        competitions: z.array(espnCompetitionSchema).nullish(),
      }),
    )
    .nullish(),
  /** Formula 1: the track, at event level. */
  circuit: z.object({ fullName: text }).nullish().catch(null),
  /** Golf's leaderboard answer. */
  tournament: z.object({ numberOfRounds: count }).nullish().catch(null),
  courses: z
    .array(z.object({ name: text, host: flag }))
    .nullish()
    .catch(null),
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
