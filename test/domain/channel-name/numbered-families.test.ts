// Families whose label ends in a digit (`F1`, `Moto2`, `Formula 1`, `NBA2K`): their slot is the number after
// the label, and a series named before a race weekend's session reads as an event even without a slot.
import { describe, expect, it } from 'vitest';
import { recogniseGenericSlot } from '../../../src/domain/channel-name/generic-slot.js';
import { defaultFamilies, parseView } from './support.js';

const families = defaultFamilies();
const NOW = '2026-05-30T12:00:00Z';

describe('the generic rule for a family whose label ends in a digit', () => {
  it.each([
    ['F1 01: Spanish Grand Prix - Race', 'F1', 1, 'Spanish Grand Prix - Race'],
    ['F2 03 | Bahrain - Sprint Race', 'F2', 3, 'Bahrain - Sprint Race'],
    ['Moto2 04: Gran Premio de Italia - Carrera', 'Moto2', 4, 'Gran Premio de Italia - Carrera'],
    ['F3 02 - Monaco Grand Prix - Feature Race', 'F3', 2, 'Monaco Grand Prix - Feature Race'],
    ['Moto3 07', 'Moto3', 7, ''],
    ['Formula 1 01: Spanish Grand Prix - Qualifying', 'Formula 1', 1, 'Spanish Grand Prix - Qualifying'],
    ['Formula 2 07 |', 'Formula 2', 7, ''],
    ['Formula E 02: Monaco E-Prix', 'Formula E', 2, 'Monaco E-Prix'],
    ['NBA2K 01: Pistons GT vs Heat Check', 'NBA2K', 1, 'Pistons GT vs Heat Check'],
    // Glued to the label the number is still the slot, as before.
    ['EPL03: Arsenal v Chelsea', 'EPL', 3, 'Arsenal v Chelsea'],
    ['Soccer06: Argentina vs Nigeria', 'Soccer', 6, 'Argentina vs Nigeria'],
  ])('recognises %j as %s slot %i', (name, family, slot, payload) => {
    expect(recogniseGenericSlot(name)).toEqual({ family, slot, payload });
  });

  it.each([
    'Sky Sports F1', 'Sky Sports F1 HD', 'F1 TV', 'FOX 13 Seattle', 'beIN Sports 2', 'Fox 4 Dallas - Fort Worth',
    'SPECTRUM NEWS 1 - DAYTON', 'CBS 18 WECP', 'Silent Silent S08 E09', 'NEWSMAX2', 'Moto2', 'Formula 1',
    'TV2 Sport 1 | Real Madrid - Borussia Dortmund',
  ])('does not turn %j into a slot', (name) => {
    expect(recogniseGenericSlot(name)).toBeNull();
  }); // prettier-ignore
});

describe('parseChannelName on the slots of a family whose label ends in a digit', () => {
  it.each([
    ['F1 01: Spanish Grand Prix - Race', { family: 'F1', slot: 1 }],
    ['Formula 1 01: Spanish Grand Prix - Qualifying', { family: 'Formula 1', slot: 1 }],
    ['US: F1 05 | Hungarian Grand Prix - FP2', { family: 'F1', slot: 5 }],
    ['Moto2 04: Gran Premio de Italia - Carrera', { family: 'Moto2', slot: 4 }],
    ['MotoGP 07: Grand Prix of the Americas - Sprint', { family: 'MotoGP', slot: 7 }],
    ['Formula E 02: Monaco E-Prix - Race @ 9:00 AM ET', { family: 'Formula E', slot: 2, time: '09:00' }],
    ['F1 02: Spanish Grand Prix', { family: 'F1', slot: 2, title: 'Spanish Grand Prix' }],
  ])('reads %j as an event of its family and slot', (name, want) => {
    expect(parseView(name, families, NOW)).toMatchObject({ kind: 'event', teams: [], ...want });
  });

  it('reads an empty slot of such a family as a placeholder', () => {
    expect(parseView('F1 06:', families, NOW)).toMatchObject({ kind: 'placeholder', family: 'F1', slot: 6 });
    expect(parseView('Formula 1 03 |', families, NOW)).toMatchObject({
      kind: 'placeholder',
      family: 'Formula 1',
      slot: 3,
    });
  });
});

describe('parseChannelName on a race weekend named after its series, without a slot', () => {
  it.each([
    ['F1 | Spanish Grand Prix - Race', 'Spanish Grand Prix', ['F1']],
    ['Formula 1: Spanish Grand Prix - Qualifying', 'Spanish Grand Prix', ['Formula 1']],
    ['Formula 1: Monaco Grand Prix', 'Monaco Grand Prix', ['Formula 1']],
    ['MotoGP | Qatar GP | Sprint', 'Qatar GP', ['MotoGP']],
    ['F1: Sprint Shootout - Miami Grand Prix', 'Miami Grand Prix', ['F1']],
    ['IndyCar - Indianapolis 500 - Race', 'Indianapolis 500', ['IndyCar']],
  ])('reads %j as an event titled %j', (name, title, leagueHints) => {
    expect(parseView(name, families, NOW)).toMatchObject({
      kind: 'event',
      family: null,
      slot: null,
      teams: [],
      title,
      leagueHints,
    });
  });

  it.each([
    'Sky Sports F1', 'Sky Sports F1 HD', 'Amazon US: F1 TV', 'F1 TV', 'DAZN F1', 'Sky Sport F1 HD', 'Movistar+ F1',
    'FOX 13 Seattle', 'beIN Sports 2', 'US : beIN Sports 4', "Amazon US: RuPaul's Drag Race", 'Sky Sports Main Event',
    'NASCAR Channel', '[Tubi] NASCAR', 'PGA TOUR', 'US : Golf Channel', 'Tennis Channel 2', 'US : UFC Fight Pass 24/7 HD',
    'PFL MMA', 'US : MotorTrend', 'MotoGP TV', 'Formula 1 TV', 'F1 Channel', 'Moto2',
  ])('keeps the linear channel %j as other', (name) => {
    expect(parseView(name, families, NOW)).toMatchObject({ kind: 'other', slot: null, title: null, startsAt: null });
  }); // prettier-ignore
});
