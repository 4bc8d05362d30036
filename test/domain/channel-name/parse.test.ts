// Every real example of wire-formats.md section 3.2, with what the name itself states. `now` is a moment the
// name could realistically have been read at; the provider's zone is New York throughout.
import { describe, expect, it } from 'vitest';
import { defaultFamilies, parseView, type View } from './support.js';

const families = defaultFamilies();
const DEC = '2025-12-12T15:00:00Z';
const OCT = '2025-10-20T12:00:00Z';
const SEP = '2025-09-08T12:00:00Z';
const NY = 'America/New_York';

interface Row {
  item: string;
  name: string;
  now?: string;
  want: Partial<View>;
}

// prettier-ignore
const matchups: Row[] = [
  { item: '1', name: 'NBA 01: Chicago Bulls  vs  Charlotte Hornets @ 07:00 PM ET', want: { kind: 'event',
    family: 'NBA', slot: 1, teams: ['Chicago Bulls', 'Charlotte Hornets'], awayFirst: false, time: '19:00',
    timeZone: NY, date: null, startsAt: '2025-12-13T00:00:00.000Z' } },
  { item: '2', name: 'NHL 02: Seattle Kraken  vs  Utah Mammoth @ 09:00 PM ET', want: { kind: 'event', family: 'NHL',
    slot: 2, teams: ['Seattle Kraken', 'Utah Mammoth'], time: '21:00', startsAt: '2025-12-13T02:00:00.000Z' } },
  { item: '2 (EG-M)', name: 'NHL 01: Minnesota Wild  vs  New Jersey Devils @ 07:00 PM ET', want: { kind: 'event',
    slot: 1, teams: ['Minnesota Wild', 'New Jersey Devils'], time: '19:00', timeZone: NY } },
  { item: '4', name: 'NFL Game Pass 01: Atlanta Falcons  vs  Tampa Bay Buccaneers @ 08:15 PM ET',
    want: { kind: 'event', family: 'NFL Game Pass', slot: 1, teams: ['Atlanta Falcons', 'Tampa Bay Buccaneers'],
    time: '20:15' } },
  { item: '5', name: 'NFL Game Pass 02: Falcons @ Buccaneers (Prime Vision with Next Gen Stats) @ 08:15 PM ET',
    want: { kind: 'event', family: 'NFL Game Pass', slot: 2, teams: ['Falcons', 'Buccaneers'], awayFirst: true,
    time: '20:15', feed: ['Prime Vision with Next Gen Stats'] } },
  { item: '7', name: 'NCAAB 52: Maryland vs 8 Alabama @ Nov 26 11:59 PM ET', now: '2025-11-26T20:00:00Z',
    want: { kind: 'event', family: 'NCAAB', slot: 52, teams: ['Maryland', 'Alabama'], time: '23:59',
    date: '2025-11-26', startsAt: '2025-11-27T04:59:00.000Z' } },
  { item: '8', name: 'ESPN+ 01 : Perth Glory vs. Wellington Phoenix @ Dec 12 05:55 AM ET', want: { kind: 'event',
    family: 'ESPN+', slot: 1, teams: ['Perth Glory', 'Wellington Phoenix'], time: '05:55', date: '2025-12-12',
    startsAt: '2025-12-12T10:55:00.000Z' } },
  { item: '10', name: 'ESPN+ 33 : En Español - Montreal Canadiens vs. Florida Panthers @ Dec 30 04:00 PM ET',
    want: { kind: 'event', slot: 33, teams: ['Montreal Canadiens', 'Florida Panthers'], language: ['es'],
    date: '2025-12-30', startsAt: '2025-12-30T21:00:00.000Z' } },
  { item: '11', name: 'Flo Sports 101: flofc: Marietta vs Muskingum @ 22 Oct 07:00 PM ET', now: OCT,
    want: { kind: 'event', family: 'Flo Sports', slot: 101, teams: ['Marietta', 'Muskingum'], leagueHints: ['flofc'],
    date: '2025-10-22', startsAt: '2025-10-22T23:00:00.000Z' } },
  { item: '13', name: 'ESPN+ 23 : Point Loma vs. Concordia - St. Paul (Semifinal #1) @ Dec 12 05:00 PM ET',
    want: { kind: 'event', teams: ['Point Loma', 'Concordia - St. Paul'], startsAt: '2025-12-12T22:00:00.000Z' } },
  { item: '16', name: 'ESPN+ 22 : Villanova vs. #12 Georgetown @ Oct 22 07:00 PM ET', now: OCT, want: { kind: 'event',
    slot: 22, teams: ['Villanova', 'Georgetown'], date: '2025-10-22' } },
  { item: '17', name: 'WNBA 02: Las Vegas Aces at Phoenix Mercury @ Oct 10 08:00PM ET', now: OCT,
    want: { kind: 'event', family: 'WNBA', teams: ['Las Vegas Aces', 'Phoenix Mercury'], awayFirst: true,
    time: '20:00', date: '2025-10-10', startsAt: '2025-10-11T00:00:00.000Z' } },
  { item: '19', name: 'MLB 01: Seattle Mariners at Toronto Blue Jays NATIONAL @ 20 Oct 08:08 PM ET', now: OCT,
    want: { kind: 'event', family: 'MLB', teams: ['Seattle Mariners', 'Toronto Blue Jays'], awayFirst: true,
    feed: ['national'], time: '20:08', date: '2025-10-20' } },
  { item: '20', name: 'Paramount+ 02: UEFA Champions League: Galatasaray vs. BodÃ¸/Glimt @ 22 Oct 12:00 PM ET',
    now: OCT, want: { kind: 'event', family: 'Paramount+', teams: ['Galatasaray', 'Bodø/Glimt'],
    leagueHints: ['UEFA Champions League'], startsAt: '2025-10-22T16:00:00.000Z' } },
  { item: '22', name: 'Serie A 06: Cagliari vs. Bologna @ 19 Oct 14:00 CEST', now: OCT, want: { kind: 'event',
    family: 'Serie A', slot: 6, teams: ['Cagliari', 'Bologna'], time: '14:00', timeZone: 'Europe/Paris',
    date: '2025-10-19', startsAt: '2025-10-19T12:00:00.000Z' } },
  { item: '23', name: 'La Liga 06: Deportivo Alaves vs. Elche CF @ 05 Oct 13:00', now: OCT, want: { kind: 'event',
    family: 'La Liga', teams: ['Deportivo Alaves', 'Elche CF'], time: '13:00', timeZone: NY, date: '2025-10-05',
    startsAt: '2025-10-05T17:00:00.000Z' } },
  { item: '25', name: 'Sky Sports + 01: EFL Championship Derby v West Brom @ 9 Sep 07:30 PM London', now: SEP,
    want: { kind: 'event', family: 'Sky Sports+', slot: 1, teams: ['Derby', 'West Brom'], awayFirst: false,
    leagueHints: ['EFL Championship'], timeZone: 'Europe/London', date: '2025-09-09',
    startsAt: '2025-09-09T18:30:00.000Z' } },
  { item: '26', name: 'NCAAF 06: Big 12 Football: Washington St. at Kansas St. @ 12 Sep 12:00 PM ET', now: SEP,
    want: { kind: 'event', family: 'NCAAF', teams: ['Washington St.', 'Kansas St.'], awayFirst: true,
    leagueHints: ['Big 12 Football'], startsAt: '2025-09-12T16:00:00.000Z' } },
  { item: '28', name: 'NCAAF 01 : Middle Tennessee at Delaware @ 07:30 PM ET', now: '2025-09-13T15:00:00Z',
    want: { kind: 'event', teams: ['Middle Tennessee', 'Delaware'], awayFirst: true, time: '19:30', date: null,
    startsAt: '2025-09-13T23:30:00.000Z' } },
  { item: '29', name: 'MiLB 08: MiLB A 05: Daytona Tortugas at Bradenton Marauders 30 @ Jun 06:30 PM ET',
    now: '2025-06-30T12:00:00Z', want: { kind: 'event', family: 'MiLB', slot: 8, teams: ['Daytona Tortugas',
    'Bradenton Marauders'], leagueHints: ['MiLB A'], date: '2025-06-30', startsAt: '2025-06-30T22:30:00.000Z' } },
  { item: '31', name: 'NCAAF 16: Robert Morris at Wagner 12pm [1080p]', now: '2025-09-13T15:00:00Z',
    want: { kind: 'event', teams: ['Robert Morris', 'Wagner'], quality: ['1080p'], time: '12:00',
    startsAt: '2025-09-13T16:00:00.000Z' } },
  { item: '32', name: 'Tennis 16 : ATP Vienna: Arevalo M / Pavic M - Cobolli F / Moutet C @ 22 Oct 10:50 AM ET',
    now: OCT, want: { kind: 'event', family: 'Tennis', teams: ['Arevalo M / Pavic M', 'Cobolli F / Moutet C'],
    leagueHints: ['ATP Vienna'], time: '10:50' } },
  { item: '35', name: 'Fanatiz 06: GKS Katowice vs Lech Poznan @ Oct 5 11:25AM ET', now: OCT, want: { kind: 'event',
    family: 'Fanatiz', teams: ['GKS Katowice', 'Lech Poznan'], time: '11:25', date: '2025-10-05' } },
  { item: '40', name: 'BIG10+ 21: Soccer (M) Ohio State at Wisconsin Fri @ Sep 11 08:00PM ET', now: SEP,
    want: { kind: 'event', family: 'BIG10+', slot: 21, teams: ['Ohio State', 'Wisconsin'], awayFirst: true,
    date: '2025-09-11', startsAt: '2025-09-12T00:00:00.000Z' } },
];

