// Words of the guide: titles, descriptions, categories and programme ids. English, built by hand rather
// than by Intl date styles, whose spacing (U+202F before "PM") changes between ICU releases.
import { fnv1a32 } from '../hash.js';
import { createHourlyMemo, pad2, wallClock } from '../time.js';
import type { ParsedChannel, SportEvent } from '../types.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `Sat, Nov 28` for a local date "YYYY-MM-DD". */
export function formatDayLabel(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday] ?? ''}, ${MONTHS[m - 1] ?? ''} ${d}`;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

function intlZoneAbbreviation(timeZone: string, ms: number): string {
  let f = zoneNames.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, f);
  }
  return f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

const hourlyAbbreviation = createHourlyMemo(intlZoneAbbreviation);

/** The zone's short name at an instant (`EST`, `CDT`; `GMT+1` where en-US has no abbreviation). */
function zoneAbbreviation(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  return hourlyAbbreviation(timeZone, ms) ?? intlZoneAbbreviation(timeZone, ms);
}

/** `Wed, Nov 25` and `7:30 PM EST`: the day and the time an instant shows on a zone's clock. */
export function dayAndTime(instant: Date, timeZone: string): { day: string; time: string } {
  const w = wallClock(instant, timeZone);
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const half = w.hour < 12 ? 'AM' : 'PM';
  return {
    day: formatDayLabel(w.ymd),
    time: `${hour12}:${pad2(w.minute)} ${half} ${zoneAbbreviation(instant, timeZone)}`,
  };
}

/** `Wed, Nov 25 at 7:30 PM EST`: when an event starts, on the provider's clock. */
export function formatStart(instant: Date, timeZone: string): string {
  const { day, time } = dayAndTime(instant, timeZone);
  return `${day} at ${time}`;
}

/** Sports that write the home side first (`Arsenal vs Chelsea`); the rest write the away side first. */
export function writesHomeFirst(sportId: string): boolean {
  return sportId === 'soccer';
}

/**
 * The event's name: from a matched event "Away at Home" (US custom), "Home vs Away" for soccer, else the
 * event's own title; from the channel name the teams in written order joined as written (`at` when the
 * separator said the first team is away), else the non-matchup title, else the payload or display name.
 */
export function eventTitle(
  parsed: ParsedChannel,
  event: SportEvent | null,
  sportId: string,
  displayName: string,
): string {
  if (event) {
    // A part says which part in its title (`US Open: A vs B (Men's Singles, Final)`, `UFC 326: Main Card`).
    if (event.part && event.title.trim() !== '') return event.title.trim();
    if (event.home && event.away) {
      return writesHomeFirst(sportId) ? `${event.home} vs ${event.away}` : `${event.away} at ${event.home}`;
    }
    if (event.title.trim() !== '') return event.title.trim();
  }
  const [first, second] = parsed.teams;
  if (first && second) return parsed.awayFirst ? `${first} at ${second}` : `${first} vs ${second}`;
  if (parsed.title) return parsed.title;
  if (first) return first;
  return parsed.payload.trim() || displayName.trim() || parsed.name.trim() || 'Sports event';
}

/** `Postponed` / `Canceled` when a finished event never took place; null otherwise. */
export function calledOffWord(event: SportEvent | null): string | null {
  if (!event || event.status !== 'post' || !event.statusDetail) return null;
  if (/postpon/i.test(event.statusDetail)) return 'Postponed';
  if (/cancel/i.test(event.statusDetail)) return 'Canceled';
  if (/suspend/i.test(event.statusDetail)) return 'Suspended';
  return null;
}

/** Sentences about the event: teams, venue, league, and for a name-built programme the name itself. */
export function eventDetails(
  parsed: ParsedChannel,
  event: SportEvent | null,
  league: string | null,
): string[] {
  const lines: string[] = [];
  if (event) {
    if (event.home) lines.push(`Home: ${event.home}.`);
    if (event.away) lines.push(`Away: ${event.away}.`);
    if (event.venue) lines.push(`Venue: ${event.venue}.`);
  } else if (parsed.teams.length >= 2 && parsed.awayFirst) {
    lines.push(`Away: ${parsed.teams[0] ?? ''}.`, `Home: ${parsed.teams[1] ?? ''}.`);
  } else if (parsed.teams.length > 0) {
    lines.push(`Teams: ${parsed.teams.join(', ')}.`);
  }
  if (league) lines.push(`League: ${league}.`);
  const { feed, network, language } = parsed.flags;
  if (feed.length > 0) lines.push(`Feed: ${feed.join(', ')}.`);
  if (network.length > 0) lines.push(`Network: ${network.join(', ')}.`);
  if (language.length > 0) lines.push(`Language: ${language.join(', ')}.`);
  if (!event && parsed.name.trim() !== '') lines.push(`Channel: ${parsed.name.trim()}`);
  return lines;
}

/** Categories in player order: `Sports`, `Sports event` (event blocks only), the sport words, the league. */
export function categoriesFor(
  sportWords: readonly string[],
  league: string | null,
  isEvent: boolean,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of ['Sports', isEvent ? 'Sports event' : '', ...sportWords, league ?? '']) {
    const key = word.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(word.trim());
  }
  return out;
}

/**
 * A Schedules Direct style programme id, `EP` + 8 digits + `.` + 4 digits: Plex records a programme with an
 * `EP` id as an episode (one without is a movie, recorded once). Both parts hash the event key, so each
 * event gets its own id and the same event keeps it across guides.
 */
export function programmeIdFor(eventKey: string): string {
  const series = String(fnv1a32(eventKey) % 100_000_000).padStart(8, '0');
  const episode = String(fnv1a32(eventKey, 0x9747b28c) % 10_000).padStart(4, '0');
  return `EP${series}.${episode}`;
}
