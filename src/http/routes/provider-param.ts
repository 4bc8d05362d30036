// The opening of every admin route about one provider: the `:slug` parameter and the provider it names.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { getProvider, type ProviderRow } from '../../db/providers.js';
import type { DB } from '../../db/types.js';
import { NotFoundError } from '../../errors.js';
import { slugSchema } from '../schemas/providers.js';

export const providerParams = z.object({ slug: slugSchema });

/** The live provider with the slug, or a 404 that names it (and `field`, when the slug came from one). */
export async function requireProvider(db: Kysely<DB>, slug: string, field?: string): Promise<ProviderRow> {
  const row = await getProvider(db, slug);
  if (!row) throw new NotFoundError(`${field ? `${field}: ` : ''}no provider '${slug}'`);
  return row;
}