// prettier-ignore
const clocks: Row[] = [
  { item: '41', name: 'USA Real NBA 01: SAS Spurs VS MIA Heat ( NBA TV Feed ) @ 7:30 PM', want: { kind: 'event',
    family: 'USA Real NBA', teams: ['SAS Spurs', 'MIA Heat'], feed: ['NBA TV Feed'], time: '19:30', timeZone: NY,
    startsAt: '2025-12-13T00:30:00.000Z' } },
  { item: '43', name: 'NCAA Softball 02: Rhode Island vs. Holy Cross @ 2:30 pm', now: '2025-04-12T13:00:00Z',
    want: { kind: 'event', family: 'NCAA Softball', teams: ['Rhode Island', 'Holy Cross'], time: '14:30',
    startsAt: '2025-04-12T18:30:00.000Z' } },
  { item: '44', name: 'USA Soccer06: FIFA U-20 World Cup : Argentina U20 vs Nigeria U20 @ 03:30pm',
    want: { kind: 'event', family: 'USA Soccer', slot: 6, teams: ['Argentina U20', 'Nigeria U20'],
    leagueHints: ['FIFA U-20 World Cup'], time: '15:30' } },
  { item: '46', name: 'NBA 02: Lakers vs Celtics @ 8pm ET', want: { kind: 'event', slot: 2, teams: ['Lakers',
    'Celtics'], time: '20:00', startsAt: '2025-12-13T01:00:00.000Z' } },
  { item: '47', name: 'Peacock 02: Preseason: Bulls vs. Cavaliers (2025-10-07 19:00:00)', want: { kind: 'event',
    family: 'Peacock', teams: ['Bulls', 'Cavaliers'], leagueHints: [], date: '2025-10-07', time: '19:00',
    startsAt: '2025-10-07T23:00:00.000Z' } },
  { item: '49',
    name: 'Prime US 13: Indian Premier League 2025 - 63rd Match - Mumbai Indians vs Delhi Capitals (2025-05-21 09:53:00)',
    want: { kind: 'event', family: 'Prime US', slot: 13, teams: ['Mumbai Indians', 'Delhi Capitals'],
    leagueHints: ['Indian Premier League 2025'], startsAt: '2025-05-21T13:53:00.000Z' } },
  { item: '50', name: 'National League TV 03 : Rochdale vs. FC Halifax Town (2025-10-01 14:45:00)',
    want: { kind: 'event', family: 'National League TV', teams: ['Rochdale', 'FC Halifax Town'],
    date: '2025-10-01' } },
  { item: '52',
    name: 'Flo Football 10 : Monarch (FL) vs Don Bosco Prep (NJ) (Monarch (FL) vs Don Bosco Prep (NJ)) (2025-09-05 19:00:00)',
    want: { kind: 'event', family: 'Flo Football', slot: 10, teams: ['Monarch (FL)', 'Don Bosco Prep (NJ)'],
    startsAt: '2025-09-05T23:00:00.000Z' } },
  { item: '53', name: 'US (Peacock 023) | Clippers vs. Lakers (2025-11-25 23:00:05)', want: { kind: 'event',
    family: 'Peacock', slot: 23, teams: ['Clippers', 'Lakers'], time: '23:00',
    startsAt: '2025-11-26T04:00:00.000Z' } },
  { item: '55', name: '(UK) (Dazn 070) | Patriots @ Bengals (2025-11-23 18:00:05)', want: { kind: 'event',
    family: 'DAZN', slot: 70, teams: ['Patriots', 'Bengals'], awayFirst: true } },
  { item: '56', name: '(UK) (Sky+ 08) | NFL: Philadelphia Eagles @ Dallas Cowboys (2025-11-23)',
    want: { kind: 'event', family: 'Sky+', slot: 8, teams: ['Philadelphia Eagles', 'Dallas Cowboys'],
    leagueHints: ['NFL'], date: '2025-11-23', time: null, startsAt: null } },
  { item: '58', name: 'US (Peacock 057): Home Feed: NYY at AZ', want: { kind: 'event', family: 'Peacock', slot: 57,
    teams: ['NYY', 'AZ'], awayFirst: true, feed: ['home'], time: null } },
  { item: '59', name: 'MLB 02 | Dodgers x Yankees start:2026-07-19 17:35:00 stop:2026-07-20 00:48:20',
    want: { kind: 'event', family: 'MLB', slot: 2, teams: ['Dodgers', 'Yankees'], awayFirst: false,
    startsAt: '2026-07-19T21:35:00.000Z', stopsAt: '2026-07-20T04:48:00.000Z' } },
  { item: '61', name: "Channel Number 1 : Women's Swimming Press Conference (2025-08-11 11:30:00)",
    want: { kind: 'event', family: 'Channel Number', slot: 1, teams: [], title: "Women's Swimming Press Conference",
    startsAt: '2025-08-11T15:30:00.000Z' } },
];

