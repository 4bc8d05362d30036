// Generated guides against the official XMLTV DTD, with both validators. CI installs them (libxml2-utils,
// xmltv-util); where one is missing its tests are skipped and a warning names it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSportsConfig } from '../../../src/config/sports.js';
import { channelIdFor, uniqueChannelIds } from '../../../src/domain/xmltv/channel-id.js';
import type { GuideChannel } from '../../../src/domain/schedule/scheduler.js';
import { zonedToUtc } from '../../../src/domain/time.js';
import type { ChannelKind, ParsedChannel, SportEvent } from '../../../src/domain/types.js';
import { writeXmltv } from '../../../src/domain/xmltv/writer.js';
import {
  hasTvValidateFile,
  hasXmllint,
  validateWithTvValidateFile,
  validateWithXmllint,
  warnMissingValidators,
} from '../../support/xmltv-validate.js';
import { NO_FLAGS, parsedChannel } from '../../support/parsed-channel.js';
import { scheduleOf } from '../../support/schedule.js';

warnMissingValidators();

const sports = loadSportsConfig('config');

function parsed(name: string, kind: ChannelKind, over: Partial<ParsedChannel> = {}): ParsedChannel {
  const m = /^(?<family>[A-Za-z+ ]+?) (?<slot>\d+): (?<payload>.*)$/.exec(name);
  const payload = m?.groups?.payload ?? name;
  const teams = payload.split(/ (?:vs\.?|@|at) /).map((t) => t.trim());
  return parsedChannel({
    name,
    kind,
    family: m?.groups?.family ?? null,
    slot: m?.groups?.slot ? Number(m.groups.slot) : null,
    payload,
    teams: teams.length === 2 ? teams : [],
    awayFirst: payload.includes(' @ '),
    title: teams.length === 2 ? null : payload,
    flags: { ...NO_FLAGS, feed: ['home'] },
    ...over,
  });
}

/** Channels of every shape, with names carrying markup, quotes, emoji, controls and broken surrogates. */
function nastyChannels(now: Date, timeZone: string): GuideChannel[] {
  const at = (hhmm: string) => zonedToUtc(new Date(now).toISOString().slice(0, 10), hhmm, timeZone);
  const event: SportEvent = {
    id: '401&<>"\'',
    league: 'NBA & <Friends>',
    sport: 'basketball',
    title: 'x',
    startsAt: at('20:00'),
    status: 'in',
    statusDetail: 'Q3 \u0007',
    venue: 'Madison "Square" <Garden> & \'Co\'',
    home: 'Knicks \uD800',
    away: 'Nets 🏀\u0085',
    image: 'https://img.example/a.png?x=1&y="2"',
    externalIds: {},
  };
  const rows: [string, ChannelKind, Partial<ParsedChannel>, Partial<GuideChannel>][] = [
    ['NBA 01: Lakers @ Celtics', 'event', { startsAt: at('19:30'), time: '19:30' }, {}],
    ['NBA 02: Nets vs Knicks', 'event', {}, { event }],
    [
      'ESPN+ 45: Tom & Jerry\'s "<Cup>" \u0000\u001f\uFFFE',
      'event',
      { date: '2026-03-08' },
      { sport: 'soccer' },
    ],
    ['UFC 3: Fight Night 🥋 \uDC00', 'event', {}, { sport: 'mma', league: null }],
    ['NHL 04: ', 'placeholder', {}, { icon: 'https://logo.example/nhl.png?a=1&b=2' }],
    ['A&E <HD> \u0085', 'other', {}, { sport: null, league: null }],
    ['NFL 05: Bears at Packers', 'event', { startsAt: at('23:30'), time: '23:30' }, { sport: 'football' }],
  ];
  const ids = uniqueChannelIds(
    rows.map(([name, kind]) => channelIdFor(parsed(name, kind), { tvgId: '', name }, 'acme')),
  );
  return rows.map(([name, kind, over, extra], i) => ({
    id: ids[i] ?? '',
    displayName: name,
    icon: null,
    parsed: parsed(name, kind, over),
    sport: 'basketball',
    league: 'NBA',
    event: null,
    ...extra,
  }));
}

