// The text helpers of channel-name parsing: normalising, tags, placeholders, teams, hints.
import { describe, expect, it } from 'vitest';
import { emptyFlags, extractFlags } from '../../../src/domain/channel-name/flags.js';
import {
  isCardTitle,
  isRaceText,
  isStageText,
  isStudioText,
  splitLeadingLeague,
  splitLeadingSport,
} from '../../../src/domain/channel-name/hints.js';
import { normalizeName } from '../../../src/domain/channel-name/normalize.js';
import { repairMojibake } from '../../../src/domain/mojibake.js';
import { isPlaceholderText, isUndecidedTeam } from '../../../src/domain/channel-name/placeholder.js';
import { cleanTeam, dropTimeMarkers, splitMatchup } from '../../../src/domain/channel-name/teams.js';
import { KICK, MARK } from '../../../src/domain/channel-name/when/datetime.js';

describe('normalizeName', () => {
  it('puts a name with a literal newline, tabs and double spaces on one tidy line', () => {
    expect(normalizeName('NFL\n01:\tBills  vs   Broncos ')).toBe('NFL 01: Bills vs Broncos');
  });

  it('turns en and em dashes into hyphens and typographic apostrophes into plain ones', () => {
    expect(normalizeName('SEP 4 – 8:15 PM — Women’s')).toBe("SEP 4 - 8:15 PM - Women's");
  });

  it('reads any vertical-bar lookalike as a pipe', () => {
    for (const bar of ['¦', 'ǀ', '∣', '⎮', '⏐', '│', '┃', '❘', '❙', '❚', '｜', '￨']) {
      expect(normalizeName(`ESPNPLUS 03 ${bar} UConn at Notre Dame ${bar} 7.00pm PT`)).toBe(
        'ESPNPLUS 03 | UConn at Notre Dame | 7.00pm PT',
      );
    }
  });

  it('reads superscript HD as HD', () => {
    expect(normalizeName('Peacock Original 11 ᴴᴰ')).toBe('Peacock Original 11 HD');
  });

  it('repairs UTF-8 that was read as Windows-1252', () => {
    expect(normalizeName('Paramount+ 02: Galatasaray vs. BodÃ¸/Glimt')).toBe(
      'Paramount+ 02: Galatasaray vs. Bodø/Glimt',
    );
    expect(repairMojibake('BodÃ¸/Glimt')).toBe('Bodø/Glimt');
    expect(repairMojibake('CF MontrÃ©al')).toBe('CF Montréal');
    expect(repairMojibake('QarabaÄŸ FK')).toBe('Qarabağ FK');
    expect(repairMojibake('MLS 360 En EspaÃ±ol')).toBe('MLS 360 En Español');
  });

  it('leaves real accents and symbols alone', () => {
    for (const text of ['Montréal', 'Perú vs. Ecuador', 'MLS Espanolⓧ 66', 'Ã alone', 'Ã']) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it('is idempotent', () => {
    const once = normalizeName(' US (Peacock 023) |  Clippers vs. Lakers ');
    expect(normalizeName(once)).toBe(once);
  });
});

describe('extractFlags', () => {
  const read = (text: string) => {
    const flags = emptyFlags();
    const rest = extractFlags(text, flags).replace(/\s+/g, ' ').trim();
    return { rest, flags };
  };

  it('moves quality tags out of the text', () => {
    expect(read('Robert Morris at Wagner 12pm [1080p]')).toMatchObject({
      rest: 'Robert Morris at Wagner 12pm',
      flags: { quality: ['1080p'] },
    });
    expect(read('Clarity 4K').flags.quality).toEqual(['4K']);
    expect(read('GIRONA (FHD) 8K EXCLUSIVE').flags.quality).toEqual(['FHD', '8K']);
  });

  it('moves feed tags out: bracketed feeds, feed prefixes and a capitalised feed word after a team', () => {
    expect(read('MIL Bucks ( ESPN Feed )')).toMatchObject({
      rest: 'MIL Bucks',
      flags: { feed: ['ESPN Feed'] },
    });
    expect(read('SAS Spurs VS MIA Heat ( NBA TV Feed ) @ 7:30 PM').flags.feed).toEqual(['NBA TV Feed']);
    expect(read('Home Feed: NYY at AZ')).toMatchObject({ rest: 'NYY at AZ', flags: { feed: ['home'] } });
    expect(read('Mariners at Toronto Blue Jays NATIONAL @ 20 Oct')).toMatchObject({
      rest: 'Mariners at Toronto Blue Jays @ 20 Oct',
      flags: { feed: ['national'] },
    });
    expect(read('Falcons @ Buccaneers (Prime Vision with Next Gen Stats) @ 08:15 PM ET').flags.feed).toEqual([
      'Prime Vision with Next Gen Stats',
    ]);
  });

  it('does not take a feed word inside a team or family name', () => {
    expect(read('Washington Nationals at National League XI').flags.feed).toEqual([]);
  });

  it('moves network tags out', () => {
    expect(read('Ohio State at Michigan (Big Ten Network)')).toMatchObject({
      rest: 'Ohio State at Michigan',
      flags: { network: ['Big Ten Network'] },
    });
    expect(read('Bears at Packers (FOX)').flags.network).toEqual(['FOX']);
  });

  it('reads language tags as language codes', () => {
    expect(read('En Español - Montreal Canadiens vs. Florida Panthers')).toMatchObject({
      rest: 'Montreal Canadiens vs. Florida Panthers',
      flags: { language: ['es'] },
    });
    expect(read('Nashville SC vs. Inter Miami CF (Spanish)').flags.language).toEqual(['es']);
    expect(read('FC Cincinnati vs. CF Montréal (French)').flags.language).toEqual(['fr']);
    expect(read('A vs. B (English)').flags.language).toEqual(['en']);
  });

  it('flags highlights and replays', () => {
    expect(read('Lakers vs Celtics (Highlights)')).toMatchObject({
      rest: 'Lakers vs Celtics',
      flags: { highlights: true },
    });
    expect(read('Gameday Scoreboard & Highlights').flags.highlights).toBe(true);
    expect(read('REPLAY: Lakers vs Celtics')).toMatchObject({
      rest: 'Lakers vs Celtics',
      flags: { replay: true },
    });
    expect(read('Lakers vs Celtics [Re-Air]').flags.replay).toBe(true);
    expect(read('Lakers vs Celtics').flags).toEqual(emptyFlags());
  });
});

describe('isPlaceholderText', () => {
  it.each([
    '', '   ', ':', '|', '-', 'NO EVENT', '-- NO EVENT --', 'OFF AIR', 'Off-Air', 'No programmed channel today', 'TBD',
    'TBA', 'Coming soon', 'No games scheduled', 'Offline', 'No Event Scheduled', 'To Be Announced', 'Please stand by',
    `${MARK} - ${MARK}`,
  ])('reads %j as a placeholder', (text) => {
    expect(isPlaceholderText(text)).toBe(true);
  }); // prettier-ignore

  it.each(['Lakers vs Celtics', 'Morning Buzz', 'Notre Dame at Navy', 'Stand By Me', 'Channel 4', 'Dark'])(
    'reads %j as something on air',
    (text) => {
      expect(isPlaceholderText(text)).toBe(false);
    },
  );

  it('knows an undecided team', () => {
    expect(isUndecidedTeam('TBD')).toBe(true);
    expect(isUndecidedTeam('Tennessee')).toBe(false);
  });
});

describe('cleanTeam', () => {
  it.each([
    ['#12 Georgetown', 'Georgetown'], ['8 Alabama', 'Alabama'], ['(5) Duke', 'Duke'], ['No. 3 Texas', 'Texas'],
    ['Georgetown #12', 'Georgetown'], ['Monarch (FL)', 'Monarch (FL)'], ['(FL) Monarch', 'Monarch'], ['Chelsea (SE)', 'Chelsea'], [' - Kansas St. ', 'Kansas St.'],
    ['FC Cincinnati 2', 'FC Cincinnati 2'], ['Philadelphia 76ers', 'Philadelphia 76ers'], ['New York Red Bulls II', 'New York Red Bulls II'],
    ['Argentina U20', 'Argentina U20'], ['Bodø/Glimt', 'Bodø/Glimt'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanTeam(raw)).toBe(clean);
  }); // prettier-ignore
});

describe('splitMatchup', () => {
  it.each([
    ['Lakers vs Celtics', ['Lakers', 'Celtics'], false],
    ['Lakers  VS  Celtics', ['Lakers', 'Celtics'], false],
    ['Galatasaray vs. Bodø/Glimt', ['Galatasaray', 'Bodø/Glimt'], false],
    ['Derby v West Brom', ['Derby', 'West Brom'], false],
    ['Falcons @ Buccaneers', ['Falcons', 'Buccaneers'], true],
    ['ROBERT MORRIS AT WAGNER', ['ROBERT MORRIS', 'WAGNER'], true],
    ['Dodgers x Yankees', ['Dodgers', 'Yankees'], false],
    ['Bayern gegen Dortmund', ['Bayern', 'Dortmund'], false],
    ['GIRONA - REAL SOCIEDAD', ['GIRONA', 'REAL SOCIEDAD'], false],
  ])('splits %j in written order', (text, teams, awayFirst) => {
    expect(splitMatchup(text)).toMatchObject({ teams, awayFirst });
  });

  it('prefers vs over a hyphen inside a team name', () => {
    expect(splitMatchup('Point Loma vs. Concordia - St. Paul')?.teams).toEqual([
      'Point Loma',
      'Concordia - St. Paul',
    ]);
  });

  it('splits leading context off the first team at hyphens', () => {
    expect(
      splitMatchup('Indian Premier League 2025 - 63rd Match - Mumbai Indians vs Delhi Capitals'),
    ).toMatchObject({
      teams: ['Mumbai Indians', 'Delhi Capitals'],
      lead: ['Indian Premier League 2025'],
    });
  });

  it('reads a kick-off time between two names as the separator, but not a date', () => {
    expect(splitMatchup(`Monaco ${MARK}${KICK} Tottenham ${MARK}`)).toMatchObject({
      teams: ['Monaco', 'Tottenham'],
      strength: 'kickoff',
    });
    expect(splitMatchup(`SOCCA WC 2026 GS, ${MARK}, ES`)).toBeNull();
  });

  it.each([
    'PTT Hungary Men - Day 3',
    'MLTT - Week 1, Day 1',
    'The Long Walk - 2025',
    'Morning Buzz',
    'vs Celtics',
  ])('finds no matchup in %j', (text) => {
    expect(splitMatchup(text)).toBeNull();
  });

  it('drops an @ whose right side is only a time, keeping the team separator', () => {
    const text = dropTimeMarkers(`Falcons @ Buccaneers @ ${MARK}`);
    expect(splitMatchup(text)?.teams).toEqual(['Falcons', 'Buccaneers']);
    expect(dropTimeMarkers(`Bananas @ Apples @ ${MARK} ${MARK}`)).not.toMatch(new RegExp(`@\\s*${MARK}`));
  });
});

describe('hint words', () => {
  it('splits a competition that starts the first team off it', () => {
    expect(splitLeadingLeague('EFL Championship Derby')).toEqual({ hint: 'EFL Championship', rest: 'Derby' });
    expect(splitLeadingLeague('Derby County')).toBeNull();
  });

  it('splits a sport and gender tag before the teams off them', () => {
    expect(splitLeadingSport('Soccer (M) Ohio State')).toEqual({ hint: 'Soccer', rest: 'Ohio State' });
  });

  it('knows stage words, studio shows, races and fight cards', () => {
    expect(['Preseason', 'Fase final', '63rd Match', 'Semifinal #1', 'Matchday 5'].every(isStageText)).toBe(
      true,
    );
    expect(isStageText('Ohio State')).toBe(false);
    expect(isStudioText('Postgame Press Conference')).toBe(true);
    expect(isStudioText('The Golazo Show')).toBe(true);
    expect(isStudioText('Showtime at the Apollo')).toBe(false);
    expect(isRaceText('SuperBikes MotoAmerica at Road America')).toBe(true);
    expect(isRaceText('Washington St. at Kansas St.')).toBe(false);
    expect(isCardTitle('UFC 324')).toBe(true);
    expect(isCardTitle('UFC Fight Night')).toBe(true);
    expect(['UFC', 'UFC 24/7', 'Glory Kickboxing', 'UFC Fight Pass'].some(isCardTitle)).toBe(false);
  });
});