// prettier-ignore
const pipes: Row[] = [
  { item: '62a', name: 'NFL | 01 - 1PM Packers at Lions', now: '2025-11-23T15:00:00Z', want: { kind: 'event',
    family: 'NFL', slot: 1, teams: ['Packers', 'Lions'], awayFirst: true, time: '13:00',
    startsAt: '2025-11-23T18:00:00.000Z' } },
  { item: '62b', name: 'NFL  | 16 -8:15PM Giants at Patriots', now: '2025-11-23T15:00:00Z', want: { kind: 'event',
    slot: 16, teams: ['Giants', 'Patriots'], time: '20:15' } },
  { item: '64', name: 'NFL 03 3PM Texans at Patriots', want: { kind: 'event', slot: 3, teams: ['Texans', 'Patriots'],
    awayFirst: true, time: '15:00' } },
  { item: '65', name: 'NCAAF 002: ROBERT MORRIS AT WAGNER | 8.29 12:00PM | NEC FRONT ROW',
    now: '2025-08-28T12:00:00Z', want: { kind: 'event', family: 'NCAAF', slot: 2, teams: ['ROBERT MORRIS', 'WAGNER'],
    awayFirst: true, network: ['NEC FRONT ROW'], date: '2025-08-29', startsAt: '2025-08-29T16:00:00.000Z' } },
  { item: '67', name: '11/23 - 1:00 PM EST | New England Patriots at Cincinnati Bengals', now: '2025-11-22T12:00:00Z',
    want: { kind: 'event', family: null, teams: ['New England Patriots', 'Cincinnati Bengals'], awayFirst: true,
    date: '2025-11-23', startsAt: '2025-11-23T18:00:00.000Z' } },
  { item: '68', name: '10/8 - ESPN FC @ Oct 08 05:00 PM ET', now: '2025-10-08T12:00:00Z', want: { kind: 'event',
    teams: [], title: 'ESPN FC', date: '2025-10-08', startsAt: '2025-10-08T21:00:00.000Z' } },
  { item: '70', name: 'MLS 03 | Nashville SC vs. Inter Miami CF (Spanish) 18 Oct 5:55PM ET', now: OCT,
    want: { kind: 'event', family: 'MLS', teams: ['Nashville SC', 'Inter Miami CF'], language: ['es'],
    date: '2025-10-18', startsAt: '2025-10-18T21:55:00.000Z' } },
  { item: '71', name: 'MLS NEXT PRO 01 | FC Cincinnati 2 vs. New York Red Bulls II (English) 1 Oct 7:25PM ET',
    now: OCT, want: { kind: 'event', family: 'MLS NEXT PRO', teams: ['FC Cincinnati 2', 'New York Red Bulls II'],
    language: ['en'], date: '2025-10-01', time: '19:25' } },
  { item: '73', name: 'MLS Espanolⓧ 66 | D.C. vs. Montréal | MLS | March 15 5:30 pm', now: '2025-03-10T12:00:00Z',
    want: { kind: 'event', family: 'MLS Espanol', slot: 66, teams: ['D.C.', 'Montréal'], leagueHints: ['MLS'],
    date: '2025-03-15', startsAt: '2025-03-15T21:30:00.000Z' } },
  { item: '74',
    name: 'LIVE | GIRONA - REAL SOCIEDAD | Thu 14 May 19:55 CEST (SE) | 8K EXCLUSIVE | SE: TV4 PLAY PPV 7',
    now: '2026-05-10T12:00:00Z', want: { kind: 'event', slot: 7, teams: ['GIRONA', 'REAL SOCIEDAD'], quality: ['8K'],
    timeZone: 'Europe/Paris', date: '2026-05-14', startsAt: '2026-05-14T17:55:00.000Z' } },
  { item: '76', name: 'Next | Rockies at Pirates | all | 14-05-2026 | 18:35 (GMT) |', now: '2026-05-10T12:00:00Z',
    want: { kind: 'event', teams: ['Rockies', 'Pirates'], awayFirst: true, timeZone: 'UTC',
    date: '2026-05-14', startsAt: '2026-05-14T18:35:00.000Z' } },
  { item: '77',
    name: 'US - MLB GAME 02 : DETROIT TIGERS @ CLEVELAND GUARDIANS – SEP 4 – 8:15 PM ET / SEP 5 – 1:15 AM UK',
    now: '2025-09-04T12:00:00Z', want: { kind: 'event', family: 'MLB', slot: 2, teams: ['DETROIT TIGERS',
    'CLEVELAND GUARDIANS'], awayFirst: true, timeZone: NY, date: '2025-09-04',
    startsAt: '2025-09-05T00:15:00.000Z' } },
  { item: '79', name: 'UEFA Champions League 06: Monaco 20:00 Tottenham 22/10', now: OCT, want: { kind: 'event',
    family: 'UEFA Champions League', slot: 6, teams: ['Monaco', 'Tottenham'], time: '20:00', date: '2025-10-22' } },
  { item: '80', name: 'UEFA Europa League 12: FC Porto 20:00 FK Crvena zvezda Beograd 02/10',
    now: '2025-10-01T12:00:00Z', want: { kind: 'event', family: 'UEFA Europa League', teams: ['FC Porto',
    'FK Crvena zvezda Beograd'], date: '2025-10-02' } },
];

