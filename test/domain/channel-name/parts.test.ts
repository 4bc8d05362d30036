// The part of a larger event a channel says it carries: a race weekend's session, a golf or tennis round, a
// fight card's segment. The part's words leave the title, which keeps the event's own name.
import { describe, expect, it } from 'vitest';
import type { ChannelPart } from '../../../src/domain/types.js';
import { defaultFamilies, parseView } from './support.js';

const families = defaultFamilies();
const NOW = '2026-03-06T15:00:00Z';

const session = (label: string): ChannelPart => ({ kind: 'session', label });
const round = (label: string): ChannelPart => ({ kind: 'round', label });
const segment = (label: string): ChannelPart => ({ kind: 'segment', label });

describe('a race weekend session', () => {
  it.each([
    ['F1 01: Spanish Grand Prix - Race', 'Spanish Grand Prix', 'Race'],
    ['F1 03: Gran Premio de España - Carrera', 'Gran Premio de España', 'Race'],
    ["F1 03: Grand Prix d'Espagne - Course", "Grand Prix d'Espagne", 'Race'],
    ['F1 03: Großer Preis von Spanien - Rennen', 'Großer Preis von Spanien', 'Race'],
    ['F1 03: Gran Premio di Spagna (Gara)', 'Gran Premio di Spagna', 'Race'],
    ['F3 02 - Monaco Grand Prix - Feature Race @ 10:05 AM ET', 'Monaco Grand Prix', 'Race'],
    ['MotoGP 03: Gran Premio de España - Carrera', 'Gran Premio de España', 'Race'],
    ['MotoGP 02: Aragon GP - Grand Prix', 'Aragon GP', 'Race'],
    ['F1 07: Spanish Grand Prix Race', 'Spanish Grand Prix', 'Race'],
    ['F1 07: Race - Spanish Grand Prix', 'Spanish Grand Prix', 'Race'],
    ['F1 07: Spanish Grand Prix | Race | Sky Sports F1', 'Spanish Grand Prix', 'Race'],
    ['F1 04: Spanish Grand Prix - Qualifying', 'Spanish Grand Prix', 'Qualifying'],
    ['F1 04: Gran Premio di Spagna - Qualifiche', 'Gran Premio di Spagna', 'Qualifying'],
    ["F1 04: Grand Prix d'Espagne - Qualifications", "Grand Prix d'Espagne", 'Qualifying'],
    ['F1 04: Großer Preis von Spanien - Qualifikation', 'Großer Preis von Spanien', 'Qualifying'],
    ['F1 04: Gran Premio de España - Clasificación', 'Gran Premio de España', 'Qualifying'],
    ['F1 04: Spanish GP - Quali', 'Spanish GP', 'Qualifying'],
    ['F1 04: Spanish Grand Prix - Qual', 'Spanish Grand Prix', 'Qualifying'],
    ['F1 04: Spanish GP (Q)', 'Spanish GP', 'Qualifying'],
    ['Moto3 01: Spanish GP Qualifying', 'Spanish GP', 'Qualifying'],
    ['F1 07: Qualifying: Spanish Grand Prix', 'Spanish Grand Prix', 'Qualifying'],
    ['F1 05: Gran Premio de España - Entrenamientos Libres 1', 'Gran Premio de España', 'Practice 1'],
    ["F1 05: Grand Prix d'Espagne - Essais Libres 2", "Grand Prix d'Espagne", 'Practice 2'],
    ['F1 05: Großer Preis von Spanien - Freies Training 3', 'Großer Preis von Spanien', 'Practice 3'],
    ['F1 05: Spanish Grand Prix Free Practice 1', 'Spanish Grand Prix', 'Practice 1'],
    ['F1 05: Spanish Grand Prix - P3', 'Spanish Grand Prix', 'Practice 3'],
    ['F1 05: Spanish Grand Prix FP2 @ 7:30 AM ET', 'Spanish Grand Prix', 'Practice 2'],
    ['US: F1 05 | Hungarian Grand Prix - FP2', 'Hungarian Grand Prix', 'Practice 2'],
    ['F1 06: Chinese Grand Prix - Sprint Qualifying', 'Chinese Grand Prix', 'Sprint Qualifying'],
    ['F1 06: Miami GP Sprint Shootout', 'Miami GP', 'Sprint Qualifying'],
    ['F1 06: Gran Premio de Miami - Clasificación Sprint', 'Gran Premio de Miami', 'Sprint Qualifying'],
    ['F1 06: Chinese Grand Prix - Sprint', 'Chinese Grand Prix', 'Sprint'],
    ['F2 03 | Bahrain - Sprint Race', 'Bahrain', 'Sprint'],
    ['MotoGP 07: Grand Prix of the Americas - Sprint', 'Grand Prix of the Americas', 'Sprint'],
    ['F1 | Spanish Grand Prix - Race', 'Spanish Grand Prix', 'Race'],
    ['NASCAR 03: Cup Series - Coca-Cola 600 - Race', 'Cup Series - Coca-Cola 600', 'Race'],
    ['DE: F1 03 | Großer Preis von Spanien - 1. Freies Training', 'Großer Preis von Spanien', 'Practice 1'],
    ['IT: F1 04 - Gran Premio di Spagna - Prove Libere 2', 'Gran Premio di Spagna', 'Practice 2'],
    ["[FR] F1 02 : Grand Prix d'Espagne - Essais Libres 1 (Canal+)", "Grand Prix d'Espagne", 'Practice 1'],
    ['F1 05: Spanish GP - Sprint Quali', 'Spanish GP', 'Sprint Qualifying'],
    ['MotoGP 01: Spanish GP - Q2', 'Spanish GP', 'Qualifying'],
    ['Formula 1: Spanish Grand Prix - Qualifying', 'Spanish Grand Prix', 'Qualifying'],
  ])('reads %j as %j, %s', (name, title, label) => {
    expect(parseView(name, families, NOW)).toMatchObject({
      kind: 'event',
      teams: [],
      title,
      part: session(label),
    });
  });

  it('reads a practice session of a show around it, the show keeping its title', () => {
    expect(
      parseView(
        'TSN+ 03: Formula 1 Pit Lane - Spanish Grand Prix Practice #1 @ 11 Sep 07:20 AM ET',
        families,
        '2025-09-08T12:00:00Z',
      ),
    ).toMatchObject({
      kind: 'event',
      title: 'Formula 1 Pit Lane - Spanish Grand Prix',
      part: session('Practice 1'),
      startsAt: '2025-09-11T11:20:00.000Z',
    });
  });

  it('reads a Grand Prix named alone as the whole weekend, with no part', () => {
    for (const name of [
      'F1 02: Spanish Grand Prix',
      'Formula 1: Spanish Grand Prix',
      'MotoGP 05: Spanish GP',
    ]) {
      expect(parseView(name, families, NOW)).toMatchObject({ kind: 'event', part: null });
    }
    expect(parseView('F1 02: Spanish Grand Prix', families, NOW).title).toBe('Spanish Grand Prix');
  });

  it('reads no session into a game between two teams', () => {
    expect(parseView('Soccer 02: Spain vs Georgia (Qualifying)', families, NOW)).toMatchObject({
      kind: 'event',
      teams: ['Spain', 'Georgia'],
      part: null,
    });
  });
});

