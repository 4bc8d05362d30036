// Shapes shared by the pure core. Nothing here does I/O.

/** One `#EXTINF` entry of an extended M3U playlist, as the provider wrote it. */
export interface PlaylistEntry {
  /**
   * Display name: the text after the comma that ends the `#EXTINF` attribute list (the first comma outside
   * quotes), trimmed. Commas inside the name are kept (`Murder, She Wrote`).
   */
  name: string;
  /** Stream URL line; null when the entry had none. */
  url: string | null;
  /** `#EXTINF` duration (`-1` for live). */
  duration: number;
  /** Every `#EXTINF` attribute, keys lower-cased; the last of repeated keys wins. */
  attrs: Record<string, string>;
  tvgId: string;
  tvgName: string;
  logo: string;
  /** `group-title`, else the last `#EXTGRP`. */
  group: string;
  /**
   * Whole `#EXTVLCOPT:` and `#KODIPROP:` lines (`#EXTVLCOPT:http-user-agent=...`) seen since the previous
   * entry's URL, and other `#EXT...` directives between `#EXTINF` and the URL, in order.
   */
  options: string[];
  /** True when an `#EXT-X-PLAYLIST-TYPE:VOD` marker applies to the entry. */
  vodMarker: boolean;
  /** 1-based line number of the `#EXTINF` line. */
  line: number;
}

export interface PlaylistHeader {
  /** `#EXTM3U` attributes (`url-tvg`, `x-tvg-url`, ...), keys lower-cased. */
  attrs: Record<string, string>;
}

export interface ParseStats {
  entries: number;
  /** Malformed entries skipped (with the line and reason of the first few). */
  skipped: number;
  problems: { line: number; reason: string }[];
  /** Entries kept although no URL line followed their `#EXTINF` (their `url` is null). */
  withoutUrl?: number;
  /** Well-formed entries the caller's `wants` turned away by their URL; counted only when it was given. */
  dropped?: number;
}

export type ChannelKind = 'event' | 'placeholder' | 'other';

/** How a name's family was recognised: a provider pattern, a configured family, the lineup, or the generic rule. */
export type FamilySource = 'provider' | 'config' | 'discovered' | 'generic';

export interface ChannelFlags {
  /** Quality tags: `1080p`, `4K`, `HD`, `FHD`... */
  quality: string[];
  /** Feed words: `home`, `away`, `national`, `ESPN Feed`, `Prime Vision`... */
  feed: string[];
  /** Networks named in the name: `Big Ten Network`, `NEC Front Row`... */
  network: string[];
  /** Language tags: `es` for `En Español` / `(Spanish)`, `en`... */
  language: string[];
  highlights: boolean;
  replay: boolean;
}

/**
 * What part of a larger event a name says it carries, in the words a part's label uses: a round of a golf or
 * tennis tournament (`Round 4`, `Final Round`, `Quarterfinal`, `Round of 16`), a session of a race weekend
 * (`Practice 1`, `Qualifying`, `Sprint Qualifying`, `Sprint`, `Race`), a fight card's segment (`Early Prelims`,
 * `Prelims`, `Main Card`).
 */
export interface ChannelPart {
  kind: 'round' | 'session' | 'segment';
  label: string;
}

/** A channel as understood from its display name alone. */
export interface ParsedChannel {
  name: string;
  kind: ChannelKind;
  /** Channel family as written, normalised for display (`NBA`, `ESPN+`, `NFL Game Pass`); null when none. */
  family: string | null;
  /** Slot number within the family; null when none. */
  slot: number | null;
  /** How the family was recognised; null when none was. */
  familySource: FamilySource | null;
  /** Text after the slot separator, trimmed; '' for empty slots. */
  payload: string;
  /** Teams in written order, cleaned (rank marks, tags removed). Empty for non-matchups. */
  teams: string[];
  /** True when the separator says the first team is away (`@`, `at`). */
  awayFirst: boolean;
  /**
   * For events that are not matchups (fight cards, races, press conferences), else null. Without the words of
   * `part`: the event's own name (`Spanish Grand Prix`, `The Genesis Invitational`, `UFC 326`).
   */
  title: string | null;
  /**
   * The part of a larger event the name says it carries (`Race`, `Round 4`, `Main Card`); null when it names none,
   * as a Grand Prix named alone does. Absent where a channel was not read from its name.
   */
  part?: ChannelPart | null;
  /** League hint words found in the payload (`UEFA Champions League`, `NFL`), as written. */
  leagueHints: string[];
  /** Local wall-clock time "HH:MM" (24 h) or null. */
  time: string | null;
  /** IANA zone the time is in: the named zone, else the provider's. Null when no time. */
  timeZone: string | null;
  /** Local date "YYYY-MM-DD" (year inferred from `now`) or null. */
  date: string | null;
  /**
   * The instant, when a time is known: the date + time in `timeZone`; for a time without a date (`timeOnly`),
   * the occurrence a viewer expects at `now`, which the events may overrule for the day before or after.
   */
  startsAt: Date | null;
  /** The name gives a time but no date. */
  timeOnly: boolean;
  /** Explicit stop instant (`stop:` form), else null. */
  stopsAt: Date | null;
  flags: ChannelFlags;
}

/** A channel family as data: from `config/channel-families.yaml` or a provider's stored patterns. */
export interface ChannelFamily {
  /** Canonical family label (`NBA`, `ESPN+`). */
  family: string;
  /**
   * Regex source matched against the whole display name. It must capture the named groups `slot` and
   * `payload`; it may capture `family` to override the label.
   */
  pattern: string;
  priority: number;
}

/**
 * What part of a larger event an event is: a tournament's round (golf) or match (tennis), a race weekend's
 * session (practice, qualifying, sprint, race), a fight card's segment (early prelims, prelims, main card). A
 * channel carries a part: it is matched, timed and titled as one.
 */
export interface EventPart {
  kind: 'round' | 'match' | 'session' | 'segment';
  /** As a programme title says it: `Round 4`, `Race`, `Qualifying`, `Main Card`, `Men's Singles, Final`. */
  label: string;
  /** The whole event's id (`espn:401811933`) and name (`The Genesis Invitational`, `UFC 326: Holloway vs. Oliveira 2`). */
  parentId: string;
  parentTitle: string;
}

/** A real event, whatever the source. Instants are UTC. */
export interface SportEvent {
  id: string;
  league: string;
  sport: string;
  title: string;
  startsAt: Date;
  /**
   * The latest it may end, when the source says (a golf round runs all day): a name's time anywhere from the
   * start to here fits. Absent or null: the start plus the league's length.
   */
  endsAt?: Date | null;
  /** The part of a larger event this is; absent or null for an event that is whole (a game). */
  part?: EventPart | null;
  /** `pre` | `in` | `post` (ESPN's state), or null when unknown. */
  status: 'pre' | 'in' | 'post' | null;
  statusDetail: string | null;
  venue: string | null;
  home: string | null;
  away: string | null;
  homeId?: string | null;
  awayId?: string | null;
  image: string | null;
  externalIds: { espn?: string; thesportsdb?: string };
}