// prettier-ignore
const generic: Row[] = [
  { item: '82', name: 'EVENT 21: Dirt Zone (6.19 7:30 PM ET)', now: '2025-06-19T12:00:00Z', want: { kind: 'event',
    family: 'EVENT', slot: 21, teams: [], title: 'Dirt Zone', date: '2025-06-19',
    startsAt: '2025-06-19T23:30:00.000Z' } },
  { item: '83a', name: 'LIVE EVENT 01: 12PM UFC Vegas 107 On The Line', want: { kind: 'event', family: 'LIVE EVENT',
    slot: 1, title: 'UFC Vegas 107 On The Line', time: '12:00' } },
  { item: '83b', name: 'LIVE EVENT 10: 1:15PM SuperBikes MotoAmerica at Road America', want: { kind: 'event',
    slot: 10, teams: [], title: 'SuperBikes MotoAmerica at Road America', time: '13:15' } },
  { item: '85', name: 'LIVE EVENT 31 - GOBI Live From Coachella 2026', want: { kind: 'event', slot: 31, teams: [],
    title: 'GOBI Live From Coachella 2026', time: null } },
  { item: '86', name: 'Boxing 3 : MOSES vs HRGOVIC  4:00pm', want: { kind: 'event', family: 'Boxing', slot: 3,
    teams: ['MOSES', 'HRGOVIC'], time: '16:00' } },
  { item: '88a', name: 'UFC 324 - Gaethje vs. Pimblett', want: { kind: 'event', slot: null, teams: ['Gaethje',
    'Pimblett'], title: 'UFC 324 - Gaethje vs. Pimblett' } },
  { item: '88b', name: 'UFC 324: Main English', want: { kind: 'event', slot: null, title: 'UFC 324: Main English' } },
  { item: '88c', name: 'UFC 324 (Prelims)', want: { kind: 'event', title: 'UFC 324',
    part: { kind: 'segment', label: 'Prelims' } } },
  { item: '88d', name: 'Gaethje vs Pimblett (Early Prelims)', want: { kind: 'event', teams: ['Gaethje',
    'Pimblett'] } },
  { item: '89', name: 'ESPN+ 25 : UFC Fight Night Pre-Show: Royval vs. Kape @ Dec 12 05:35 PM ET',
    want: { kind: 'event', family: 'ESPN+', slot: 25, teams: [], title: 'UFC Fight Night Pre-Show: Royval vs. Kape',
    startsAt: '2025-12-12T22:35:00.000Z' } },
  { item: '91a', name: 'Channel Number 2 : Bananas @ Apples @ 01:00 PM ET', want: { kind: 'event',
    family: 'Channel Number', slot: 2, teams: ['Bananas', 'Apples'], awayFirst: true, time: '13:00' } },
  { item: '91b', name: 'Channel Number03: Gladiator - Premiere League : Marcus Attilius vs Spiculus @ 01:15pm',
    want: { kind: 'event', slot: 3, teams: ['Marcus Attilius', 'Spiculus'],
    leagueHints: ['Gladiator - Premiere League'], time: '13:15' } },
  { item: '91c', name: 'Channel Number : Mon, 8/11 - Drag Racing (2025-08-11 17:30:00)', now: '2025-08-11T12:00:00Z',
    want: { kind: 'event', slot: null, teams: [], title: 'Drag Racing', date: '2025-08-11', time: '17:30' } },
];

