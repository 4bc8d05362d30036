import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadFamilyLeagueMappings } from '../../../src/config/leagues.js';
import { listEventsForLeagues } from '../../../src/db/events.js';
import { teamAliases, type TeamRecord } from '../../../src/domain/matching/team-names.js';
import type { SportEvent } from '../../../src/domain/types.js';
import { sameEventTitle, storeSourceEvents } from '../../../src/services/events/events-store.js';
import { seedReferenceData } from '../../../src/services/events/reference-data.js';
import { league, leagues } from '../../support/config.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const mappings = loadFamilyLeagueMappings(undefined, leagues);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.database.db, leagues, mappings);
});
afterAll(async () => {
  await t.drop();
});
beforeEach(async () => {
  const { db } = t.database;
  await db.deleteFrom('events').execute();
  await db.deleteFrom('team_aliases').execute();
  await db.deleteFrom('teams').execute();
});

const minutes = (n: number) => n * 60_000;
const start = new Date('2026-11-26T00:30:00Z');

function espnTeam(id: string, location: string, name: string, abbreviation: string): TeamRecord {
  const displayName = `${location} ${name}`;
  return {
    source: 'espn',
    id,
    league: 'NBA',
    name: displayName,
    shortName: name,
    abbreviation,
    location,
    logo: null,
    espnId: id,
    aliases: teamAliases({ displayName, shortDisplayName: name, abbreviation, location, name }),
  };
}

const lakers = espnTeam('13', 'Los Angeles', 'Lakers', 'LAL');
const celtics = espnTeam('2', 'Boston', 'Celtics', 'BOS');

function espnGame(over: Partial<SportEvent> = {}): SportEvent {
  return {
    id: 'espn:401',
    league: 'NBA',
    sport: 'basketball',
    title: 'Boston Celtics at Los Angeles Lakers',
    startsAt: start,
    status: 'pre',
    statusDetail: 'Scheduled',
    venue: null,
    home: lakers.name,
    away: celtics.name,
    homeId: lakers.id,
    awayId: celtics.id,
    image: null,
    externalIds: { espn: '401' },
    ...over,
  };
}

function tsdbGame(over: Partial<SportEvent> = {}): SportEvent {
  return {
    id: 'thesportsdb:901',
    league: 'NBA',
    sport: 'basketball',
    title: 'Boston Celtics at Los Angeles Lakers',
    startsAt: new Date(start.getTime() + minutes(10)),
    status: 'pre',
    statusDetail: 'Not Started',
    venue: 'Crypto.com Arena',
    home: 'Los Angeles Lakers',
    away: 'Boston Celtics',
    homeId: '700013',
    awayId: '700002',
    image: 'https://example.test/thumb.jpg',
    externalIds: { thesportsdb: '901' },
    ...over,
  };
}

const rows = () => t.database.db.selectFrom('events').selectAll().orderBy('id').execute();

describe('seedReferenceData', () => {
  it('writes every league and universal mapping once, however often it runs', async () => {
    const again = await seedReferenceData(t.database.db, leagues, mappings);
    expect(again).toMatchObject({ leagues: leagues.length, mappingsInserted: 0, mappingsUpdated: 0 });
    const stored = await t.database.db.selectFrom('leagues').selectAll().execute();
    expect(stored).toHaveLength(leagues.length);
    expect(stored.find((l) => l.key === 'NCAAM')).toMatchObject({
      espn_slug: 'basketball/mens-college-basketball',
      thesportsdb_id: '4607',
      duration_minutes: 135,
    });
    const maps = await t.database.db.selectFrom('family_league_mappings').selectAll().execute();
    expect(maps).toHaveLength(mappings.length);
    expect(maps.find((m) => m.family === 'ESPN+')?.league_keys).toContain('UFC');
  });

  it('follows a config change but never revives a mapping an admin deleted', async () => {
    const { db } = t.database;
    await db
      .updateTable('family_league_mappings')
      .set({ deleted_at: new Date() })
      .where('family', '=', 'PPV')
      .execute();
    const changed = mappings.map((m) => (m.family === 'NBA' ? { ...m, leagues: ['NBA', 'WNBA'] } : m));
    const res = await seedReferenceData(db, leagues, changed);
    expect(res).toMatchObject({ mappingsInserted: 0, mappingsUpdated: 1 });
    const live = await db
      .selectFrom('family_league_mappings')
      .selectAll()
      .where('deleted_at', 'is', null)
      .execute();
    expect(live.find((m) => m.family === 'NBA')?.league_keys).toEqual(['NBA', 'WNBA']);
    expect(live.some((m) => m.family === 'PPV')).toBe(false);
  });
});

