/* The PostgreSQL databases the benchmarks measure on: made when missing, wiped before a run. */
import postgres from 'postgres';

/** PostgreSQL cannot be used for a benchmark; the run skips it and says why. */
export class PostgresUnavailable extends Error {}

export const redactUrl = (url: string) => url.replace(/:[^:@/]+@/, ':***@');

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'EAI_AGAIN']);

/**
 * Makes sure the database exists (creating it through the server's `postgres` database when it
 * does not), or explains why PostgreSQL cannot be used.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const probe = async (url: string, run: (sql: postgres.Sql) => Promise<unknown>) => {
    const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
    try {
      await run(sql);
    } finally {
      await sql.end({ timeout: 1 });
    }
  };
  try {
    await probe(databaseUrl, (sql) => sql`select 1`);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const where = redactUrl(databaseUrl);
    if (UNREACHABLE.has(code)) throw new PostgresUnavailable(`PostgreSQL unreachable at ${where} (${code})`);
    if (code !== '3D000') throw new PostgresUnavailable(`PostgreSQL at ${where} refused: ${(error as Error).message}`);
    const target = new URL(databaseUrl);
    const name = decodeURIComponent(target.pathname.slice(1));
    const maintenance = new URL(databaseUrl);
    maintenance.pathname = '/postgres';
    try {
      await probe(maintenance.toString(), (sql) => sql.unsafe(`create database "${name.replaceAll('"', '""')}"`));
    } catch (createError) {
      throw new PostgresUnavailable(`database ${name} does not exist and could not be created: ${(createError as Error).message}`);
    }
  }
}

/** Empties the database: its schemas go, migrations start again. */
export async function resetDatabase(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
  await sql.end();
}