// prettier-ignore
const studioAndTitles: Row[] = [
  { item: '14',
    name: 'WNBA 03: Postgame Press Conference: Las Vegas Aces vs. Phoenix Mercury (Game 3) @ Oct 08 10:00PM ET',
    now: OCT, want: { kind: 'event', family: 'WNBA', slot: 3, teams: [],
    title: 'Postgame Press Conference: Las Vegas Aces vs. Phoenix Mercury (Game 3)', time: '22:00',
    date: '2025-10-08' } },
  { item: '34', name: 'Flo Racing 02 : KUBOTA HIGH LIMIT RACING CHAMPIONSHIP AWARDS BANQUET @ OCT 19 07:00PM ET',
    now: OCT, want: { kind: 'event', family: 'Flo Racing', slot: 2, teams: [],
    title: 'KUBOTA HIGH LIMIT RACING CHAMPIONSHIP AWARDS BANQUET', date: '2025-10-19', time: '19:00' } },
  { item: '37', name: 'DAZN CA 16: MLTT - Week 1, Day 1 @ 11 Sep 03:00 PM ET', now: SEP, want: { kind: 'event',
    family: 'DAZN CA', slot: 16, teams: [], title: 'MLTT - Week 1, Day 1', date: '2025-09-11' } },
  { item: '38', name: 'TSN+ 03: Formula 1 Pit Lane - Spanish Grand Prix Practice #1 @ 11 Sep 07:20 AM ET', now: SEP,
    want: { kind: 'event', family: 'TSN+', teams: [], title: 'Formula 1 Pit Lane - Spanish Grand Prix',
    part: { kind: 'session', label: 'Practice 1' }, startsAt: '2025-09-11T11:20:00.000Z' } },
  { item: '98a', name: 'Paramount+ 01: Morning Buzz @ 22 Oct 09:00 AM ET', now: OCT, want: { kind: 'event',
    family: 'Paramount+', slot: 1, teams: [], title: 'Morning Buzz', startsAt: '2025-10-22T13:00:00.000Z' } },
  { item: '98b', name: 'Paramount+ 05: UEFA Champions League: The Golazo Show @ 22 Oct 02:00 PM ET', now: OCT,
    want: { kind: 'event', teams: [], title: 'The Golazo Show', leagueHints: ['UEFA Champions League'] } },
  { item: '98c',
    name: 'WNBA 01: Coaches Pregame Press Conference: 2025 WNBA Finals presented by YouTube TV (Game 4) @ Oct 10 06:00PM ET',
    now: OCT, want: { kind: 'event', teams: [],
    title: 'Coaches Pregame Press Conference: 2025 WNBA Finals presented by YouTube TV (Game 4)',
    startsAt: '2025-10-10T22:00:00.000Z' } },
];

