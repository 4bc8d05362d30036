// A parsed channel as the name parser would give it, for tests that start after parsing.
import type { ParsedChannel } from '../../src/domain/types.js';

export const NO_FLAGS: ParsedChannel['flags'] = {
  quality: [],
  feed: [],
  network: [],
  language: [],
  highlights: false,
  replay: false,
};

/** An event channel of slot NBA 01 saying nothing yet; `over` sets what the test is about. */
export function parsedChannel(over: Partial<ParsedChannel> = {}): ParsedChannel {
  return {
    name: 'NBA 01: Lakers @ Celtics',
    kind: 'event',
    family: 'NBA',
    slot: 1,
    familySource: 'config',
    payload: 'Lakers @ Celtics',
    teams: ['Lakers', 'Celtics'],
    awayFirst: true,
    title: null,
    leagueHints: [],
    time: null,
    timeZone: null,
    date: null,
    startsAt: null,
    timeOnly: false,
    stopsAt: null,
    flags: { ...NO_FLAGS },
    ...over,
  };
}
