import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { DEFAULT_PGLITE_DIR } from '../lib/config/env';
import { appConfig, configFrom } from '../lib/config/server';
import { AppError } from '../lib/errors';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle or an open transaction: queries and use cases accept either. */
export type Executor = Database | Transaction;

/** The rows of a raw SQL statement, whichever driver runs it (postgres.js gives the rows, PGlite `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface Connection {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a server URL without its password. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Where readers' pages, search and feeds read: the next streaming replica in turn, or the
   * primary when there is none. The desk, sessions and every write use `db`, the primary.
   */
  readerDb(): Database;
  /**
   * Waits until every replica has replayed what the primary has written so far (a change just
   * committed included), so a cache refreshed next is filled with the new text. Answers false if
   * a replica is still behind after `limitMs`; true at once without replicas.
   */
  replicasCaughtUp(limitMs?: number): Promise<boolean>;
}

export interface ConnectionOptions {
  databaseUrl?: string;
  /** Streaming replicas of `databaseUrl` for readers' queries. */
  replicaUrls?: string[];
  pgliteDir?: string;
}

// Runtime paths below are resolved against the working directory; the comments keep the
// bundler from tracing the whole project into the server output.
const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');
export { DEFAULT_PGLITE_DIR };

/** Environment-derived connection options: DATABASE_URL selects the server, otherwise PGlite. */
export function connectionOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  const config = env === process.env ? appConfig() : configFrom(env);
  return config.databaseUrl ? { databaseUrl: config.databaseUrl, replicaUrls: config.databaseReplicaUrls } : { pgliteDir: config.pgliteDir };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** The advisory lock every node takes before migrating (any fixed number; this one is Midad's). */
export const MIGRATION_LOCK_KEY = 7_204_117_001;

/**
 * Runs `migrate` while holding the migration lock, so nodes started together migrate one after
 * another: the first applies what is pending, the others then find nothing to do. The lock lives
 * on a connection of its own (the pool may have a single connection, which the migrator needs),
 * and PostgreSQL releases it if the process dies.
 */
async function underMigrationLock(databaseUrl: string, migrate: () => Promise<void>): Promise<void> {
  const lock = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate();
  } finally {
    await lock.end({ timeout: 5 });
  }
}

/** How long a refresh waits for a lagging replica before going ahead (and saying so in the log). */
export const REPLICA_WAIT_LIMIT_MS = 5_000;

/**
 * Reads the primary's write position, then polls each replica's replay position until it has
 * passed it. A replica that cannot be reached counts as behind.
 */
async function replicasCaughtUp(primary: postgres.Sql, replicas: postgres.Sql[], limitMs: number): Promise<boolean> {
  if (!replicas.length) return true;
  const [position] = await primary<{ lsn: string }[]>`select pg_current_wal_insert_lsn()::text as lsn`;
  const lsn = position!.lsn;
  const started = Date.now();
  let behind = replicas;
  while (behind.length) {
    const states = await Promise.all(
      behind.map((replica) =>
        replica<{ caught: boolean | null }[]>`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as caught`.then(
          ([row]) => row?.caught === true,
          () => false,
        ),
      ),
    );
    behind = behind.filter((_, index) => !states[index]);
    if (!behind.length) return true;
    if (Date.now() - started >= limitMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

export function openDatabase(options: ConnectionOptions): Connection {
  if (appConfig().buildPhase) {
    // Prerendering runs in several workers at once; none of them may touch the database.
    throw new AppError('DATABASE_UNAVAILABLE', 'The database is not opened during `next build`.');
  }
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max: appConfig().databasePoolSize,
      connect_timeout: 5,
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client: sql, schema, casing: 'snake_case' });
    const replicas = (options.replicaUrls ?? []).map((url) => {
      const client = postgres(url, { max: appConfig().databasePoolSize, connect_timeout: 5, onnotice: () => {} });
      return { client, db: drizzlePostgres({ client, schema, casing: 'snake_case' }) as Database };
    });
    let turn = 0;
    return {
      db,
      driver: 'postgres',
      location: redact(options.databaseUrl),
      migrate: () => underMigrationLock(options.databaseUrl!, () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER })),
      close: async () => {
        await Promise.all([sql.end({ timeout: 5 }), ...replicas.map((replica) => replica.client.end({ timeout: 5 }))]);
      },
      readerDb: () => (replicas.length ? replicas[turn++ % replicas.length]!.db : db),
      replicasCaughtUp: (limitMs = REPLICA_WAIT_LIMIT_MS) => replicasCaughtUp(sql, replicas.map((replica) => replica.client), limitMs),
    };
  }
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), options.pgliteDir ?? DEFAULT_PGLITE_DIR);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquirePgliteLock(dir);
  let client: PGlite;
  try {
    client = new PGlite(dir, { extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  return {
    db,
    driver: 'pglite',
    location: dir,
    readerDb: () => db,
    replicasCaughtUp: async () => true,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

// One connection per process. Next evaluates this module separately for pages, route handlers
// and the proxy, so the connection lives on globalThis rather than in a module variable.
const holder = globalThis as typeof globalThis & { __midadConnection?: Connection };

export function getConnection(): Connection {
  holder.__midadConnection ??= openDatabase(connectionOptionsFromEnv());
  return holder.__midadConnection;
}

export function getDb(): Database {
  return getConnection().db;
}

/** The database readers' queries use: a replica when there are some (see Connection.readerDb). */
export function getReaderDb(): Database {
  return getConnection().readerDb();
}

/** Installs a connection as the process's own (scripts and tests that open one explicitly). */
export function installConnection(connection: Connection): void {
  holder.__midadConnection = connection;
}

export async function closeConnection(): Promise<void> {
  const connection = holder.__midadConnection;
  holder.__midadConnection = undefined;
  await connection?.close();
}
