// The match report's rows say what reading each name found, the part of a larger event it names included; a
// report stored before that field existed still reads.
import { describe, expect, it } from 'vitest';
import { matchReportSchema, reportOf } from '../../../src/services/guides/index.js';
import type { GuideProvider, UnderstoodChannel } from '../../../src/services/guides/index.js';
import { parsedChannel } from '../../support/parsed-channel.js';
import { playlistEntry } from '../../support/playlist-entry.js';

const provider: GuideProvider = {
  id: 1,
  slug: 'acme',
  name: 'Acme',
  playlistUrl: 'http://127.0.0.1:9/x.m3u',
  timezone: 'America/New_York',
  settings: {},
};
const NAME = 'F1 01: Spanish Grand Prix - Race';

function report() {
  const entry = playlistEntry({ name: NAME });
  const channel: UnderstoodChannel = {
    entry,
    parsed: parsedChannel({
      name: NAME,
      family: 'F1',
      familySource: 'generic',
      payload: 'Spanish Grand Prix - Race',
      teams: [],
      awayFirst: false,
      title: 'Spanish Grand Prix',
      part: { kind: 'session', label: 'Race' },
    }),
    channelId: 'f1-01.acme',
    leagues: { leagues: ['F1'], source: 'config' },
  };
  const playlist = {
    header: { attrs: {} },
    live: [entry],
    vod: 0,
    stats: { entries: 1, skipped: 0, problems: [] },
    reused: false,
  };
  const lineup = { all: [channel], channels: [channel], discovered: [] };
  return reportOf(provider, new Date('2026-05-30T12:00:00Z'), playlist, lineup, {
    outcomes: new Map(),
    learned: new Map(),
  });
}

describe('the match report', () => {
  it('gives the part a channel names beside its title', () => {
    const [row] = report().channels;
    expect(row?.parsed).toMatchObject({
      title: 'Spanish Grand Prix',
      part: { kind: 'session', label: 'Race' },
    });
    expect(matchReportSchema.parse(report()).channels[0]?.parsed.part).toEqual({
      kind: 'session',
      label: 'Race',
    });
  });

  it('reads a report stored before channels had a part', () => {
    const stored = JSON.parse(JSON.stringify(report())) as {
      channels: { parsed: Record<string, unknown> }[];
    };
    for (const c of stored.channels) delete c.parsed.part;
    expect(matchReportSchema.safeParse(stored).success).toBe(true);
  });
});
