// Understanding the text of a channel name after its slot (or the whole name when it has none): flags, date and
// time, league hints, then teams or a title.
import type { ChannelFlags, ChannelKind, ChannelPart } from '../types.js';
import { extractDateTime } from './when/datetime.js';
import { emptyFlags, extractFlags } from './flags.js';
import { isCardTitle, isKnownLeague, isStageText } from './hints.js';
import { findMatchup, peelPrefixes, readMainText } from './main-text.js';
import { readWholePart } from './part.js';
import { isSeriesEventText } from './series.js';
import { isPlaceholderText, isUndecidedTeam } from './placeholder.js';
import { cleanTeam, dropTimeMarkers, plain, splitMatchup, stripBrackets, type Matchup } from './teams.js';
import { resolveWhen } from './when/resolve.js';
import { zonedToUtc } from '../time.js';

export interface PayloadReading {
  kind: ChannelKind;
  teams: string[];
  awayFirst: boolean;
  title: string | null;
  part: ChannelPart | null;
  leagueHints: string[];
  time: string | null;
  timeZone: string | null;
  date: string | null;
  startsAt: Date | null;
  timeOnly: boolean;
  stopsAt: Date | null;
  flags: ChannelFlags;
}

const HAS_LETTER = /\p{L}/u;
// Pipe-delimited words that carry nothing: `Next | Rockies at Pirates | all | ...`, `| 8K EXCLUSIVE |`.
const JUNK_SEGMENT = /^(?:live|next|now|all|new|exclusive|today|tonight|upcoming|on now)$/i;
const FREE_EVENT_HINT =
  /@|\bv(?:s|ersus)?\b|fight night|\b(?:no|tbd|tba|tbc|n\/a|off|coming|to be|offline|please|technical|nothing|not|unavailable|placeholder)\b/i;

interface Segment {
  raw: string;
  /** Without brackets and edge separators: what a league or network segment is compared as. */
  clean: string;
  /** The segment follows a bullet, not a pipe. */
  afterBullet: boolean;
  /** Its matchup, read once on first use (undefined: not read yet). */
  matchup?: Matchup | null;
  /** The matchup of its text after `Competition:` prefixes, read once on first use. */
  peeledMatchup?: Matchup | null;
}

function matchupOf(s: Segment): Matchup | null {
  if (s.matchup === undefined) s.matchup = splitMatchup(stripBrackets(s.raw));
  return s.matchup;
}

function peeledMatchupOf(s: Segment): Matchup | null {
  if (s.peeledMatchup === undefined) s.peeledMatchup = splitMatchup(stripBrackets(peelPrefixes(s.raw).text));
  return s.peeledMatchup;
}

/** The teams of a segment's matchup, in any order and case. */
function gameKey(s: Segment): string {
  const teams = peeledMatchupOf(s)?.teams ?? [];
  return teams
    .map((t) => t.toLowerCase().replace(/\W+/g, ''))
    .sort()
    .join('|');
}

function hasMatchup(s: Segment): boolean {
  const m = matchupOf(s);
  return m !== null && m.strength !== 'weak' && m.strength !== 'kickoff';
}

/**
 * Bullets separate segments as pipes do, but a bullet between the only two names of a payload with no other
 * matchup is the matchup itself: `Real Madrid • BVB 18:45 CET` is Real Madrid against BVB.
 */
function bulletMatchup(segments: Segment[]): Segment[] {
  if (segments.some(hasMatchup)) return segments;
  const content = segments.filter((s) => !isKnownLeague(s.clean) && !JUNK_SEGMENT.test(s.clean));
  const [a, b] = content;
  if (content.length !== 2 || !a || !b || !b.afterBullet || segments.indexOf(b) !== segments.indexOf(a) + 1) {
    return segments;
  }
  const joined = {
    raw: `${a.raw} vs ${b.raw}`,
    clean: `${a.clean} vs ${b.clean}`,
    afterBullet: a.afterBullet,
  };
  return segments.flatMap((s) => (s === a ? [joined] : s === b ? [] : [s]));
}

/** The `|` segment holding the event: the first with a real matchup, else the first that says something. */
function chooseMain(segments: Segment[]): number {
  if (segments.length < 2) return 0;
  const withMatchup = segments.findIndex(hasMatchup);
  if (withMatchup >= 0) return withMatchup;
  const useful = (s: Segment) =>
    !isKnownLeague(s.clean) && !JUNK_SEGMENT.test(s.clean) && !isStageText(s.clean);
  // `... | Play-Offs | 2nd Leg: NK Celje - Slovan Bratislava`: a ` - ` matchup before a bare title.
  const withDash = segments.findIndex((s) => useful(s) && peeledMatchupOf(s) !== null);
  if (withDash >= 0) return withDash;
  const firstUseful = segments.findIndex(useful);
  return firstUseful >= 0 ? firstUseful : 0;
}

/**
 * Reads a payload. `inSlot`: the text follows a recognised family slot, so anything but a placeholder is an
 * event; otherwise (a name with no slot) only a real matchup, a fight card or a time makes it one.
 */
