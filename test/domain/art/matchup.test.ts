import { describe, expect, it } from 'vitest';
import { colourFromName, hexColour, textOn } from '../../../src/domain/art/colour.js';
import { artIdentity, matchupSvg } from '../../../src/domain/art/matchup-svg.js';
import { abbreviationOf, artSpec, formatArtStart, type ArtTeamFacts } from '../../../src/domain/art/spec.js';

const team = (name: string, over: Partial<ArtTeamFacts> = {}): ArtTeamFacts => ({
  name,
  abbreviation: null,
  colour: null,
  alternateColour: null,
  logo: null,
  ...over,
});
const event = (sport: string, home: ArtTeamFacts | null, away: ArtTeamFacts | null) => ({
  league: 'NBA',
  sport,
  title: 'A title',
  startsAt: new Date('2026-12-02T00:30:00Z'),
  home,
  away,
});

describe('matchup art specs', () => {
  it('writes away @ home for most sports and home VS away for soccer', () => {
    const nba = artSpec(event('basketball', team('Boston Celtics'), team('Los Angeles Lakers')), 'UTC');
    expect([nba.teams?.left.name, nba.teams?.joiner, nba.teams?.right.name]).toEqual([
      'Los Angeles Lakers',
      '@',
      'Boston Celtics',
    ]);
    const epl = artSpec(event('soccer', team('Arsenal'), team('Chelsea')), 'UTC');
    expect([epl.teams?.left.name, epl.teams?.joiner]).toEqual(['Arsenal', 'VS']);
  });

  it('is a card when the event has no two teams', () => {
    expect(artSpec(event('mma', null, null), 'UTC').teams).toBeNull();
    expect(artSpec(event('mma', team('A'), null), 'UTC').teams).toBeNull();
  });

  it("shows the start on the zone's clock", () => {
    const at = new Date('2026-12-02T00:30:00Z');
    expect(formatArtStart(at, 'America/New_York')).toBe('Tue, Dec 1 · 7:30 PM EST');
    expect(formatArtStart(at, 'Europe/London')).toBe('Wed, Dec 2 · 12:30 AM GMT');
  });

  it("uses the source's abbreviation, else the initials or the first letters", () => {
    expect(abbreviationOf('Los Angeles Lakers', 'LAL')).toBe('LAL');
    expect(abbreviationOf('Golden State Warriors', null)).toBe('GSW');
    expect(abbreviationOf('Arsenal', null)).toBe('ARS');
  });

  it('gives a team without colours a stable one of its own, and readable text on any', () => {
    expect(colourFromName('Boston Celtics')).toBe(colourFromName(' boston celtics '));
    expect(colourFromName('Boston Celtics')).not.toBe(colourFromName('Los Angeles Lakers'));
    expect(hexColour('#EF0107')).toBe('ef0107');
    expect(hexColour('red')).toBeNull();
    expect(textOn('ffffff')).toBe('111111');
    expect(textOn('552583')).toBe('ffffff');
  });
});

describe('the matchup SVG', () => {
  it('escapes whatever a name holds and drops what XML cannot carry', () => {
    const svg = matchupSvg(
      artSpec(event('basketball', team('<script>&"x"\u0000'), team("O'Neil </text>")), 'UTC'),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0000');
    expect(svg).toContain('&lt;script&gt;&amp;"x"');
    expect(svg).toContain("O'Neil &lt;/text&gt;");
  });

  it('is the same text for the same spec, and its identity ignores the logo bytes but not their hash', () => {
    const logo = { dataUri: 'data:image/png;base64,AAAA', hash: 'h1' };
    const spec = artSpec(event('basketball', team('A', { logo }), team('B')), 'UTC');
    expect(matchupSvg(spec)).toBe(matchupSvg(spec));
    expect(artIdentity(spec)).not.toContain('base64');
    const other = artSpec(
      event('basketball', team('A', { logo: { ...logo, hash: 'h2' } }), team('B')),
      'UTC',
    );
    expect(artIdentity(other)).not.toBe(artIdentity(spec));
  });

  it('draws two teams of one colour apart, the right one in its alternate', () => {
    const spec = artSpec(
      event(
        'basketball',
        team('Home', { colour: '552583', alternateColour: 'fdb927' }),
        team('Away', { colour: '552583' }),
      ),
      'UTC',
    );
    expect(matchupSvg(spec)).toContain('fill="#fdb927"');
  });
});
