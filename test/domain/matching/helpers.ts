// Builders for matching tests: teams the way the store gives them (ESPN fields plus TheSportsDB alternates),
// events, and parsed channels written out field by field so the tests do not depend on the name parser.
import type { Candidate } from '../../../src/domain/matching/candidate-index.js';
import { teamAliases } from '../../../src/domain/matching/team-names.js';
import { hhmm, wallClock } from '../../../src/domain/time.js';
import type { ParsedChannel, SportEvent } from '../../../src/domain/types.js';
import { parsedChannel } from '../../support/parsed-channel.js';

export interface TestTeam {
  displayName: string;
  aliases: string[];
}

/** A pro team: `team('Los Angeles', 'Lakers', 'LAL', ['L.A. Lakers'])`. */
export function team(
  location: string,
  name: string,
  abbreviation: string,
  alternates: string[] = [],
): TestTeam {
  const displayName = `${location} ${name}`;
  return {
    displayName,
    aliases: teamAliases({
      displayName,
      shortDisplayName: name,
      abbreviation,
      location,
      name,
      strTeamAlternate: alternates.join(','),
    }),
  };
}

/** A college team: ESPN's short name is the school (`Duke`), the name the mascot (`Blue Devils`). */
export function school(location: string, mascot: string, abbreviation: string): TestTeam {
  const displayName = `${location} ${mascot}`;
  return {
    displayName,
    aliases: teamAliases({ displayName, shortDisplayName: location, abbreviation, location, name: mascot }),
  };
}

/** A club known by one name (`Arsenal`), as ESPN writes soccer teams. */
export function club(name: string, abbreviation: string, alternates: string[] = []): TestTeam {
  return {
    displayName: name,
    aliases: teamAliases({
      displayName: name,
      shortDisplayName: name,
      abbreviation,
      location: name,
      name,
      strTeamAlternate: alternates.join(','),
    }),
  };
}

export function game(
  id: string,
  league: string,
  away: TestTeam,
  home: TestTeam,
  startsAt: string,
): Candidate {
  const event: SportEvent = {
    id,
    league,
    sport: 'basketball',
    title: `${away.displayName} at ${home.displayName}`,
    startsAt: new Date(startsAt),
    status: null,
    statusDetail: null,
    venue: null,
    home: home.displayName,
    away: away.displayName,
    image: null,
    externalIds: { espn: id },
  };
  return { event, homeAliases: home.aliases, awayAliases: away.aliases };
}

/** An event without teams: a fight card or a race. */
export function titled(id: string, league: string, title: string, startsAt: string): Candidate {
  const event: SportEvent = {
    id,
    league,
    sport: 'mma',
    title,
    startsAt: new Date(startsAt),
    status: null,
    statusDetail: null,
    venue: null,
    home: null,
    away: null,
    image: null,
    externalIds: { espn: id },
  };
  return { event, homeAliases: [], awayAliases: [] };
}

/** A parsed event channel; `at` (an ISO instant) is the start the name gives, written in New York time. */
export function channel(fields: Partial<ParsedChannel> & { at?: string }): ParsedChannel {
  const { at, ...rest } = fields;
  const startsAt = at ? new Date(at) : null;
  return parsedChannel({
    name: 'test channel',
    payload: '',
    teams: [],
    awayFirst: false,
    time: startsAt ? hhmm(wallClock(startsAt, 'America/New_York')) : null,
    timeZone: startsAt ? 'America/New_York' : null,
    startsAt,
    ...rest,
  });
}
