import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, Providers } from './types.js';

export type ProviderRow = Selectable<Providers>;

export function listProviders(db: Kysely<DB>): Promise<ProviderRow[]> {
  return db.selectFrom('providers').selectAll().where('deleted_at', 'is', null).orderBy('slug').execute();
}

export function getProvider(db: Kysely<DB>, slug: string): Promise<ProviderRow | undefined> {
  return db
    .selectFrom('providers')
    .selectAll()
    .where('slug', '=', slug)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Inserts a provider; resolves to undefined when a live provider already has the slug. */
export async function insertProvider(
  db: Kysely<DB>,
  values: Insertable<Providers>,
): Promise<ProviderRow | undefined> {
  return db
    .insertInto('providers')
    .values(values)
    .onConflict((oc) => oc.column('slug').where('deleted_at', 'is', null).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateProvider(
  db: Kysely<DB>,
  slug: string,
  values: Updateable<Providers>,
): Promise<ProviderRow | undefined> {
  return db
    .updateTable('providers')
    .set({ ...values, updated_at: new Date() })
    .where('slug', '=', slug)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Soft delete: the row stays with `deleted_at` set. */
export async function softDeleteProvider(db: Kysely<DB>, slug: string): Promise<boolean> {
  const res = await db
    .updateTable('providers')
    .set({ deleted_at: new Date(), updated_at: new Date() })
    .where('slug', '=', slug)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** True when a provider with this slug was ever registered, deleted or not. */
export async function providerSlugEverUsed(db: Kysely<DB>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('providers').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export function getProviderById(db: Kysely<DB>, id: number): Promise<ProviderRow | undefined> {
  return db
    .selectFrom('providers')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
