import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type KyselyConfig, type LogEvent } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './types.js';

// bigint columns come back as strings from pg by default; ids stay strings, counts are cast in SQL.
// timestamptz comes back as Date from both drivers.

export interface Database {
  db: Kysely<DB>;
  kind: 'postgres' | 'pglite';
  /**
   * Runs `fn` inside one transaction on one connection, holding a transaction-scoped advisory lock, with a way
   * to execute multi-statement SQL scripts. Used by migrations and other once-per-cluster work.
   */
  withLockedScript<T>(lockKey: number, fn: (exec: ScriptRunner) => Promise<T>): Promise<T>;
  /** Tries to take a session advisory lock without waiting; returns a release function, or null when taken. */
  tryLock(lockKey: number): Promise<(() => Promise<void>) | null>;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel`, from any connection to this database, until
   * the returned function is called. On Postgres it holds a connection of its own and reconnects after a loss.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY `channel` with `payload`. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Waits up to `waitMs` for the session advisory lock (`space`, `key`) on a connection of its own and returns
   * its release; the lock goes with the connection if the process dies. Embedded: granted at once (one process).
   */
  lock(space: number, key: number, waitMs: number): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Embedded only: the data directory as a tarball, to start other embedded databases from. */
  dumpSnapshot?: () => Promise<Blob>;
}

/** Runs a multi-statement script; resolves to the rows of its last statement. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** In-memory embedded database (tests); ignores dataDir. */
  memory?: boolean;
  /** A `dumpDataDir()` tarball to start the in-memory database from (skips initdb). */
  snapshot?: Blob;
  /** Told each query's SQL and duration (diagnostics, benchmarks). */
  onQuery?: (sql: string, ms: number, parameters: readonly unknown[]) => void;
}

function queryLog(opts: { onQuery?: DatabaseOptions['onQuery'] }): KyselyConfig['log'] {
  const { onQuery } = opts;
  if (!onQuery) return undefined;
  return (event: LogEvent) => onQuery(event.query.sql, event.queryDurationMillis, event.query.parameters);
}

export async function createDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return createPostgres(opts.databaseUrl, opts);
  return createPglite(opts);
}

function createPostgres(url: string, opts: DatabaseOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Locks held for a whole generation get connections of their own, so they never starve the queries made
  // under them.
  const lockPool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  lockPool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: queryLog(opts) });
  return {
    db,
    kind: 'postgres',
    async withLockedScript(lockKey, fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
        const result = await fn(async (script) => {
          const res = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(res) ? res[res.length - 1] : res;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async tryLock(lockKey) {
      const client = await pool.connect();
      const res = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [lockKey]);
      if (!res.rows[0]?.ok) {
        client.release();
        return null;
      }
      return async () => {
        try {
          await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
        } finally {
          client.release();
        }
      };
    },
    async listen(channel, onMessage) {
      let stopped = false;
      let client: pg.Client | null = null;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
        const retry = () => {
          if (client === c) client = null;
          c.removeAllListeners('notification');
          void c.end().catch(() => undefined);
          if (!stopped) setTimeout(() => void connect().catch(retry), 1000).unref();
        };
        c.on('error', retry);
        c.on('notification', (n) => {
          if (n.channel === channel) onMessage(n.payload ?? '');
        });
        try {
          await c.connect();
          await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          client = c;
        } catch {
          retry();
        }
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async lock(space, key, waitMs) {
      const client = await lockPool.connect();
      let released = false;
      // A lost connection loses the lock with it: the client goes back to the pool, the release has nothing to do.
      const lost = () => {
        if (released) return;
        released = true;
        client.release(true);
      };
      client.on('error', lost);
      try {
        await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(waitMs))}`);
        await client.query('SELECT pg_advisory_lock($1::int, $2::int)', [space, key]);
      } catch (err) {
        client.removeListener('error', lost);
        if (!released) client.release(true);
        released = true;
        throw err;
      }
      return async () => {
        if (released) return;
        released = true;
        client.removeListener('error', lost);
        try {
          await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', [space, key]);
          client.release();
        } catch {
          client.release(true);
        }
      };
    },
    async close() {
      await db.destroy();
      await lockPool.end();
    },
  };
}

// One process and one connection: Postgres's default 128 MB of shared buffers only swells the process (its
// resident memory drops by a third with 32 MB, at no cost seen on guide generation).
const PGLITE_CONF = ['shared_buffers=32MB'];
const BYTEA = 17;

/**
 * bytea in Postgres's hex text form, by Node's own hex codec: PGlite's default goes byte by byte through
 * arrays and strings, seconds and hundreds of megabytes for a guide of a few MB.
 */
const PGLITE_TYPES = {
  serializers: {
    [BYTEA]: (value: Uint8Array) =>
      `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`,
  },
  parsers: { [BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex') },
};

async function createPglite(opts: DatabaseOptions): Promise<Database> {
  let pglite: PGlite;
  if (opts.memory) {
    pglite = opts.snapshot
      ? new PGlite({ loadDataDir: opts.snapshot, postgresqlconf: PGLITE_CONF, ...PGLITE_TYPES })
      : new PGlite({ postgresqlconf: PGLITE_CONF, ...PGLITE_TYPES });
  } else {
    const dir = resolve(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    pglite = new PGlite(dir, { postgresqlconf: PGLITE_CONF, ...PGLITE_TYPES });
  }
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log: queryLog(opts) });
  return {
    db,
    kind: 'pglite',
    // One process owns an embedded database, so its single connection already serialises everything.
    async withLockedScript(_lockKey, fn) {
      return pglite.transaction(async (tx) =>
        fn(async (script) => {
          const res = await tx.exec(script);
          return res[res.length - 1]?.rows ?? [];
        }),
      );
    },
    tryLock() {
      return Promise.resolve(async () => undefined);
    },
    async listen(channel, onMessage) {
      const stop = await pglite.listen(channel, onMessage);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    async notify(channel, payload) {
      await pglite.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    lock() {
      return Promise.resolve(async () => undefined);
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
    dumpSnapshot: () => pglite.dumpDataDir('none'),
  };
}
