import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, MIGRATION_LOCK_KEY, openDatabase } from '@/db/client';
import { pendingMigrations } from '@/db/migration-state';
import { driverName, emptyDatabase } from '../helpers';

/**
 * Migrations as a deploy step: what a database still lacks is known before anything is applied
 * (`npm start -- --no-migrate` refuses such a database), and on PostgreSQL nodes that start
 * together migrate one after another under an advisory lock instead of racing.
 */

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const ALL = journal.entries.map((entry) => entry.tag);

afterAll(async () => {
  await closeConnection();
});

/** Polls a state with a bound for failure only (the bound is never the expectation). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (await check()) return;
  }
  throw new Error(`never: ${what}`);
}

describe(`the migration state (${driverName})`, () => {
  it('lists every migration of the build on an empty database, and none once migrated', async () => {
    const connection = await emptyDatabase();
    expect(await pendingMigrations(connection.db)).toEqual(ALL);
    await connection.migrate();
    expect(await pendingMigrations(connection.db)).toEqual([]);
  });
});

describe.skipIf(driverName !== 'postgres')('migrating from several nodes at once (PostgreSQL)', () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const waitingForLock = (sql: postgres.Sql) =>
    sql<{ n: number }[]>`
      select count(*)::int as n from pg_locks
       where locktype = 'advisory' and not granted and (classid::bigint << 32) + objid::bigint = ${MIGRATION_LOCK_KEY}`;

  it('a node waits for the lock another holds, applies nothing meanwhile, then finds what is left', async () => {
    const connection = await emptyDatabase();
    const holder = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await holder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      let finished = false;
      const migrating = connection.migrate().then(() => (finished = true));
      await until(async () => (await waitingForLock(holder))[0]!.n === 1, 'the migration waits on the lock');
      expect(finished).toBe(false);
      expect(await pendingMigrations(connection.db)).toEqual(ALL);
      await holder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      await migrating;
      expect(await pendingMigrations(connection.db)).toEqual([]);
    } finally {
      await holder.end({ timeout: 5 });
    }
  });

  it('nodes started together all succeed, and each migration is applied once', async () => {
    const first = await emptyDatabase();
    const others = [openDatabase({ databaseUrl }), openDatabase({ databaseUrl })];
    try {
      await Promise.all([first.migrate(), ...others.map((node) => node.migrate())]);
      const check = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      try {
        const [applied] = await check<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
        expect(applied!.n).toBe(ALL.length);
      } finally {
        await check.end({ timeout: 5 });
      }
    } finally {
      await Promise.all(others.map((node) => node.close()));
    }
  });
});