function guideXml(channels: GuideChannel[], now: Date, timeZone: string, emoji = true): string {
  const programmes = scheduleOf(channels, { now, timeZone, sports, emoji, placeholderBlockMinutes: 120 });
  return Buffer.concat([
    ...writeXmltv({ channels, programmes, timeZone, sourceInfoUrl: 'https://epg.example/a?b=1&c=2' }),
  ]).toString('utf8');
}

const guides: { label: string; xml: () => string }[] = [
  { label: 'the golden guide', xml: () => readFileSync('test/fixtures/golden/small-guide.xml', 'utf8') },
  ...[
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/London', '2026-10-25'],
    ['Asia/Kolkata', '2026-11-25'],
  ].map(([zone = '', day = '']) => ({
    label: `nasty names around ${day} in ${zone}`,
    xml: () => {
      const now = zonedToUtc(day, '12:00', zone);
      return guideXml(nastyChannels(now, zone), now, zone);
    },
  })),
  {
    label: 'a guide of real provider channel names',
    xml: () => {
      const kinds: ChannelKind[] = ['event', 'other', 'placeholder'];
      const names = readFileSync('test/fixtures/real-playlist-names.txt', 'utf8')
        .split('\n')
        .filter((n, i) => n.trim() !== '' && i % 6 === 0);
      const ids = uniqueChannelIds(
        names.map((name) => channelIdFor(parsed(name, 'other'), { tvgId: '', name }, 'acme')),
      );
      const channels = names.map<GuideChannel>((name, i) => ({
        id: ids[i] ?? '',
        displayName: name,
        icon: null,
        parsed: parsed(name, kinds[i % 3] ?? 'other'),
        sport: null,
        league: null,
        event: null,
      }));
      const now = new Date('2026-11-25T17:00:00Z');
      return guideXml(channels, now, 'America/Chicago', false);
    },
  },
];

describe('generated guides against xmltv.dtd', () => {
  for (const guide of guides) {
    it.skipIf(!hasXmllint)(`xmllint accepts ${guide.label}`, () => {
      const result = validateWithXmllint(guide.xml());
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    });

    it.skipIf(!hasTvValidateFile)(`tv_validate_file accepts ${guide.label}`, () => {
      const result = validateWithTvValidateFile(guide.xml());
      expect(result.output).toBe('Validated ok.');
      expect(result.ok).toBe(true);
    });
  }
});

describe('the validators themselves', () => {
  const now = new Date('2026-11-25T17:00:00Z');
  const channels = nastyChannels(now, 'America/New_York');
  const programmes = scheduleOf(channels, { now, timeZone: 'America/New_York', sports });

  it.skipIf(!hasXmllint)('reject <live/>, which the DTD does not declare, so it stays opt-in', () => {
    const xml = Buffer.concat([
      ...writeXmltv({ channels, programmes, timeZone: 'America/New_York', includeLive: true }),
    ]).toString('utf8');
    expect(xml).toContain('<live/>');
    const result = validateWithXmllint(xml);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/live/);
  });

  it.skipIf(!hasXmllint)('reject children out of DTD order', () => {
    const xml = Buffer.concat([...writeXmltv({ channels, programmes, timeZone: 'America/New_York' })])
      .toString('utf8')
      .replace(/(<title>[^<]*<\/title>\n)(\s*<sub-title>[^<]*<\/sub-title>\n)/, '$2$1');
    expect(validateWithXmllint(xml).ok).toBe(false);
  });

  it.skipIf(!hasTvValidateFile)(
    'reject a channel id without a dot, which only tv_validate_file checks',
    () => {
      const bad = channels.map((c) => ({ ...c, id: c.id.replace('.', '_') }));
      const xml = [
        ...writeXmltv({
          channels: bad,
          programmes: programmes.map((p) => ({ ...p, channelId: p.channelId.replace('.', '_') })),
          timeZone: 'America/New_York',
        }),
      ].join('');
      expect(validateWithTvValidateFile(xml).ok).toBe(false);
      if (hasXmllint) expect(validateWithXmllint(xml).ok).toBe(true);
    },
  );
});
