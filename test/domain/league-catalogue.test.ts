import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEspnLeagues } from '../../src/config/espn-leagues.js';
import {
  indexCatalogue,
  leagueOfEntry,
  tsdbCatalogueEntry,
  type CatalogueEntry,
} from '../../src/domain/league-catalogue.js';
import { mapTsdbLeagues } from '../../src/sources/thesportsdb.js';

const root = resolve(import.meta.dirname, '../..');
const espn = parseEspnLeagues(readFileSync(resolve(root, 'config/espn-leagues.yaml'), 'utf8'));
const tsdbRows = mapTsdbLeagues(
  JSON.parse(readFileSync(resolve(root, 'test/fixtures/wire/tsdb-v1-all_leagues.json'), 'utf8')),
);
const tsdb = tsdbRows.map(tsdbCatalogueEntry);
const both = indexCatalogue([...espn, ...tsdb]);
const keyOf = (text: string, index = both) => index.resolve(text)?.key ?? null;

describe('a name is looked up in the leagues the sources serve', () => {
  it('finds a league by its own name, whatever the case or accents', () => {
    expect(keyOf('Eredivisie')).toBe('NED1');
    expect(keyOf('EREDIVISIE')).toBe('NED1');
    expect(keyOf('Süper Lig')).toBe('TUR1');
    expect(keyOf('Super Lig')).toBe('TUR1');
    expect(keyOf('SUPER LIG')).toBe('TUR1');
    expect(keyOf('Brasileirao')).toBe('BRA1');
  });

  it('finds a league whether or not the name puts its country first', () => {
    expect(keyOf('Dutch Eredivisie')).toBe('NED1');
    expect(keyOf('Turkish Super Lig')).toBe('TUR1');
    expect(keyOf('Portuguese Primeira Liga')).toBe('POR1');
    expect(keyOf('Primeira Liga')).toBe('POR1');
    expect(keyOf('French Ligue 2')).toBe('FRA2');
  });

  it('reads hyphens, dots and numbers as channel names write them', () => {
    expect(keyOf('A-League')).toBe('AUS1');
    expect(keyOf('A League')).toBe('AUS1');
    expect(keyOf('League 1')).toBe('ENG3');
    expect(keyOf('League One')).toBe('ENG3');
    expect(keyOf('2. Bundesliga')).toBe('GER2');
    expect(keyOf('NRL')).toBe('NRL');
  });

  it("prefers the ESPN list's entry over TheSportsDB's for the same league", () => {
    expect(both.resolve('Dutch Eredivisie')?.espn).toBe('soccer/ned.1');
  });

  it('finds a league only TheSportsDB lists by its name there or without its country', () => {
    const only = indexCatalogue(tsdb);
    expect(keyOf('Greek Superleague Greece', only)).toBe('TSDB4336');
    expect(keyOf('Superleague Greece', only)).toBe('TSDB4336');
    expect(keyOf('Eredivisie', only)).toBe('TSDB4337');
  });

  it('finds nothing for words that name no league, a bare country or a single generic word', () => {
    expect(keyOf('Sports')).toBeNull();
    expect(keyOf('Dutch')).toBeNull();
    expect(keyOf('League')).toBeNull();
    expect(keyOf('PPV')).toBeNull();
    expect(keyOf('')).toBeNull();
  });

  it('finds nothing for a name only a country word apart from two leagues of one sport', () => {
    const entry = (key: string, name: string): CatalogueEntry => ({
      key,
      name,
      sport: 'soccer',
      espn: null,
      thesportsdb: null,
      aliases: [],
    });
    const index = indexCatalogue([entry('A', 'Welsh Premier Cup'), entry('B', 'Scottish Premier Cup')]);
    expect(index.resolve('Premier Cup')).toBeNull();
    expect(index.resolve('Welsh Premier Cup')?.key).toBe('A');
  });
});

describe('a league found by name', () => {
  it('is played for as long as its sport takes, home side first outside US sports', () => {
    const ned = leagueOfEntry(both.resolve('Eredivisie')!);
    expect(ned).toMatchObject({ key: 'NED1', sport: 'soccer', durationMinutes: 115, usStyle: false });
    expect(ned.thesportsdb?.id).toBe('4337');
    expect(leagueOfEntry(both.resolve('NRL')!)).toMatchObject({ durationMinutes: 100, usStyle: false });
    const other = tsdbCatalogueEntry({
      idLeague: '9',
      strLeague: 'Some Hockey League',
      strSport: 'Ice Hockey',
      strLeagueAlternate: 'SHL, Hockey Sweden',
    });
    expect(other).toMatchObject({ key: 'TSDB9', sport: 'hockey', aliases: ['SHL', 'Hockey Sweden'] });
    expect(leagueOfEntry(other)).toMatchObject({ durationMinutes: 150, usStyle: true });
  });
});
