import type { Kysely, Updateable } from 'kysely';
import {
  insertTeam,
  insertTeamAliases,
  listLeagueTeams,
  listTeamAliases,
  updateTeam,
  type TeamRow,
} from '../../db/teams.js';
import type { DB, Teams } from '../../db/types.js';
import { normalizeTeamName, type TeamRecord } from '../../domain/matching/index.js';

/** A team as a source describes it; `id` is null when the source gave only a name. */
export type TeamInput = Omit<TeamRecord, 'id'> & { id: string | null };

export interface TeamBook {
  /** Normalised names the team goes by. */
  aliasesOf(teamId: number | null): ReadonlySet<string>;
  /**
   * Finds the stored team a source record describes (its own id, TheSportsDB's `idESPN`, else its full name
   * within the league), links the source id to it or inserts it, and adds its aliases (source `api`). ESPN's
   * name and logo win; TheSportsDB only fills gaps. Writes only what is new.
   */
  upsert(team: TeamInput): Promise<number>;
}

const none: ReadonlySet<string> = new Set();

/** One league's teams and aliases read once, then kept in step with what `upsert` writes through `db`. */
export async function loadTeamBook(db: Kysely<DB>, league: string): Promise<TeamBook> {
  const rows = await listLeagueTeams(db, league);
  const ids = rows.map((r) => r.id);
  const stored = await listTeamAliases(db, ids);
  // An alias an admin deleted stays deleted: the sources must not bring it back.
  const deleted = await listTeamAliases(db, ids, { deleted: true });
  const byId = new Map<number, TeamRow>();
  const byEspn = new Map<string, TeamRow>();
  const byTsdb = new Map<string, TeamRow>();
  const aliases = new Map<number, Set<string>>();
  const byAlias = new Map<string, Set<number>>();

  const index = (row: TeamRow) => {
    byId.set(row.id, row);
    if (row.espn_id !== null) byEspn.set(row.espn_id, row);
    if (row.thesportsdb_id !== null) byTsdb.set(row.thesportsdb_id, row);
  };
  const addAlias = (id: number, normalized: string) => {
    const own = aliases.get(id) ?? new Set<string>();
    own.add(normalized);
    aliases.set(id, own);
    const teams = byAlias.get(normalized) ?? new Set<number>();
    teams.add(id);
    byAlias.set(normalized, teams);
  };
  for (const row of rows) index(row);
  for (const [id, list] of stored) for (const a of list) addAlias(id, a);

  function find(team: TeamInput): TeamRow | undefined {
    const espn = team.source === 'espn';
    if (team.id !== null) {
      const own = (espn ? byEspn : byTsdb).get(team.id);
      if (own) return own;
    }
    if (!espn && team.espnId) {
      const viaEspn = byEspn.get(team.espnId);
      if (viaEspn) return viaEspn;
    }
    // By full name, only onto a team without another id from this source: two teams may share a name.
    const normalized = normalizeTeamName(team.name);
    const named = [...(byAlias.get(normalized) ?? [])]
      .map((id) => byId.get(id)!)
      .filter((t) => (espn ? t.espn_id === null : t.thesportsdb_id === null));
    return named.length === 1 ? named[0] : undefined;
  }

  return {
    aliasesOf: (teamId) => (teamId === null ? none : (aliases.get(teamId) ?? none)),
    async upsert(team) {
      const espn = team.source === 'espn';
      let row = find(team);
      if (!row) {
        row = await insertTeam(db, {
          league,
          name: team.name,
          abbreviation: team.abbreviation,
          logo: team.logo,
          color: team.color ?? null,
          alternate_color: team.alternateColor ?? null,
          espn_id: espn ? team.id : team.espnId,
          thesportsdb_id: espn ? null : team.id,
        });
      } else {
        const set: Updateable<Teams> = {};
        if (espn && team.id !== null && row.espn_id === null) set.espn_id = team.id;
        if (!espn && team.id !== null && row.thesportsdb_id === null) set.thesportsdb_id = team.id;
        if (espn && team.name !== row.name) set.name = team.name;
        if (
          (espn || row.abbreviation === null) &&
          team.abbreviation &&
          team.abbreviation !== row.abbreviation
        )
          set.abbreviation = team.abbreviation;
        if ((espn || row.logo === null) && team.logo && team.logo !== row.logo) set.logo = team.logo;
        if ((espn || row.color === null) && team.color && team.color !== row.color) {
          set.color = team.color;
          set.alternate_color = team.alternateColor ?? null;
        }
        if (Object.keys(set).length > 0) {
          await updateTeam(db, row.id, set);
          row = { ...row, ...set } as TeamRow;
        }
      }
      index(row);
      const id = row.id;
      const known = aliases.get(id) ?? none;
      const removed = deleted.get(id) ?? [];
      const fresh = [
        { alias: team.name, normalized: normalizeTeamName(team.name) },
        ...team.aliases.map((a) => ({ alias: a, normalized: a })),
      ].filter((a) => a.normalized !== '' && !known.has(a.normalized) && !removed.includes(a.normalized));
      if (fresh.length > 0) {
        await insertTeamAliases(db, id, fresh, 'api');
        for (const a of fresh) addAlias(id, a.normalized);
      }
      return id;
    },
  };
}
