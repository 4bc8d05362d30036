import { describe, expect, it } from 'vitest';
import { normalizeTeamName, teamAliases } from '../../../src/domain/matching/team-names.js';
import { repairMojibake } from '../../../src/domain/mojibake.js';

const same = (a: string, b: string) => expect(normalizeTeamName(a)).toBe(normalizeTeamName(b));

describe('normalizeTeamName', () => {
  it('lower-cases and collapses whitespace', () => {
    expect(normalizeTeamName('  Los   Angeles\tLakers ')).toBe('los angeles lakers');
  });

  it('reads St. as saint, with or without the dot', () => {
    expect(normalizeTeamName('St. Louis Blues')).toBe('saint louis blues');
    same('St. Louis', 'Saint Louis');
    same('St Louis', 'Saint Louis');
    same("St. John's", "Saint John's");
  });

  it('reads a trailing St. as state, as ESPN writes college short names', () => {
    expect(normalizeTeamName('Michigan St.')).toBe('michigan state');
    same('Kansas St', 'Kansas State');
  });

  it('reads & as and, but keeps A&M one word', () => {
    same('Brighton & Hove Albion', 'Brighton and Hove Albion');
    expect(normalizeTeamName('Brighton & Hove Albion')).toBe('brighton and hove albion');
    expect(normalizeTeamName('Texas A&M')).toBe('texas am');
  });

  it('folds accents', () => {
    same('Atlético Madrid', 'Atletico Madrid');
    expect(normalizeTeamName('Montréal Canadiens')).toBe('montreal canadiens');
    expect(normalizeTeamName('Deportivo Alavés')).toBe('deportivo alaves');
    expect(normalizeTeamName('Bayern München')).toBe('bayern munchen');
  });

  it('folds letters that have no combining form', () => {
    expect(normalizeTeamName('Bodø/Glimt')).toBe('bodo glimt');
    expect(normalizeTeamName('Lech Poznań')).toBe('lech poznan');
    expect(normalizeTeamName('Łódź')).toBe('lodz');
  });

  it('repairs UTF-8 that was read as Latin-1 or Windows-1252', () => {
    expect(normalizeTeamName('BodÃ¸/Glimt')).toBe('bodo glimt');
    expect(normalizeTeamName('MontrÃ©al')).toBe('montreal');
    expect(repairMojibake('Nottâ€™m Forest')).toBe('Nott’m Forest');
  });

  it('leaves real Latin-1 text alone when it does not decode as UTF-8', () => {
    expect(repairMojibake('José’s')).toBe('José’s');
    expect(repairMojibake('Ãlvaro')).toBe('Ãlvaro');
  });

  it('drops club affixes at either end', () => {
    same('FC Porto', 'Porto');
    same('AFC Bournemouth', 'Bournemouth');
    same('Valencia CF', 'Valencia');
    same('AC Milan', 'Milan');
    same('Inter Miami CF', 'Inter Miami');
    expect(normalizeTeamName('1. FC Köln')).toBe('koln');
    expect(normalizeTeamName('FC Schalke 04')).toBe('schalke 04');
    expect(normalizeTeamName('FK Bodø/Glimt')).toBe('bodo glimt');
  });

  it('keeps an affix when the name is nothing else', () => {
    expect(normalizeTeamName('SC')).toBe('sc');
    expect(normalizeTeamName('FC')).toBe('fc');
    expect(normalizeTeamName('AC')).toBe('ac');
  });

  it('drops punctuation: hyphens split, apostrophes and initial dots join', () => {
    expect(normalizeTeamName('Paris Saint-Germain')).toBe('paris saint germain');
    same('Paris St. Germain', 'Paris Saint-Germain');
    expect(normalizeTeamName('L.A. Clippers')).toBe('la clippers');
    same('L.A. Clippers', 'LA Clippers');
    expect(normalizeTeamName("Nott'm Forest")).toBe('nottm forest');
    expect(normalizeTeamName('Miami (FL)')).toBe('miami fl');
  });

  it('keeps digits in names', () => {
    expect(normalizeTeamName('Philadelphia 76ers')).toBe('philadelphia 76ers');
    expect(normalizeTeamName('76ers')).toBe('76ers');
    expect(normalizeTeamName('San Francisco 49ers')).toBe('san francisco 49ers');
  });

  it('is idempotent', () => {
    const names = [
      'St. Louis Blues',
      'Brighton & Hove Albion',
      'BodÃ¸/Glimt',
      'AFC Bournemouth',
      'L.A. Clippers',
    ];
    for (const n of names) expect(normalizeTeamName(normalizeTeamName(n))).toBe(normalizeTeamName(n));
  });
});

describe('teamAliases', () => {
  it('collects ESPN names, with location plus name', () => {
    const aliases = teamAliases({
      location: 'Philadelphia',
      name: '76ers',
      abbreviation: 'PHI',
      displayName: 'Philadelphia 76ers',
      shortDisplayName: '76ers',
    });
    expect(aliases[0]).toBe('philadelphia 76ers');
    expect(new Set(aliases)).toEqual(new Set(['philadelphia 76ers', '76ers', 'philadelphia', 'phi']));
  });

  it('builds location plus name for college teams whose display name is the school', () => {
    const aliases = teamAliases({
      location: 'Duke',
      name: 'Blue Devils',
      displayName: 'Duke',
      abbreviation: 'DUKE',
    });
    expect(aliases).toContain('duke blue devils');
    expect(aliases).toContain('duke');
  });

  it('splits TheSportsDB alternates and keywords on commas', () => {
    const aliases = teamAliases({
      strTeam: 'Arsenal',
      strTeamAlternate: 'Arsenal Football Club, AFC, Arsenal FC',
      strTeamShort: 'ARS',
      strKeywords: 'Gunners, Gooners',
    });
    expect(aliases[0]).toBe('arsenal');
    expect(aliases).toEqual(
      expect.arrayContaining(['arsenal football club', 'afc', 'ars', 'gunners', 'gooners']),
    );
    // `Arsenal FC` reduces to `arsenal`: one entry, not two.
    expect(aliases.filter((a) => a === 'arsenal')).toHaveLength(1);
  });

  it('ignores empty and missing fields', () => {
    expect(teamAliases({ strTeam: 'Toronto FC', strTeamAlternate: '', strKeywords: null })).toEqual([
      'toronto',
    ]);
    expect(teamAliases({})).toEqual([]);
  });
});
