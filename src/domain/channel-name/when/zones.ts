// Zone words written after a kick-off time, mapped to IANA zones. Abbreviations stand for the region, not a
// fixed offset: providers write `EST` all summer, and DST must come from the zone rules (DESIGN "Time is
// explicit"). `GMT` is the exception: it names the offset itself, and providers that write it in summer mean
// UTC (their listings agree with the ET ones an hour later than London's clock); `UK` and `BST` mean London.

const ZONES: Record<string, string> = {
  ET: 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  EASTERN: 'America/New_York',
  CT: 'America/Chicago',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CENTRAL: 'America/Chicago',
  MT: 'America/Denver',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MOUNTAIN: 'America/Denver',
  PT: 'America/Los_Angeles',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PACIFIC: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  UK: 'Europe/London',
  GMT: 'UTC',
  Z: 'UTC',
  BST: 'Europe/London',
  LONDON: 'Europe/London',
  DUBLIN: 'Europe/Dublin',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  LISBON: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  PARIS: 'Europe/Paris',
  BERLIN: 'Europe/Berlin',
  MADRID: 'Europe/Madrid',
  ROME: 'Europe/Rome',
  AMSTERDAM: 'Europe/Amsterdam',
  STOCKHOLM: 'Europe/Stockholm',
  OSLO: 'Europe/Oslo',
  COPENHAGEN: 'Europe/Copenhagen',
  HELSINKI: 'Europe/Helsinki',
  BRUSSELS: 'Europe/Brussels',
  VIENNA: 'Europe/Vienna',
  ZURICH: 'Europe/Zurich',
  WARSAW: 'Europe/Warsaw',
  PRAGUE: 'Europe/Prague',
  LISBOA: 'Europe/Lisbon',
  ATHENS: 'Europe/Athens',
  ISTANBUL: 'Europe/Istanbul',
  TRT: 'Europe/Istanbul',
  IST: 'Asia/Kolkata',
  DUBAI: 'Asia/Dubai',
  GST: 'Asia/Dubai',
  TOKYO: 'Asia/Tokyo',
  MELBOURNE: 'Australia/Melbourne',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  UTC: 'UTC',
  'NEW YORK': 'America/New_York',
  'LOS ANGELES': 'America/Los_Angeles',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  SYDNEY: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  JST: 'Asia/Tokyo',
  SAST: 'Africa/Johannesburg',
  BRT: 'America/Sao_Paulo',
};

/** Regex alternation of every zone word, longest first so `CEST` is not read as `CET`. */
export const ZONE_WORDS = Object.keys(ZONES)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Zone words that are places, not abbreviations: written in any case (`Oslo`, `ROME`).
const PLACES = new Set(['OSLO', 'ROME']);

/**
 * True for an abbreviation (`ET`, `CEST`), which counts only in capitals: `ET` but not the `et` of a word,
 * `CET` but not `Cet`. Places and spelled-out words (`Oslo`, `London`, `Eastern`) count in any case.
 */
export function isZoneAbbreviation(word: string): boolean {
  const w = word.trim().toUpperCase();
  return w.length <= 4 && !PLACES.has(w);
}

/** IANA zone for a zone word in any case (`ET`, `cest`, `London`), else null. */
export function zoneForWord(word: string): string | null {
  return ZONES[word.trim().toUpperCase()] ?? null;
}

/** True for zones whose providers write dates day-first (`22/10`). */
export function isEuropeanZone(timeZone: string): boolean {
  return timeZone.startsWith('Europe/') || timeZone === 'UTC' || timeZone.startsWith('Africa/');
}