describe('a golf round', () => {
  it.each([
    ['PGA 02: The Genesis Invitational - Round 4', 'The Genesis Invitational', 'Round 4'],
    ['LPGA 01: CME Group Tour Championship Final Round', 'CME Group Tour Championship', 'Final Round'],
    ['Golf 03: Masters Tournament R2', 'Masters Tournament', 'Round 2'],
    ['Golf 04: The Open Championship (Third Round)', 'The Open Championship', 'Round 3'],
    ['PGA 05 | RBC Heritage | 2nd Round', 'RBC Heritage', 'Round 2'],
    ['Golf 06: DP World Tour - Dubai Desert Classic - Rd. 3', 'Dubai Desert Classic', 'Round 3'],
    ['Golf 07: Round 1 - The Players Championship', 'The Players Championship', 'Round 1'],
    ['PGA Tour 02: THE PLAYERS Championship, Final Round', 'THE PLAYERS Championship', 'Final Round'],
    ['LPGA 03 | Chevron Championship | Round 3 @ 12:00 PM ET', 'Chevron Championship', 'Round 3'],
  ])('reads %j as %j, %s', (name, title, label) => {
    expect(parseView(name, families, NOW)).toMatchObject({
      kind: 'event',
      teams: [],
      title,
      part: round(label),
    });
  });

  it('reads a round behind the tour and before the time', () => {
    expect(parseView('PGA Tour: Genesis Invitational Rd 4 @ 1:00 PM ET', families, NOW)).toMatchObject({
      kind: 'event',
      family: null,
      title: 'Genesis Invitational',
      leagueHints: ['PGA Tour'],
      part: round('Round 4'),
      time: '13:00',
    });
    expect(
      parseView('ESPN+ 14 : PGA Tour: The Players Championship, Round 1 @ Mar 12 07:00 AM ET', families, NOW),
    ).toMatchObject({
      family: 'ESPN+',
      title: 'The Players Championship',
      leagueHints: ['PGA Tour'],
      part: round('Round 1'),
      date: '2026-03-12',
    });
  });
});

