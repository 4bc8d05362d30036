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
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.team_id) ?? [];
    list.push(r.normalized);
    out.set(r.team_id, list);
  }
  return out;
}
