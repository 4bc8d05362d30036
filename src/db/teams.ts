import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, Teams } from './types.js';

export type TeamRow = Selectable<Teams>;
export type AliasSource = 'api' | 'admin' | 'learned' | 'llm';

export function listLeagueTeams(db: Kysely<DB>, league: string): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().where('league', '=', league).orderBy('id').execute();
}

export async function insertTeam(db: Kysely<DB>, values: Insertable<Teams>): Promise<TeamRow> {
  return db.insertInto('teams').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTeam(db: Kysely<DB>, id: number, values: Updateable<Teams>): Promise<void> {
  await db
    .updateTable('teams')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Adds aliases a team does not have yet; an alias it has (live) is left as it is. */
export async function insertTeamAliases(
  db: Kysely<DB>,
  teamId: number,
  aliases: readonly { alias: string; normalized: string }[],
  source: AliasSource,
): Promise<void> {
  const seen = new Set<string>();
  const rows = aliases.filter(
    (a) => a.normalized !== '' && !seen.has(a.normalized) && seen.add(a.normalized),
  );
  if (rows.length === 0) return;
  await db
    .insertInto('team_aliases')
    .values(rows.map((a) => ({ team_id: teamId, alias: a.alias, normalized: a.normalized, source })))
    .onConflict((oc) => oc.columns(['team_id', 'normalized']).where('deleted_at', 'is', null).doNothing())
    .execute();
}

/** Normalised aliases of each team: the live ones, or with `deleted` the ones an admin soft-deleted. */
export async function listTeamAliases(
  db: Kysely<DB>,
  teamIds: readonly number[],
  opts: { deleted?: boolean } = {},
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('team_aliases')
    .select(['team_id', 'normalized'])
    .where('team_id', 'in', [...new Set(teamIds)])
    .where('deleted_at', opts.deleted ? 'is not' : 'is', null)
    // What the LLM taught serves matching once an admin accepts it.
    .where('pending', '=', false)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.team_id) ?? [];
    list.push(r.normalized);
    out.set(r.team_id, list);
  }
  return out;
}

/**
 * Aliases an LLM decision taught, pending its review: they do not serve matching until it is accepted. An alias
 * the team already has (live or pending) is left as it is.
 */