const notEvents: Row[] = [
  { item: '92', name: 'NHL | Toronto Maple Leafs', want: { kind: 'other', family: null, teams: [] } },
  { item: '94a', name: 'SPFL: CELTIC TV', want: { kind: 'other', family: null } },
  { item: '94b', name: 'SPFL: ABERDEEN FC (REDS TV)', want: { kind: 'other', family: null } },
  { item: '94c', name: 'US| MLB: DETROIT TIGERS', want: { kind: 'other', family: null } },
  { item: '94d', name: 'US - MLB TEAMS : DETROIT TIGERS', want: { kind: 'other', family: null } },
  {
    item: '95',
    name: 'Carolina @ Ottawa (Available outside Ottawa Region)',
    want: { kind: 'event', family: null, teams: ['Carolina', 'Ottawa'], awayFirst: true },
  },
  { item: '97', name: 'NFL Teams: CBS Bears (WBBM) Chicago IL', want: { kind: 'other', family: null } },
  { item: '100a', name: 'MIL Bucks ( ESPN Feed )', want: { kind: 'other', feed: ['ESPN Feed'] } },
  {
    item: '100b',
    name: 'NFL\n01: Bills vs Broncos',
    want: { kind: 'event', family: 'NFL', slot: 1, teams: ['Bills', 'Broncos'] },
  },
  {
    item: '107',
    name: 'Peacock Original 11 ᴴᴰ',
    want: { kind: 'other', family: null, slot: null, quality: ['HD'] },
  },
];

