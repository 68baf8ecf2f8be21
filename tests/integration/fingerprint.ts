import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/**
 * A digest of every row of every table in the public schema, per table, so a test can show that
 * a refused request changed nothing at all — not just the rows it aimed at.
 */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number; h: string | null }>(
      db,
      sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.identifier(name)} t`,
    );
    digest[name] = `${row!.n}:${row!.h ?? ''}`;
  }
  return digest;
}