export async function insertPendingLlmAliases(
  db: Kysely<DB>,
  decisionId: number,
  aliases: readonly { teamId: number; alias: string; normalized: string }[],
): Promise<number> {
  const seen = new Set<string>();
  const rows = aliases.filter((a) => {
    const key = `${a.teamId}|${a.normalized}`;
    return a.normalized !== '' && !seen.has(key) && seen.add(key);
  });
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('team_aliases')
    .values(
      rows.map((a) => ({
        team_id: a.teamId,
        alias: a.alias,
        normalized: a.normalized,
        source: 'llm',
        pending: true,
        llm_decision_id: decisionId,
      })),
    )
    .onConflict((oc) => oc.columns(['team_id', 'normalized']).where('deleted_at', 'is', null).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** An accepted decision's aliases start serving matching; returns how many. */
export async function confirmDecisionAliases(db: Kysely<DB>, decisionId: number): Promise<number> {
  const result = await db
    .updateTable('team_aliases')
    .set({ pending: false })
    .where('llm_decision_id', '=', decisionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A rejected decision's aliases go. They are removed, not soft-deleted: a source may still list the same
 * name, and a soft-deleted alias is one the sources must not bring back.
 */
export async function deleteDecisionAliases(db: Kysely<DB>, decisionId: number): Promise<number> {
  const result = await db
    .deleteFrom('team_aliases')
    .where('llm_decision_id', '=', decisionId)
    .where('source', '=', 'llm')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Aliases of LLM decisions, by decision id. */
export async function listDecisionAliases(
  db: Kysely<DB>,
  decisionIds: readonly number[],
): Promise<Map<number, { team: string; alias: string; pending: boolean }[]>> {
  const out = new Map<number, { team: string; alias: string; pending: boolean }[]>();
  if (decisionIds.length === 0) return out;
  const rows = await db
    .selectFrom('team_aliases')
    .innerJoin('teams', 'teams.id', 'team_aliases.team_id')
    .select([
      'team_aliases.llm_decision_id as decision',
      'teams.name as team',
      'team_aliases.alias',
      'team_aliases.pending',
    ])
    .where('team_aliases.llm_decision_id', 'in', [...new Set(decisionIds)])
    .where('team_aliases.deleted_at', 'is', null)
    .orderBy('team_aliases.id')
    .execute();
  for (const r of rows) {
    if (r.decision === null) continue;
    const list = out.get(r.decision) ?? [];
    list.push({ team: r.team, alias: r.alias, pending: r.pending });
    out.set(r.decision, list);
  }
  return out;
}

export interface AliasView {
  id: number;
  alias: string;
  source: string;
  pending: boolean;
  createdAt: Date;
}

/** A league's teams by name, each with its live aliases (pending ones included, marked). */
export async function listTeamsWithAliases(
  db: Kysely<DB>,
  league: string,
  opts: { teamId?: number; search?: string } = {},
): Promise<(TeamRow & { aliases: AliasView[] })[]> {
  let q = db.selectFrom('teams').selectAll().where('league', '=', league);
  if (opts.teamId !== undefined) q = q.where('id', '=', opts.teamId);
  if (opts.search) q = q.where('name', 'ilike', `%${opts.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const teams = await q.orderBy('name').orderBy('id').execute();
  if (teams.length === 0) return [];
  const rows = await db
    .selectFrom('team_aliases')
    .select(['id', 'team_id', 'alias', 'source', 'pending', 'created_at'])
    .where(
      'team_id',
      'in',
      teams.map((t) => t.id),
    )
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const byTeam = new Map<number, AliasView[]>();
  for (const r of rows) {
    const list = byTeam.get(r.team_id) ?? [];
    list.push({ id: r.id, alias: r.alias, source: r.source, pending: r.pending, createdAt: r.created_at });
    byTeam.set(r.team_id, list);
  }
  return teams.map((t) => ({ ...t, aliases: byTeam.get(t.id) ?? [] }));
}

/**
 * An admin's alias for a team: live at once for every provider. An alias the team already has live is
 * returned as it is (a pending one becomes live, as if its decision were accepted).
 */
export async function addAdminAlias(
  db: Kysely<DB>,
  teamId: number,
  alias: string,
  normalized: string,
): Promise<{ view: AliasView; created: boolean }> {
  const existing = await db
    .selectFrom('team_aliases')
    .select(['id', 'alias', 'source', 'pending', 'created_at'])
    .where('team_id', '=', teamId)
    .where('normalized', '=', normalized)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) {
    if (existing.pending)
      await db.updateTable('team_aliases').set({ pending: false }).where('id', '=', existing.id).execute();
    return {
      view: {
        id: existing.id,
        alias: existing.alias,
        source: existing.source,
        pending: false,
        createdAt: existing.created_at,
      },
      created: false,
    };
  }
  const row = await db
    .insertInto('team_aliases')
    .values({ team_id: teamId, alias, normalized, source: 'admin' })
    .returning(['id', 'alias', 'source', 'pending', 'created_at'])
    .executeTakeFirstOrThrow();
  return {
    view: {
      id: row.id,
      alias: row.alias,
      source: row.source,
      pending: row.pending,
      createdAt: row.created_at,
    },
    created: true,
  };
}

/** Soft-deletes one alias of a team (the sources will not bring it back); false when there is none. */
export async function softDeleteAlias(db: Kysely<DB>, teamId: number, aliasId: number): Promise<boolean> {
  const result = await db
    .updateTable('team_aliases')
    .set({ deleted_at: new Date() })
    .where('id', '=', aliasId)
    .where('team_id', '=', teamId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A stored team as matchup art draws it. */
export interface ArtTeamRow {
  id: number;
  name: string;
  abbreviation: string | null;
  logo: string | null;
  color: string | null;
  alternate_color: string | null;
}

/** Teams by id with what their matchup art needs. */
export async function listTeamsForArt(db: Kysely<DB>, ids: readonly number[]): Promise<ArtTeamRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'abbreviation', 'logo', 'color', 'alternate_color'])
    .where('id', 'in', ids)
    .execute();
}