const placeholders: Row[] = [
  ['101a', 'NCAAF 03 :', 'NCAAF', 3], ['101b', 'NHL 04:', 'NHL', 4], ['101c', 'WNBA 04:', 'WNBA', 4],
  ['101d', 'MiLB 02:', 'MiLB', 2], ['101e', 'Paramount+ 20:', 'Paramount+', 20], ['101f', 'Paramount+ 26 :', 'Paramount+', 26],
  ['101g', 'MLS NEXT PRO 02 |', 'MLS NEXT PRO', 2], ['103a', 'NHL 07:', 'NHL', 7], ['103b', 'MLB 01:', 'MLB', 1],
  ['106', 'NFL | 16 - TBD', 'NFL', 16],
].map(([item, name, family, slot]) => ({
  item: String(item),
  name: String(name),
  want: { kind: 'placeholder' as const, family: String(family), slot: Number(slot), teams: [], title: null },
})); // prettier-ignore

describe('parseChannelName on the real examples of wire-formats.md 3.2', () => {
  const cases = [
    ['numbered slots with a matchup and a time', matchups],
    ['time-only and other clock styles, bracketed timestamps', clocks],
    ['pipe-delimited and date-first layouts', pipes],
    ['PPV and generic event slots', generic],
    ['studio shows, pressers, races and sessions in event slots', studioAndTitles],
    ['team channels and names that look like events', notEvents],
    ['empty placeholders', placeholders],
  ] as const;
  for (const [group, rows] of cases) {
    describe(group, () => {
      it.each(rows)('reads item $item: $name', ({ name, now, want }) => {
        expect(parseView(name, families, now ?? DEC)).toMatchObject(want);
      });
    });
  }
});