describe('storeSourceEvents', () => {
  it('merges the TheSportsDB row of a game ESPN already stored, keeping both ids', async () => {
    const { db } = t.database;
    expect(await storeSourceEvents(db, league('NBA'), [espnGame()], [lakers, celtics])).toMatchObject({
      inserted: 1,
      merged: 0,
    });
    expect(await storeSourceEvents(db, league('NBA'), [tsdbGame()])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      merged: 1,
    });
    const [row, ...rest] = await rows();
    expect(rest).toEqual([]);
    // ESPN's start and title stand; TheSportsDB fills what ESPN left empty.
    expect(row).toMatchObject({
      espn_id: '401',
      thesportsdb_id: '901',
      starts_at: start,
      venue: 'Crypto.com Arena',
      image: 'https://example.test/thumb.jpg',
    });
    const teams = await db.selectFrom('teams').selectAll().execute();
    expect(teams).toHaveLength(2);
    expect(teams.find((x) => x.espn_id === '13')?.thesportsdb_id).toBe('700013');
  });

  it('merges ESPN into a row TheSportsDB made first, and ESPN’s values win', async () => {
    const { db } = t.database;
    await storeSourceEvents(db, league('NBA'), [tsdbGame({ title: 'Celtics @ Lakers' })]);
    const res = await storeSourceEvents(db, league('NBA'), [espnGame()], [lakers, celtics]);
    expect(res.merged).toBe(1);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      espn_id: '401',
      thesportsdb_id: '901',
      title: 'Boston Celtics at Los Angeles Lakers',
      starts_at: start,
    });
  });

  it('updates a game it has already stored instead of adding it again', async () => {
    const { db } = t.database;
    await storeSourceEvents(db, league('NBA'), [espnGame()], [lakers, celtics]);
    const res = await storeSourceEvents(
      db,
      league('NBA'),
      [espnGame({ status: 'in', statusDetail: 'Q1' })],
      [lakers, celtics],
    );
    expect(res).toEqual({ inserted: 0, updated: 1, unchanged: 0, merged: 0 });
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'in', status_detail: 'Q1' });
    const again = await storeSourceEvents(
      db,
      league('NBA'),
      [espnGame({ status: 'in', statusDetail: 'Q1' })],
      [lakers, celtics],
    );
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 1, merged: 0 });
  });

  it('keeps games apart when the start is more than 15 minutes off or home and away are swapped', async () => {
    const { db } = t.database;
    await storeSourceEvents(db, league('NBA'), [espnGame()], [lakers, celtics]);
    await storeSourceEvents(db, league('NBA'), [
      tsdbGame({ startsAt: new Date(start.getTime() + minutes(16)) }),
      tsdbGame({
        id: 'thesportsdb:902',
        externalIds: { thesportsdb: '902' },
        home: 'Boston Celtics',
        away: 'Los Angeles Lakers',
        homeId: '700002',
        awayId: '700013',
      }),
    ]);
    const all = await rows();
    expect(all).toHaveLength(3);
    expect(all.filter((r) => r.espn_id !== null && r.thesportsdb_id !== null)).toEqual([]);
  });

  it('merges a team written by another alias of the same team', async () => {
    const { db } = t.database;
    await storeSourceEvents(db, league('NBA'), [espnGame()], [lakers, celtics]);
    // No team ids to link on: "Lakers" and "Celtics" are aliases ESPN's records already gave.
    const res = await storeSourceEvents(db, league('NBA'), [
      tsdbGame({ home: 'Lakers', away: 'Celtics', homeId: null, awayId: null }),
    ]);
    expect(res.merged).toBe(1);
    expect(await rows()).toHaveLength(1);
  });

  it('merges a fight card on its title words and keeps a different card apart', async () => {
    const { db } = t.database;
    const card = (over: Partial<SportEvent>): SportEvent => ({
      ...espnGame(),
      league: 'UFC',
      sport: 'mma',
      home: null,
      away: null,
      homeId: null,
      awayId: null,
      ...over,
    });
    await storeSourceEvents(db, league('UFC'), [card({ title: 'UFC 324: Gaethje vs. Pimblett' })]);
    const res = await storeSourceEvents(db, league('UFC'), [
      card({ title: 'UFC 324 Gaethje vs Pimblett', externalIds: { thesportsdb: '77' } }),
      card({
        title: 'UFC Fight Night: Smith vs Jones',
        externalIds: { thesportsdb: '78' },
        startsAt: new Date(start.getTime() + minutes(5)),
      }),
    ]);
    expect(res).toEqual({ inserted: 1, updated: 0, unchanged: 0, merged: 1 });
    expect((await rows()).map((r) => [r.espn_id, r.thesportsdb_id])).toEqual([
      ['401', '77'],
      [null, '78'],
    ]);
  });

  it('keeps a part of a larger event with its end, finds it while it is on, and leaves it alone when nothing changed', async () => {
    const { db } = t.database;
    const dayStart = new Date('2026-02-22T12:00:00Z');
    const round = (): SportEvent => ({
      ...espnGame(),
      id: 'espn:401811933:r4',
      league: 'PGA',
      sport: 'golf',
      title: 'The Genesis Invitational — Round 4',
      startsAt: dayStart,
      endsAt: new Date(dayStart.getTime() + minutes(14 * 60)),
      part: {
        kind: 'round',
        label: 'Round 4',
        parentId: 'espn:401811933',
        parentTitle: 'The Genesis Invitational',
      },
      home: null,
      away: null,
      homeId: null,
      awayId: null,
      externalIds: { espn: '401811933:r4' },
    });
    await storeSourceEvents(db, league('PGA'), [round()]);
    const again = await storeSourceEvents(db, league('PGA'), [round()]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    // Asked for the afternoon, long after the round's start: it is still on.
    const found = await listEventsForLeagues(
      db,
      ['PGA'],
      new Date(dayStart.getTime() + minutes(6 * 60)),
      new Date(dayStart.getTime() + minutes(9 * 60)),
    );
    expect(found.map((f) => f.event)).toEqual([
      expect.objectContaining({
        title: 'The Genesis Invitational — Round 4',
        endsAt: round().endsAt,
        part: round().part,
      }),
    ]);
    const after = await listEventsForLeagues(
      db,
      ['PGA'],
      new Date(dayStart.getTime() + minutes(15 * 60)),
      new Date(dayStart.getTime() + minutes(18 * 60)),
    );
    expect(after).toEqual([]);
  });

  it('links a TheSportsDB team list to ESPN’s teams by idESPN and adds its alternate names', async () => {
    const { db } = t.database;
    await storeSourceEvents(db, league('NBA'), [espnGame()], [lakers, celtics]);
    const tsdbLakers: TeamRecord = {
      source: 'thesportsdb',
      id: '700013',
      league: 'NBA',
      name: 'Los Angeles Lakers',
      shortName: null,
      abbreviation: 'LAL',
      location: 'Los Angeles',
      logo: 'https://example.test/lal.png',
      espnId: '13',
      aliases: teamAliases({ strTeam: 'Los Angeles Lakers', strTeamAlternate: 'L.A. Lakers, Lake Show' }),
    };
    await storeSourceEvents(db, league('NBA'), [], [tsdbLakers]);
    expect(await db.selectFrom('teams').selectAll().execute()).toHaveLength(2);
    const [stored] = await listEventsForLeagues(db, ['NBA'], start, new Date(start.getTime() + 1));
    expect(stored?.event).toMatchObject({
      title: 'Boston Celtics at Los Angeles Lakers',
      externalIds: { espn: '401' },
    });
    expect(stored?.homeAliases).toEqual(
      expect.arrayContaining(['los angeles lakers', 'lakers', 'lal', 'la lakers', 'lake show']),
    );
    expect(stored?.awayAliases).toContain('celtics');
    expect(stored?.awayAliases).not.toContain('lakers');
  });
});

describe('sameEventTitle', () => {
  it('reads two spellings of one card as the same and two cards of one promotion as different', () => {
    expect(sameEventTitle('UFC 324: Gaethje vs. Pimblett', 'UFC 324 Gaethje v Pimblett')).toBe(true);
    expect(sameEventTitle('UFC 324', 'UFC 324: Gaethje vs. Pimblett')).toBe(true);
    expect(sameEventTitle('UFC Fight Night: Smith vs Jones', 'UFC Fight Night: Brown vs Lee')).toBe(false);
  });
});
