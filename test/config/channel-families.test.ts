import { describe, expect, it } from 'vitest';
import { loadDefaultFamilies, parseChannelFamilies } from '../../src/config/channel-families.js';
import { loadFamilyLeagueMappings } from '../../src/config/leagues.js';
import { compileAdminRegex } from '../../src/domain/admin-regex.js';
import { problemsOf } from '../support/config.js';

// wire-formats.md 3.3, one name per family a provider was seen with.
const SEEN = [
  'BIG10+ 01:', 'Bundesliga 01:', 'EPL 01', 'EPL01', 'La Liga 01:', 'Ligue1 01:', 'Serie A 01:',
  'Scottish Premiership 01:', 'SPFL 01:', 'NBA 01:', 'NCAAB 01:', 'NCAAW B 01:', "NJCAA Men's Basketball 01:",
  "NJCAA Women's Basketball 01:", 'USA Real NBA 01:', 'WNBA 01', 'FIBA 01:', 'NCAAF 01:', 'NCAAF 101:', 'NFL 01',
  'NFL Game Pass 1', 'NFL Multi Screen / HDR 1', 'NFL | 01', 'NHL 01:', 'NHL | 01:', 'USA Real NHL 01:', 'WHL 01:',
  'QMJHL 01:', 'OHL 01:', 'MLB 01:', 'MiLB 01:', 'USA Real MLB 01:', 'MLS 01', 'MLS 01 |', 'MLS NEXT PRO 01',
  'MLS Espanolⓧ 01', 'USA | MLS 01', 'USA Soccer01:', 'FA Cup 01', 'EFL01', 'Super League + 01',
  'UEFA Champions League 01:', 'UEFA Europa League 01:', 'UEFA Europa Conf. League 01:', 'UEFA 01', 'FIFA 01',
  'GAAGO : GAME 01', 'LOI GAME 01', 'National League TV 01', 'DAZN BE 01:', 'DAZN CA 1:', 'ESPN+ 1', 'Fanatiz 01:',
  'Flo Football 01:', 'Flo Racing 01:', 'Flo Sports 01:', 'Flo Sports 0101:', 'Paramount+ 01:', 'Paramount+ 101:',
  'Peacock 01:', 'Prime US 01:', 'SEC+ 01', 'ACC extra 01', 'Fubo Sports Network 01', 'Sportsnet+ 01', 'TSN+ 01:',
  'MAX NL 01:', 'MAX SE 01:', 'MAX USA 01:', 'Viaplay NL 01', 'Viaplay SE 01', 'Viaplay NO 01', 'TV2 NO 01:',
  'Tv4 Play SE 01:', 'Sky Sports+ | 01', 'Sky Tennis+ | 01', 'Setanta Sports 01:', 'Tennis 01:', 'Tennis TV | Event 01',
  'UFC 01', 'TrillerTV Event 01', 'Matchroom Event 1', 'LIVE EVENT 01', 'Dirtvision : EVENT 01', 'Clubber 01',
  'NCAA Softball 01:',
]; // prettier-ignore

describe('the checked-in channel-families file', () => {
  const families = loadDefaultFamilies();
  const patterns = families.map((f) => ({ family: f.family, re: compileAdminRegex(f.pattern).regex! }));

  it('gives every family a label, a pattern with slot and payload groups, and a priority', () => {
    for (const f of families) {
      expect(f.family.length).toBeGreaterThan(0);
      expect(f.pattern).toContain('(?<slot>');
      expect(f.pattern).toContain('(?<payload>');
      expect(Number.isInteger(f.priority)).toBe(true);
    }
  });

  it.each(SEEN)('covers the family of %j (section 3.3)', (name) => {
    const stripped = name.replace(/^USA \| /, '');
    const hit = patterns.find((p) => p.re.exec(stripped)?.slot !== undefined);
    expect(hit, name).toBeDefined();
  });

  it('labels families the way family-leagues.yaml maps them', () => {
    const mapped = new Set(loadFamilyLeagueMappings().map((m) => m.family.toLowerCase().replace(/\s+/g, '')));
    for (const label of [
      'NBA',
      'NFL',
      'NHL',
      'MLB',
      'NCAAF',
      'NCAAB',
      'ESPN+',
      'Paramount+',
      'Peacock',
      'EPL',
      'UCL',
    ]) {
      expect(families.map((f) => f.family)).toContain(label);
      expect(mapped.has(label.toLowerCase())).toBe(true);
    }
  });
});

describe('parseChannelFamilies', () => {
  it('reads a valid file', () => {
    const text =
      "families:\n  - { family: XFL, pattern: '^XFL (?<slot>\\d+)(?<payload>.*)$', priority: 5 }\n";
    expect(parseChannelFamilies(text)).toEqual([
      { family: 'XFL', pattern: '^XFL (?<slot>\\d+)(?<payload>.*)$', priority: 5 },
    ]);
  });

  it('names every bad entry', () => {
    const text = [
      'families:',
      "  - { family: A, pattern: '^A (?<slot>\\d+', priority: 1 }",
      "  - { family: B, pattern: '^B (\\d+)(.*)$', priority: 1 }",
      "  - { family: '', pattern: '^C (?<slot>\\d+)(?<payload>.*)$', priority: 1.5 }",
    ].join('\n');
    const problems = problemsOf(() => parseChannelFamilies(text, 'f.yaml'));
    expect(problems).toEqual([
      expect.stringMatching(/^f\.yaml: families\.0\.pattern: not a valid regex/),
      expect.stringMatching(/^f\.yaml: families\.1\.pattern: must capture the named group "slot"/),
      expect.stringMatching(/^f\.yaml: families\.1\.pattern: must capture the named group "payload"/),
      expect.stringMatching(/^f\.yaml: families\.2\.family/),
      expect.stringMatching(/^f\.yaml: families\.2\.priority/),
    ]);
  });

  it('rejects text that is not YAML or has no families', () => {
    expect(problemsOf(() => parseChannelFamilies('families: [', 'x.yaml'))[0]).toMatch(/not valid YAML/);
    expect(problemsOf(() => parseChannelFamilies('other: 1', 'x.yaml')).length).toBeGreaterThan(0);
  });
});
