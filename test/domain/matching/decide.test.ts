import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { loadLeagues } from '../../../src/config/leagues.js';
import { compileFamilies, parseChannelName } from '../../../src/domain/channel-name/index.js';
import { findLeague } from '../../../src/domain/family-leagues.js';
import { candidateQuery } from '../../../src/domain/matching/candidates.js';
import {
  DEFAULT_MATCH_THRESHOLD,
  matchChannel,
  type MatchOptions,
} from '../../../src/domain/matching/decide.js';
import { createCandidateIndex, type Candidate } from '../../../src/domain/matching/candidate-index.js';
import { zonedToUtc } from '../../../src/domain/time.js';
import { mapEspnScoreboard } from '../../../src/sources/espn.js';
import { channel, club, game, school, team, titled } from './helpers.js';

const lakers = team('Los Angeles', 'Lakers', 'LAL', ['L.A. Lakers']);
const celtics = team('Boston', 'Celtics', 'BOS');
const nets = team('Brooklyn', 'Nets', 'BKN');
const heat = team('Miami', 'Heat', 'MIA');
const spurs = team('San Antonio', 'Spurs', 'SA', ['SAS']);
const kings = team('Los Angeles', 'Kings', 'LA', ['LAK']);

// 7:30 PM in New York on 2026-11-25.
const EVENING = '2026-11-26T00:30:00Z';
const NOW = new Date('2026-11-25T17:00:00Z');
const ZONE = 'America/New_York';
const opts: MatchOptions = { threshold: DEFAULT_MATCH_THRESHOLD };

const nbaNight: Candidate[] = [
  game('lal-bos', 'NBA', lakers, celtics, EVENING),
  game('sa-mia', 'NBA', spurs, heat, EVENING),
  game('bkn-lal', 'NBA', nets, team('Chicago', 'Bulls', 'CHI'), '2026-11-26T01:00:00Z'),
];

function queryFor(parsed: ReturnType<typeof channel>, leagues: string[] | null) {
  return candidateQuery(parsed, {
    leaguesForFamily: () => (leagues ? { leagues, source: 'config' } : null),
    now: NOW,
    timeZone: ZONE,
  });
}

