// Applies db/migrations to the database named on the command line (or DATABASE_URL).
import { createDatabase } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';

const url = process.argv[2] ?? process.env.DATABASE_URL;
const database = await createDatabase({ databaseUrl: url, dataDir: './data' });
try {
  const result = await runMigrations(database, new URL('../db/migrations', import.meta.url).pathname);
  console.log(
    `applied ${result.applied.length} of ${result.total}: ${result.applied.join(', ') || 'nothing new'}`,
  );
} finally {
  await database.close();
}