describe('a tennis match', () => {
  it.each([
    ['ATP 01: Sinner vs Alcaraz', ['Sinner', 'Alcaraz'], null],
    ['WTA 03: Swiatek v Gauff - Quarterfinal', ['Swiatek', 'Gauff'], round('Quarterfinal')],
    ['ATP 02: (1) J. Sinner (ITA) vs C. Alcaraz (ESP) [2] - SF', ['J. Sinner', 'C. Alcaraz'], round('Semifinal')],
    ['Tennis 04: Roland Garros: Swiatek [1] vs Gauff [3] (R16)', ['Swiatek', 'Gauff'], round('Round of 16')],
    ['WTA 05 | Sabalenka vs Rybakina | Final', ['Sabalenka', 'Rybakina'], round('Final')],
    ['ATP 07: Sinner vs Alcaraz - Round 2 @ 6:00 AM ET', ['Sinner', 'Alcaraz'], round('Round 2')],
    ['Tennis 06: Wimbledon - Ladies\' Singles Semi-Final - Swiatek vs Anisimova', ['Swiatek', 'Anisimova'],
      round('Semifinal')],
    ['ATP 08: Zverev vs. De Minaur - QF (Men\'s Singles)', ['Zverev', 'De Minaur'], round('Quarterfinal')],
    ['ATP 10: Sinner vs Alcaraz QF', ['Sinner', 'Alcaraz'], round('Quarterfinal')],
    ["Tennis 11: Wimbledon: Men's Singles Final - Sinner v Alcaraz", ['Sinner', 'Alcaraz'], round('Final')],
    ['ATP 12: Indian Wells: R3: Sinner vs Shelton', ['Sinner', 'Shelton'], round('Round 3')],
    ['Soccer 03: Chicago Fire vs Orlando City Final', ['Chicago Fire', 'Orlando City'], round('Final')],
  ])('reads %j as the players %j', (name, teams, part) => {
    expect(parseView(name, families, NOW)).toMatchObject({ kind: 'event', teams, title: null, part });
  }); // prettier-ignore

  it('reads full names and the round of a final behind the tournament', () => {
    expect(parseView("US Open: Jannik Sinner vs. Carlos Alcaraz (Men's Final)", families, NOW)).toMatchObject(
      {
        kind: 'event',
        family: null,
        teams: ['Jannik Sinner', 'Carlos Alcaraz'],
        leagueHints: ['US Open'],
        part: round('Final'),
      },
    );
  });
});