describe('matchChannel', () => {
  it('matches both teams written in full at the listed time, and says so', () => {
    const d = matchChannel(
      channel({ teams: ['Los Angeles Lakers', 'Boston Celtics'], awayFirst: true, at: EVENING }),
      nbaNight,
      opts,
    );
    expect(d.eventId).toBe('lal-bos');
    expect(d.confidence).toBeGreaterThan(0.95);
    expect(d.why).toBe('both teams exact on aliases; start within 0 min');
  });

  it('matches nicknames only, without a time, within the family league and today', () => {
    const parsed = channel({ teams: ['Lakers', 'Celtics'] });
    const d = matchChannel(parsed, nbaNight, { ...opts, query: queryFor(parsed, ['NBA']) });
    expect(d.eventId).toBe('lal-bos');
    expect(d.why).toContain('no time in the name');
  });

  it('takes home/away in the other order as a hint, not a requirement', () => {
    const d = matchChannel(
      channel({ teams: ['Celtics', 'Lakers'], awayFirst: true, at: EVENING }),
      nbaNight,
      opts,
    );
    expect(d.eventId).toBe('lal-bos');
    expect(d.why).toContain('home/away reversed');
  });

  it('reads codes glued to nicknames', () => {
    const d = matchChannel(channel({ teams: ['SAS Spurs', 'MIA Heat'], at: EVENING }), nbaNight, opts);
    expect(d.eventId).toBe('sa-mia');
  });

  it('rejects a start two hours from the name and says how far', () => {
    const d = matchChannel(
      channel({ teams: ['Lakers', 'Celtics'], at: '2026-11-26T02:30:00Z' }),
      nbaNight,
      opts,
    );
    expect(d.eventId).toBeNull();
    expect(d.best?.eventId).toBe('lal-bos');
    expect(d.best?.rejected).toMatch(/starts 120 min from the name's 21:30/);
    expect(d.why).toContain('no candidate fits');
  });

  it('stays silent when two candidates are too close to call', () => {
    const twice = [
      game('a', 'NBA', lakers, celtics, EVENING),
      game('b', 'NBA', celtics, lakers, '2026-11-25T18:00:00Z'),
    ];
    const d = matchChannel(channel({ teams: ['Lakers', 'Celtics'] }), twice, opts);
    expect(d.eventId).toBeNull();
    expect(d.why).toMatch(/^two candidates within 0\.05: .+ \(0\.\d{3}\), .+ \(0\.\d{3}\)$/);
    expect(d.candidates.map((c) => c.eventId).sort()).toEqual(['a', 'b']);
  });

  it('rejects an event on another day than the name says', () => {
    const parsed = channel({ teams: ['Lakers', 'Celtics'], date: '2026-11-27' });
    const d = matchChannel(parsed, nbaNight, { ...opts, query: queryFor(parsed, ['NBA']) });
    expect(d.eventId).toBeNull();
    expect(d.best?.rejected).toBe('date mismatch: starts 2026-11-25, the name says 2026-11-27');
  });

  it('does not take a city two teams share for a hit', () => {
    const panthers = team('Florida', 'Panthers', 'FLA');
    const night = [
      game('lal-mia', 'NBA', lakers, heat, EVENING),
      game('la-fla', 'NHL', kings, panthers, EVENING),
    ];
    const both = (parsed: ReturnType<typeof channel>) => ({
      ...opts,
      query: queryFor(parsed, ['NBA', 'NHL']),
    });
    const cities = channel({
      family: 'Peacock',
      teams: ['Los Angeles', 'Miami'],
      awayFirst: true,
      at: EVENING,
    });
    // Miami names one team only: the pair fits the Lakers' game alone.
    const d = matchChannel(cities, night, both(cities));
    expect(d.eventId).toBe('lal-mia');
    expect(d.why).toContain('the only game at that time that both names fit');
    // A second Los Angeles against Miami game that evening: the shared city decides nothing.
    const galaxy = team('Los Angeles', 'Galaxy', 'LA');
    const interMiami = team('Miami', 'Inter Miami', 'MIA');
    const soccer = [...night, game('la-mia', 'MLS', galaxy, interMiami, EVENING)];
    const both2 = { ...opts, query: queryFor(cities, ['NBA', 'NHL', 'MLS']) };
    const none = matchChannel(cities, soccer, both2);
    expect(none.eventId).toBeNull();
    expect(none.best?.reasons).toContain('"Los Angeles" shared (0.50)');

    const withNickname = channel({ ...cities, teams: ['Los Angeles', 'Heat'] });
    expect(matchChannel(withNickname, night, both(withNickname)).eventId).toBe('lal-mia');
  });

  it('matches cities alone with the league and a time to back them, or as the only game they both fit', () => {
    const cities = channel({ teams: ['Los Angeles', 'Boston'], awayFirst: true, at: EVENING });
    expect(matchChannel(cities, nbaNight, { ...opts, query: queryFor(cities, ['NBA']) }).eventId).toBe(
      'lal-bos',
    );

    // Without the league: the only game of the evening that both cities fit...
    const alone = matchChannel(cities, nbaNight, { ...opts, query: queryFor(cities, []) });
    expect(alone.eventId).toBe('lal-bos');
    expect(alone.why).toContain('the only game at that time that both names fit');
    // ...but not when another league has a Los Angeles against Boston game at the same hour.
    const bruins = team('Boston', 'Bruins', 'BOS');
    const hockey = [...nbaNight, game('lak-bos', 'NHL', kings, bruins, EVENING)];
    const anyLeague = matchChannel(cities, hockey, { ...opts, query: queryFor(cities, []) });
    expect(anyLeague.eventId).toBeNull();
    expect(anyLeague.why).toContain('needs the league');

    const untimed = channel({ teams: ['Los Angeles', 'Boston'] });
    const noTime = matchChannel(untimed, nbaNight, { ...opts, query: queryFor(untimed, ['NBA']) });
    expect(noTime.eventId).toBeNull();
    expect(noTime.why).toContain('needs a time');

    const neither = matchChannel(untimed, nbaNight, { ...opts, query: queryFor(untimed, []) });
    expect(neither.why).toContain('needs the league and a time');
  });

  it('stays silent when only one of the teams is found', () => {
    const d = matchChannel(channel({ teams: ['Lakers', 'Knicks'], at: EVENING }), nbaNight, opts);
    expect(d.eventId).toBeNull();
    expect(d.best?.rejected).toContain('"Knicks" not found');
  });

  it('matches a name with one team on the team and the time', () => {
    const d = matchChannel(channel({ title: 'Miami Heat', at: EVENING }), nbaNight, opts);
    expect(d.eventId).toBe('sa-mia');
    const untimed = matchChannel(channel({ title: 'Miami Heat' }), nbaNight, opts);
    expect(untimed.eventId).toBeNull();
    expect(untimed.why).toContain('one team and no time');
  });

  it('does not take a press conference about a game for the game', () => {
    const parsed = channel({ title: 'Postgame Press Conference: Miami Heat', at: EVENING });
    expect(matchChannel(parsed, nbaNight, opts).eventId).toBeNull();
  });

  it('matches a fight card on its title words and time, never another card number', () => {
    const cards = [
      titled('ufc-fn', 'UFC', 'UFC Fight Night: Tsarukyan vs. Hooker', '2026-11-25T23:00:00Z'),
      titled('ufc-323', 'UFC', 'UFC 323: Dvalishvili vs. Yan 2', '2026-11-28T23:00:00Z'),
    ];
    const card = channel({
      family: 'ESPN+',
      teams: ['Tsarukyan', 'Hooker'],
      title: 'UFC Fight Night: Tsarukyan vs. Hooker',
      at: '2026-11-25T23:00:00Z',
    });
    const d = matchChannel(card, cards, opts);
    expect(d.eventId).toBe('ufc-fn');
    expect(d.why).toContain('title words');

    const other = channel({ title: 'UFC 324', at: '2026-11-28T23:00:00Z' });
    const none = matchChannel(other, cards, opts);
    expect(none.eventId).toBeNull();
    expect(none.best?.rejected).toContain('number 324 differs');
  });

  it('leaves a channel whose league has no events unmatched, naming what was searched', () => {
    const parsed = channel({ family: 'NHL', teams: ['Rangers', 'Devils'], at: EVENING });
    const d = matchChannel(parsed, [], { ...opts, query: queryFor(parsed, ['NHL']) });
    expect(d.eventId).toBeNull();
    expect(d.why).toBe(
      'no candidate events for NHL between 2026-11-25 18:00 and 2026-11-25 21:00 America/New_York',
    );
  });

  it('skips events of leagues the query does not search', () => {
    const parsed = channel({ teams: ['Lakers', 'Celtics'], at: EVENING });
    const d = matchChannel(parsed, nbaNight, { ...opts, query: queryFor(parsed, ['NHL']) });
    expect(d.eventId).toBeNull();
    expect(d.candidates).toEqual([]);
  });

  it('says why a placeholder is not matched', () => {
    const d = matchChannel(channel({ kind: 'placeholder' }), nbaNight, opts);
    expect(d).toMatchObject({ eventId: null, why: 'not an event channel (placeholder)' });
  });

  it('keeps a school apart from the other schools of its city or state', () => {
    const ncaa = [
      game('ku', 'NCAAM', school('Duke', 'Blue Devils', 'DUKE'), school('Kansas', 'Jayhawks', 'KU'), EVENING),
      game(
        'ksu',
        'NCAAM',
        school('Iowa', 'Hawkeyes', 'IOWA'),
        school('Kansas State', 'Wildcats', 'KSU'),
        EVENING,
      ),
    ];
    const parsed = channel({ family: 'ESPN+', teams: ['Duke', 'Kansas'], awayFirst: true, at: EVENING });
    expect(matchChannel(parsed, ncaa, opts).eventId).toBe('ku');
    const wrong = channel({ family: 'ESPN+', teams: ['Duke', 'Kansas State'], awayFirst: true, at: EVENING });
    expect(matchChannel(wrong, ncaa, opts).eventId).toBeNull();
  });

  it('does not depend on the order of the candidates', () => {
    const parsedNames = [
      channel({ teams: ['Lakers', 'Celtics'], at: EVENING }),
      channel({ teams: ['Spurs', 'Heat'] }),
      channel({ teams: ['Los Angeles', 'Boston'] }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(nbaNight, { minLength: nbaNight.length }), fc.nat(2), (shuffled, i) => {
        const parsed = parsedNames[i]!;
        const a = matchChannel(parsed, nbaNight, opts);
        const b = matchChannel(parsed, createCandidateIndex(shuffled), opts);
        expect(b.eventId).toBe(a.eventId);
        expect(b.confidence).toBe(a.confidence);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('matchChannel on a real ESPN day with split-squad games', () => {
  // 2022-09-25 preseason: Calgary at Vancouver 23:00Z and Vancouver at Calgary 00:00Z the same evening.
  const leagues = loadLeagues();
  const nhl = findLeague(leagues, 'NHL');
  if (!nhl) throw new Error('NHL missing from config/leagues.yaml');
  const json: unknown = JSON.parse(
    readFileSync('test/fixtures/wire/espn-site-v2-scoreboard-hockey-nhl-2022-09-25.json', 'utf8'),
  );
  const board = mapEspnScoreboard(json, nhl);
  const aliases = new Map(board.teams.map((t) => [t.id, t.aliases]));
  const candidates: Candidate[] = board.events.map((event) => ({
    event,
    homeAliases: aliases.get(event.homeId ?? '') ?? [],
    awayAliases: aliases.get(event.awayId ?? '') ?? [],
  }));
  const index = createCandidateIndex(candidates);
  const nhlChannel = (teams: string[], at?: string, awayFirst = false) =>
    channel({ family: 'NHL', teams, awayFirst, ...(at ? { at } : {}) });

  it('lets the time pick one of the two games', () => {
    const d = matchChannel(nhlChannel(['Flames', 'Canucks'], '2022-09-25T23:00:00Z', true), index, opts);
    expect(d.eventId).toBe('espn:401461556');
    const later = matchChannel(nhlChannel(['Canucks', 'Flames'], '2022-09-26T00:00:00Z', true), index, opts);
    expect(later.eventId).toBe('espn:401461557');
  });

  it('stays silent without a time, or with one halfway between them', () => {
    expect(matchChannel(nhlChannel(['Calgary Flames', 'Vancouver Canucks']), index, opts).eventId).toBeNull();
    const between = matchChannel(nhlChannel(['Flames', 'Canucks'], '2022-09-25T23:30:00Z'), index, opts);
    expect(between.eventId).toBeNull();
    expect(between.why).toContain('two candidates within');
  });

  it('matches the other games of the day by nickname and time', () => {
    const d = matchChannel(nhlChannel(['Kings', 'Sharks'], '2022-09-25T23:00:00Z', true), index, opts);
    expect(d.eventId).toBe('espn:401461457');
  });
});

describe('matchChannel on club names written with or without their joining words', () => {
  it('reads Atlético de Madrid as Atlético Madrid, and the other way round', () => {
    const city = club('Manchester City', 'MNC');
    const atleti = club('Atlético Madrid', 'ATM');
    const sociedad = club('Real Sociedad de Fútbol', 'RSO');
    const night = [
      game('mci-atm', 'UCL', atleti, city, EVENING),
      game('rso-x', 'UCL', sociedad, club('Porto', 'POR'), EVENING),
    ];
    const written = channel({ teams: ['Manchester City', 'Atlético de Madrid'], at: EVENING });
    expect(matchChannel(written, night, { ...opts, query: queryFor(written, ['UCL']) }).eventId).toBe(
      'mci-atm',
    );
    const short = channel({ teams: ['Real Sociedad', 'Porto'], at: EVENING });
    expect(matchChannel(short, night, { ...opts, query: queryFor(short, ['UCL']) }).eventId).toBe('rso-x');
  });
});

describe('matchChannel on college mascots', () => {
  it('matches two mascots at the time of the only game they both fit', () => {
    const baylor = school('Baylor', 'Bears', 'BAY');
    const tcu = school('TCU', 'Horned Frogs', 'TCU');
    const missouriState = school('Missouri State', 'Bears', 'MOST');
    const evening = [
      game('bay-tcu', 'NCAAF', baylor, tcu, EVENING),
      game('most-x', 'NCAAF', missouriState, school('Drake', 'Bulldogs', 'DRKE'), '2026-11-26T03:00:00Z'),
    ];
    const parsed = channel({ teams: ['Bears', 'Horned Frogs'], awayFirst: true, at: EVENING });
    const d = matchChannel(parsed, evening, { ...opts, query: queryFor(parsed, ['NCAAF']) });
    expect(d.eventId).toBe('bay-tcu');
    expect(d.why).toContain('the only game at that time that both names fit');
    // With no time, two mascots are not enough.
    const untimed = channel({ teams: ['Bears', 'Horned Frogs'], awayFirst: true });
    expect(
      matchChannel(untimed, evening, { ...opts, query: queryFor(untimed, ['NCAAF']) }).eventId,
    ).toBeNull();
  });
});

describe('matchChannel on a time without a date', () => {
  const families = compileFamilies([], loadDefaultFamilies('config/channel-families.yaml'));
  const hawks = team('Atlanta', 'Hawks', 'ATL');
  const wizards = team('Washington', 'Wizards', 'WSH');
  const at = (ymd: string, hhmm: string) => zonedToUtc(ymd, hhmm, ZONE).toISOString();
  const decide = (name: string, clock: string, candidates: Candidate[]) => {
    const now = new Date(clock);
    const parsed = parseChannelName(name, { now, timeZone: ZONE, families });
    const query = candidateQuery(parsed, {
      leaguesForFamily: () => ({ leagues: ['NBA'], source: 'config' }),
      now,
      timeZone: ZONE,
    });
    return matchChannel(parsed, candidates, { ...opts, query });
  };

  it("takes tonight's game for a morning guide, not last night's", () => {
    const tonight = game('tonight', 'NBA', hawks, wizards, at('2026-11-25', '21:00'));
    const lastNight = game('last-night', 'NBA', hawks, wizards, at('2026-11-24', '21:00'));
    const morning = at('2026-11-25', '08:30');
    expect(decide('NBA 08 | Hawks @ Wizards 9:00PM ET', morning, [tonight]).eventId).toBe('tonight');
    expect(decide('NBA 08 | Hawks @ Wizards 9:00PM ET', morning, [lastNight, tonight]).eventId).toBe(
      'tonight',
    );
  });

  it('takes the game still on since last night in the early hours', () => {
    const late = game('late', 'NBA', lakers, celtics, at('2026-11-25', '23:00'));
    expect(decide('NBA 02: Lakers @ Celtics 11:00 PM ET', at('2026-11-26', '01:00'), [late]).eventId).toBe(
      'late',
    );
  });

  it('lets the teams pick the day when the likely one has no such game, and says which day', () => {
    const afternoon = game('afternoon', 'NBA', heat, nets, at('2026-11-25', '13:00'));
    const d = decide('NBA 03: Heat vs Nets 1:00 PM ET', at('2026-11-25', '23:30'), [afternoon]);
    expect(d.eventId).toBe('afternoon');
    expect(d.why).toContain('on 2026-11-25, the name giving no date');
  });
});
