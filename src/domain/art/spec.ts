// From an event, its teams and the viewer's zone to what its matchup art shows.
import { dayAndTime, writesHomeFirst } from '../schedule/text.js';
import { colourFromName } from './colour.js';
import type { ArtSpec, ArtTeam } from './matchup-svg.js';

export interface ArtTeamFacts {
  name: string;
  abbreviation: string | null;
  colour: string | null;
  alternateColour: string | null;
  logo: { dataUri: string; hash: string } | null;
}

export interface ArtEventFacts {
  /** The league's label (`NBA`). */
  league: string;
  sport: string;
  title: string;
  startsAt: Date;
  home: ArtTeamFacts | null;
  away: ArtTeamFacts | null;
}

/** `LAL` from ESPN; else the initials of a name of several words, or its first three letters. */
export function abbreviationOf(name: string, given: string | null): string {
  if (given?.trim()) return given.trim();
  const words = name.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length >= 2)
    return words
      .map((w) => [...w][0])
      .join('')
      .slice(0, 3)
      .toUpperCase();
  return [...(words[0] ?? name)].slice(0, 3).join('').toUpperCase();
}

function team(facts: ArtTeamFacts): ArtTeam {
  return {
    name: facts.name,
    abbreviation: abbreviationOf(facts.name, facts.abbreviation),
    colour: facts.colour ?? colourFromName(facts.name),
    alternateColour: facts.alternateColour,
    logo: facts.logo,
  };
}

/** `Tue, Dec 1 · 7:30 PM EST` on the zone's clock, in the guide's own words. */
export function formatArtStart(at: Date, timeZone: string): string {
  const { day, time } = dayAndTime(at, timeZone);
  return `${day} · ${time}`;
}

export function artSpec(event: ArtEventFacts, timeZone: string): ArtSpec {
  const { home, away } = event;
  const homeFirst = writesHomeFirst(event.sport);
  return {
    league: event.league,
    start: formatArtStart(event.startsAt, timeZone),
    teams:
      home && away
        ? homeFirst
          ? { left: team(home), right: team(away), joiner: 'VS' }
          : { left: team(away), right: team(home), joiner: '@' }
        : null,
    title: event.title,
  };
}
