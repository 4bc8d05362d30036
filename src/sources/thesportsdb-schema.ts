import { z } from 'zod';

// TheSportsDB v1 writes every value as a string or null, numbers included, and `""` often stands for
// "unknown". Accept numbers as well, and read `""` as null.
const field = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    if (v === null || v === undefined) return null;
    const s = String(v).trim();
    return s === '' ? null : s;
  });
const requiredId = z
  .union([z.string().regex(/^\s*\d+\s*$/), z.number().int()])
  .transform((v) => String(v).trim());

export const tsdbEventSchema = z.object({
  idEvent: requiredId,
  /** `Home vs Away`, sometimes with leading whitespace. */
  strEvent: field,
  strEventAlternate: field,
  strSport: field,
  idLeague: field,
  strLeague: field,
  strSeason: field,
  strHomeTeam: field,
  strAwayTeam: field,
  idHomeTeam: field,
  idAwayTeam: field,
  /** UTC without an offset (`2026-01-06T20:00:00`, older rows `2014-10-10T09:30`); null on old events. */
  strTimestamp: field,
  /** UTC date. */
  dateEvent: field,
  /** UTC time: `20:00:00`, older rows `14:00:00+00:00` or `8:00`. */
  strTime: field,
  strVenue: field,
  strThumb: field,
  strPoster: field,
  /** `NS`, `FT`, `Not Started`, `Match Finished`... */
  strStatus: field,
  strPostponed: field,
});
export type TsdbEvent = z.infer<typeof tsdbEventSchema>;

export const tsdbTeamSchema = z.object({
  idTeam: requiredId,
  idESPN: field,
  strTeam: z.string().trim().min(1),
  /** Comma-separated aliases. */
  strTeamAlternate: field,
  strTeamShort: field,
  /** Comma-separated nicknames. */
  strKeywords: field,
  strLocation: field,
  strSport: field,
  idLeague: field,
  strLeague: field,
  strBadge: field,
  strLogo: field,
  /** `#EF0107` */
  strColour1: field,
  strColour2: field,
});
export type TsdbTeam = z.infer<typeof tsdbTeamSchema>;

/** Envelopes: the list is `null` when nothing matched; rows are validated one by one. */
export const tsdbEventsSchema = z.object({ events: z.array(z.unknown()).nullish() });
export const tsdbTeamsSchema = z.object({ teams: z.array(z.unknown()).nullish() });

/** An `all_leagues.php` row: only the id, the name and the sport (newer rows add the alternate names). */
export const tsdbLeagueSchema = z.object({
  idLeague: requiredId,
  strLeague: z.string().trim().min(1),
  strSport: field,
  strLeagueAlternate: field,
});
export const tsdbLeaguesSchema = z.object({ leagues: z.array(z.unknown()).nullish() });
export type TsdbLeague = z.infer<typeof tsdbLeagueSchema>;