describe('parseChannelName on the decorations and notations of other providers', () => {
  const NOW = '2026-12-01T13:30:00Z'; // 08:30 in New York
  const rows: { name: string; want: Record<string, unknown> }[] = [
    { name: '[US] ESPN+ 12 | Duke vs UNC 7:00 PM ET', want: { family: 'ESPN+', slot: 12, teams: ['Duke', 'UNC'] } },
    {
      name: 'CA | Sportsnet+ 04 • Maple Leafs @ Canadiens 7PM ET',
      want: { family: 'Sportsnet+', slot: 4, teams: ['Maple Leafs', 'Canadiens'], awayFirst: true },
    },
    { name: 'CBB 105 Wisconsin vs Auburn 7PM ET', want: { family: 'CBB', slot: 105, teams: ['Wisconsin', 'Auburn'] } },
    {
      name: 'Soccer 01 | Real Madrid • BVB 18:45 CET',
      want: { slot: 1, teams: ['Real Madrid', 'BVB'], time: '18:45', timeZone: 'Europe/Paris' },
    },
    {
      name: 'LL 01 - Osasuna x Levante - KO 21.00 CET',
      want: { teams: ['Osasuna', 'Levante'], time: '21:00', timeZone: 'Europe/Paris' },
    },
    {
      name: 'Footy 1 - Arsenal v Chelsea 01/12 17:45GMT',
      want: { teams: ['Arsenal', 'Chelsea'], date: '2026-12-01', time: '17:45', timeZone: 'UTC' },
    },
    {
      name: 'EVT 7: New Jersey x Minnesota 1.12. 7:00 PM ET',
      want: { teams: ['New Jersey', 'Minnesota'], date: '2026-12-01', time: '19:00' },
    },
    { name: 'NBA 03: Pacers v Bulls Hlts', want: { teams: ['Pacers', 'Bulls'], highlights: true } },
    { name: 'NBA 04: Pacers v Bulls (Rpl)', want: { teams: ['Pacers', 'Bulls'], replay: true } },
    { name: 'NHL 04: Pens @ Flyers (Alt)', want: { teams: ['Pens', 'Flyers'], feed: ['alternate'] } },
    { name: 'NFL 02: TNF: Bills @ Chiefs 8:15 PM ET', want: { teams: ['Bills', 'Chiefs'], network: ['TNF'] } },
    { name: 'NFL 05 | SNF Bills @ Chiefs 8:20 PM ET', want: { teams: ['Bills', 'Chiefs'], network: ['SNF'] } },
    {
      name: 'SE: Girona - Real Sociedad | 19:55 CEST | SE: TV4 PLAY PPV 7',
      want: { family: 'TV4 PLAY PPV', slot: 7, teams: ['Girona', 'Real Sociedad'] },
    },
    { name: 'NFL : 15 - [1080p]', want: { kind: 'placeholder', family: 'NFL', slot: 15 } },
    { name: 'Miami (OH) at Ohio 7:00 PM ET', want: { teams: ['Miami (OH)', 'Ohio'] } },
    { name: 'Star+ 13 - BYU Cougars vs. USC Trojans En Vivo 20:00 ET', want: { teams: ['BYU Cougars', 'USC Trojans'], time: '20:00' } },
    { name: 'NBA LP 03: Miami vs San Antonio • Mar 01/12 • 18:30 CT', want: { teams: ['Miami', 'San Antonio'], date: '2026-12-01', timeZone: 'America/Chicago' } },
    { name: 'US▸ NBA 02 | Pacers-Bulls 7p', want: { family: 'NBA', slot: 2, teams: ['Pacers', 'Bulls'], time: '19:00' } },
    { name: '★ US▸ NBA 05 ★ Utah Jazz at Atlanta Hawks 8p', want: { family: 'NBA', slot: 5, teams: ['Utah Jazz', 'Atlanta Hawks'], time: '20:00' } },
    { name: 'Viaplay 04: Stars mot Ducks (NHL) kl. 19.00 ET', want: { teams: ['Stars', 'Ducks'], time: '19:00' } },
    { name: 'College Basketball 07: Duke vs Seton Hall Pirates 6:30p ET ESPN2', want: { teams: ['Duke', 'Seton Hall Pirates'], time: '18:30' } },
    { name: 'Viaplay 01: Engelsk Premier League - Brentford - Spurs kl. 20.30 CET', want: { teams: ['Brentford', 'Spurs'], time: '20:30', timeZone: 'Europe/Paris' } },
    { name: 'ESPN UNLTD 32: MLB: SF vs. ATL • NYM vs. TB (12.01 06:00 PM ET)', want: { teams: [], title: 'MLB: SF vs. ATL • NYM vs. TB' } },
    { name: 'Next | BKFC 91: Hunt vs. Pugliesi | Hunt v Pugliesi | 17:00 (GMT)', want: { teams: ['Hunt', 'Pugliesi'] } },
    { name: 'PPV 04: UFC 309 Jones v Miocic Main Card (12.01 10:00PM ET)', want: { teams: ['Jones', 'Miocic'], title: 'UFC 309 Jones v Miocic', part: { kind: 'segment', label: 'Main Card' } } },
    { name: 'TV2 Sport 12: Brann - Molde: 5. runde (Eliteserien) @ 14 Dec 06:00 PM Oslo', want: { teams: ['Brann', 'Molde'], timeZone: 'Europe/Oslo' } },
    { name: 'EFL 12 | Burnley 20:00 Middlesbrough (CH) 02/09', want: { teams: ['Burnley', 'Middlesbrough'], date: '2026-09-02' } },
    { name: 'TSN+ 01: US Open: Day #2 - Court TBD @ 31 Aug 11:00 AM ET', want: { teams: [] } },
    { name: 'US Open 11: Court 8 @ Dec 10 10:00AM ET', want: { date: '2026-12-10' } },
    { name: 'Flo Sports 16: 2026 Dickinson vs Juniata - Field Hockey', want: { teams: ['Dickinson', 'Juniata'] } },
    { name: 'LIVE EVENT 05 - 10:30am/2pm Eubank v Papot', want: { teams: ['Eubank', 'Papot'], time: '10:30' } },
    { name: 'LIVE EVENT 06 - 5:30/8pm Pacheco v Aleem', want: { teams: ['Pacheco', 'Aleem'], time: '17:30', date: null } },
    { name: 'Tennis 05: TC Live at the Hall of Fame @ 6:00 PM ET', want: { teams: [], title: 'TC Live at the Hall of Fame' } },
    { name: 'PPV EVENT 01: IWK 250 at Riverside (12.17 6:00 PM ET)', want: { teams: [], title: 'IWK 250 at Riverside' } },
    { name: 'TSN+ 11: Roger Federer - An Icon Returns to New York @ 8:00 PM ET', want: { teams: [] } },
  ]; // prettier-ignore
  it.each(rows)('reads $name', ({ name, want }) => {
    expect(parseView(name, families, NOW)).toMatchObject({ kind: 'event', ...want });
  });
});