describe('a fight card segment', () => {
  it.each([
    ['UFC 326: Holloway vs. Oliveira 2 - Main Card', 'UFC 326: Holloway vs. Oliveira 2', ['Holloway', 'Oliveira'],
      'Main Card'],
    ['UFC Fight Night: Moreno vs Kavanagh (Prelims)', 'UFC Fight Night: Moreno vs Kavanagh', ['Moreno', 'Kavanagh'],
      'Prelims'],
    ['UFC 326 Main Card', 'UFC 326', [], 'Main Card'],
    ['UFC 326 - Early Prelims', 'UFC 326', [], 'Early Prelims'],
    ['UFC 327 Preliminary Card', 'UFC 327', [], 'Prelims'],
    ['UFC 324 (Prelims)', 'UFC 324', [], 'Prelims'],
    ['UFC 03: UFC 326 Prelims @ 8:00 PM ET', 'UFC 326', [], 'Prelims'],
    ['ESPN+ 12 : UFC 326: Holloway vs. Oliveira 2 (Early Prelims) @ Mar 7 06:00 PM ET',
      'UFC 326: Holloway vs. Oliveira 2', ['Holloway', 'Oliveira'], 'Early Prelims'],
    ['PPV 04: UFC 309 Jones v Miocic Main Card (12.01 10:00PM ET)', 'UFC 309 Jones v Miocic', ['Jones', 'Miocic'],
      'Main Card'],
    ['PFL 02: PFL Champions Series Dubai - Main Card', 'PFL Champions Series Dubai', [], 'Main Card'],
    ['ESPN+ 40 : PFL World Tournament: Storley vs. Jackson (Main Card) @ Jun 12 08:00 PM ET',
      'PFL World Tournament: Storley vs. Jackson', ['Storley', 'Jackson'], 'Main Card'],
    ['UFC 326: Main Event - Holloway vs Oliveira', 'UFC 326: Holloway vs Oliveira', ['Holloway', 'Oliveira'],
      'Main Card'],
    ['PPV 01: UFC 326: Holloway vs. Oliveira 2 - PPV Main Card', 'UFC 326: Holloway vs. Oliveira 2',
      ['Holloway', 'Oliveira'], 'Main Card'],
    ['ESPN+ 31 : UFC 326 Prelims: Holloway vs. Oliveira 2', 'UFC 326: Holloway vs. Oliveira 2',
      ['Holloway', 'Oliveira'], 'Prelims'],
    ['ESPN+ 30 : UFC Fight Night Prelims: Moreno vs. Kavanagh @ Dec 12 05:35 PM ET',
      'UFC Fight Night: Moreno vs. Kavanagh', ['Moreno', 'Kavanagh'], 'Prelims'],
  ])('reads %j as %j', (name, title, teams, label) => {
    expect(parseView(name, families, NOW)).toMatchObject({ kind: 'event', title, teams, part: segment(label) });
  }); // prettier-ignore

  it('reads the segment of headliners written without the card', () => {
    expect(parseView('Gaethje vs Pimblett (Early Prelims)', families, NOW)).toMatchObject({
      kind: 'event',
      teams: ['Gaethje', 'Pimblett'],
      part: segment('Early Prelims'),
    });
  });

  it('reads a card named without a number or fighters as a titled event', () => {
    expect(parseView('PFL Champions Series Dubai', families, NOW)).toMatchObject({
      kind: 'event',
      family: null,
      teams: [],
      title: 'PFL Champions Series Dubai',
      part: null,
    });
  });
});

describe('names without a part', () => {
  it.each([
    'NBA 01: Lakers vs Celtics @ 7:30 PM ET', 'ESPN+ 23 : Point Loma vs. Concordia - St. Paul @ Dec 12 05:00 PM ET',
    'Paramount+ 01: Morning Buzz @ 22 Oct 09:00 AM ET', 'LIVE EVENT 10: 1:15PM SuperBikes MotoAmerica at Road America',
    'Flo Racing 02 : KUBOTA HIGH LIMIT RACING CHAMPIONSHIP AWARDS BANQUET @ OCT 19 07:00PM ET',
  ])('reads %j with part null', (name) => {
    expect(parseView(name, families, NOW).part).toBeNull();
  }); // prettier-ignore
});