export function readPayload(
  payload: string,
  inSlot: boolean,
  providerZone: string,
  now: Date,
): PayloadReading {
  const flags = emptyFlags();
  const untagged = extractFlags(payload, flags);
  // Most names without a slot are linear channels; without a digit (no time, no card number), a strong
  // separator, a placeholder word, a card or a series' race they cannot be anything else, so skip the rest.
  const hinted = FREE_EVENT_HINT.test(untagged) || isCardTitle(untagged);
  const series = !inSlot && !hinted && isSeriesEventText(untagged);
  if (!inSlot && !/\d/.test(untagged) && !hinted && !series) return otherReading(flags);
  const written = extractDateTime(untagged, providerZone);
  // Digits but no time (`(2019)`, `S08 E09`, `FOX 13 Seattle`): still nothing unless a card or a race.
  if (!inSlot && !written.time && !hinted && !series) return otherReading(flags);
  const zone = written.zone ?? providerZone;
  const when = resolveWhen(written.date, written.time, zone, now);
  const stopsAt = written.stop ? zonedToUtc(written.stop.ymd, written.stop.hhmm, zone) : null;
  const reading: PayloadReading = {
    ...otherReading(flags),
    kind: 'placeholder',
    time: when.time,
    timeZone: when.time ? zone : null,
    date: when.date,
    startsAt: when.startsAt,
    timeOnly: when.timeOnly,
    stopsAt,
  };

  // A league named in brackets (`Hawks v UTA (NBA)`) is a hint before brackets are dropped.
  for (const m of written.text.matchAll(/[([]\s*([^()[\]]{2,40}?)\s*[)\]]/gu)) {
    if (m[1] && isKnownLeague(m[1])) reading.leagueHints.push(m[1].trim());
  }
  const segments = bulletMatchup(
    dropTimeMarkers(written.text)
      .split(/(\||•)/)
      .reduce<Segment[]>((out, piece, i, all) => {
        if (i % 2 === 1) return out;
        const clean = cleanTeam(piece);
        if (HAS_LETTER.test(clean)) out.push({ raw: piece, clean, afterBullet: all[i - 1] === '•' });
        return out;
      }, []),
  );
  if (segments.length === 0 || isPlaceholderText(plain(segments.map((s) => s.raw).join(' | ')))) {
    return inSlot || segments.length > 0 ? reading : otherReading(flags);
  }

  // Two segments each with another game (`SF vs. ATL • NYM vs. TB`): a whip-around feed, titled, with no one
  // matchup. The same game written twice (`Hunt vs. Pugliesi | Hunt v Pugliesi`) is one.
  const withGames = segments.filter(hasMatchup);
  const games = withGames.length > 1 ? new Set(withGames.map(gameKey)) : new Set(withGames.map(() => ''));
  if (games.size >= 2) {
    reading.title = plain(segments.map((seg) => seg.raw).join(' • '));
    return { ...reading, kind: 'event' };
  }
  // A segment that is only a part (`Spanish Grand Prix | Race`): the part, not a network or a league.
  let part: ChannelPart | null = null;
  for (let at = 0; segments.length > 1 && part === null && at < segments.length; at++) {
    const beside = () => segments.flatMap((s, i) => (i === at ? [] : [s.clean])).join(' ');
    part = readWholePart(segments[at]?.clean ?? '', beside);
    if (part) segments.splice(at, 1);
  }
  const mainIndex = chooseMain(segments);
  const main = readMainText(segments[mainIndex]?.raw ?? '');
  segments.forEach(({ clean }, i) => {
    if (i === mainIndex || JUNK_SEGMENT.test(clean)) return;
    if (i < mainIndex || isKnownLeague(clean)) reading.leagueHints.push(clean);
    else flags.network.push(clean);
  });

  const matchup = findMatchup(main);
  reading.leagueHints.unshift(...main.hints);
  if (matchup) {
    if (matchup.teams.every(isUndecidedTeam)) return reading;
    reading.teams = matchup.teams;
    reading.awayFirst = matchup.awayFirst;
  }
  const title = plain(main.text) || main.dropped.join(': ');
  reading.title = main.cardTitle ?? (matchup ? null : title || null);
  // Sessions are a race weekend's: beside two teams the words say something else (`(Qualifying)` of a cup).
  part = main.part ?? part;
  reading.part = part?.kind === 'session' && reading.teams.length > 0 ? null : part;

  const isEvent = inSlot
    ? reading.teams.length > 0 || reading.title !== null
    : (matchup !== null && (matchup.strength === 'strong' || when.time !== null)) ||
      main.cardTitle !== null ||
      isCardTitle(title) ||
      ((when.time !== null || series) && reading.title !== null);
  if (isEvent) return { ...reading, kind: 'event' };
  if (inSlot) return reading;
  return { ...otherReading(flags), leagueHints: reading.leagueHints };
}

/** Not an event: keep the tags, nothing a schedule could take for a game. */
function otherReading(flags: ChannelFlags): PayloadReading {
  const none = { title: null, time: null, timeZone: null, date: null, startsAt: null, stopsAt: null };
  return {
    ...none,
    kind: 'other',
    teams: [],
    awayFirst: false,
    part: null,
    leagueHints: [],
    timeOnly: false,
    flags,
  };
}
