// Words around the matchup that name the competition (league hints), the stage of it (dropped), or say the
// slot carries something other than a game (studio shows, races, fight cards).

// Competitions a payload may start with, without a colon: `EFL Championship Derby v West Brom`.
const LEADING_LEAGUES = [
  'UEFA Champions League', 'UEFA Europa Conference League', 'UEFA Europa League', 'UEFA Conference League',
  'Champions League', 'Europa League', 'Conference League', 'English Football League', 'EFL Championship',
  'EFL League One', 'EFL League Two', 'EFL Cup', 'Carabao Cup', 'FA Cup', 'Premier League', 'EPL',
  'La Liga', 'LaLiga', 'Serie A', 'Bundesliga', 'Ligue 1', 'Eredivisie', 'Scottish Premiership', 'SPFL',
  'Liga MX', 'MLS', 'NWSL', 'NFL', 'NBA', 'WNBA', 'NHL', 'MLB', 'MiLB', 'NCAAF', 'NCAAB', 'NCAAM', 'NCAAW',
  'College Football', 'College Basketball', 'ATP', 'WTA', 'PGA Tour', 'LPGA', 'NASCAR Cup Series', 'NASCAR',
  'IndyCar', 'Formula 1', 'Formula 2', 'Formula 3', 'Formula E', 'F1', 'F2', 'F3', 'MotoGP', 'Moto2', 'Moto3',
  'DP World Tour', 'LIV Golf', 'UFC', 'PFL', 'Bellator',
]; // prettier-ignore

const LEADING_LEAGUE = new RegExp(
  `^(${LEADING_LEAGUES.map((l) => l.replace(/[.+]/g, '\\$&')).join('|')})\\s+(?=\\S)`,
  'i',
);
const KNOWN_LEAGUE = new RegExp(
  `^(?:${LEADING_LEAGUES.map((l) => l.replace(/[.+]/g, '\\$&')).join('|')})$`,
  'i',
);

/** `EFL Championship Derby` -> hint `EFL Championship`, rest `Derby`. */
export function splitLeadingLeague(text: string): { hint: string; rest: string } | null {
  const m = LEADING_LEAGUE.exec(text);
  if (!m?.[1]) return null;
  return { hint: m[1], rest: text.slice(m[0].length) };
}

export function isKnownLeague(text: string): boolean {
  return KNOWN_LEAGUE.test(text.trim());
}

// A sport (and gender) word before the teams: `Soccer (M) Ohio State at Wisconsin`.
const LEADING_SPORT =
  /^((?:men's |women's )?(?:soccer|football|basketball|baseball|softball|hockey|ice hockey|volleyball|lacrosse|field hockey|wrestling|rugby|water polo))(?:\s*\((?:m|w|men|women)\))?\s+(?=\S)/i;

/** A sport and maybe a gender alone: `Field Hockey`, `Soccer (W)`, what follows a matchup after ` - `. */
export function isSportText(text: string): boolean {
  return (
    LEADING_SPORT.test(`${text.trim()} .`) &&
    LEADING_SPORT.exec(`${text.trim()} .`)?.[0].trim() === text.trim()
  );
}

export function splitLeadingSport(text: string): { hint: string; rest: string } | null {
  const m = LEADING_SPORT.exec(text);
  if (!m?.[1]) return null;
  return { hint: m[1], rest: text.slice(m[0].length) };
}

// Where in a competition the game is: dropped from teams and hints.
const STAGE =
  /^(?:pre-?season|regular season|post-?season|play-?offs?|play-?in|finals?|semi-?finals?(?: #?\d+)?|quarter-?finals?(?: #?\d+)?|fase final|group (?:stage|[a-h])|round (?:of )?\d+|matchday \d+|week \d+|day \d+|game \d+|leg \d+|\d+(?:st|nd|rd|th) (?:leg|match|round|test|odi|t20i?)|qualifier|eliminator|stage \d+|heat \d+|(?:wild ?card|divisional|conference) round|championship game|(?:early|late) rounds)$/i;

export function isStageText(text: string): boolean {
  return STAGE.test(text.trim());
}

// Shows and pressers in an event slot: an event with a title, never a matchup.
const STUDIO =
  /\b(?:press conference|presser|media day|pre-?game|post-?game|pre-?show|post-?show|pre-?race|post-?race|countdown|kickoff show|show|buzz|rundown|scoreboard|trending|studio|wrap-?up|la previa|el resumen|resumen|360|live from|awards?|banquet|ceremony|draft|combine|documentary|magazine|preview|review|analysis|podcast|talk|weigh-?ins?|embedded|all access|big inning|watch party|red ?zone|whip ?around)\b/i;

/** True for studio shows, pressers, ceremonies: `Postgame Press Conference: A vs. B`, `The Golazo Show`. */
export function isStudioText(text: string): boolean {
  return STUDIO.test(text);
}

// Races and sessions: `SuperBikes MotoAmerica at Road America` is not team A at team B.
const RACE =
  /\b(?:grand prix|gp|gran premio|grande pr[eê]mio|gro(?:ß|ss)er preis|e-?prix|race|racing|rally|practice|qualifying|sprint|pit lane|superbikes?|motoamerica|motogp|nascar|indycar|formula (?:1|one|e)|f1|supercross|motocross|drag racing|dirt|speedway|nhra|imsa|marathon|triathlon|tour de|stage \d+|tournament|open championship|invitational|golf|pga|lpga|nlh|poker|wwe|aew|dynamite|rampage)\b/i;

export function isRaceText(text: string): boolean {
  return RACE.test(text);
}

// Fight cards: keep the card's title, and the headliners as teams. A number (never zero-padded: `UFC 03` is a
// slot), `Fight Night` or a series of the promotion is required so that linear channels (`UFC`, `UFC 24/7`,
// `PFL MMA`, `Glory Kickboxing`) are not cards.
const CARD =
  /^(?:(?:ufc|bellator|pfl|one|bkfc|cage warriors|glory|lfa|invicta(?: fc)?|rizin|ksw|cffc)(?: fight night)? [1-9]\d*(?![\p{N}/.])|(?:ufc|one) fight night\b|ufc (?:on \p{L}+|vegas \d+)\b|(?:pfl|bellator) (?:champions series|world tournament|playoffs?|championship|europe|mena|africa|super fights)\b)/iu;

/** `UFC 324`, `UFC Fight Night`, `Bellator 300`: the start of a fight-card title. */
export function isCardTitle(text: string): boolean {
  return CARD.test(text.trim());
}
