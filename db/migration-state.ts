import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client';

/**
 * The migrations this build has and the database has not applied yet, by tag. The migrator
 * records each applied migration with its folder time (`when` in the journal) and applies those
 * newer than the latest recorded, so the same comparison says what it would apply.
 */
export async function pendingMigrations(db: Database, migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations')): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const [table] = await queryRows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  let latest = -1;
  if (table?.present) {
    const [row] = await queryRows<{ latest: string | number | null }>(db, sql`select max(created_at) as latest from drizzle.__drizzle_migrations`);
    latest = row?.latest === null || row?.latest === undefined ? -1 : Number(row.latest);
  }
  return journal.entries.filter((entry) => entry.when > latest).map((entry) => entry.tag);
}
