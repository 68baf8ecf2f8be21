import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, installConnection, type Connection, type Database } from '@/db/client';
import { findSessionUser } from '@/db/sessions';
import { authenticate } from '@/lib/server/auth/authenticate';
import type { Actor } from '@/lib/server/next/session';

export const driverName = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A migrated, empty database for one test file: a new PGlite directory, or the Postgres server
 * named by DATABASE_URL with its schemas dropped first. Installed as the process connection so
 * code that calls getDb() uses it too.
 */
export async function freshDatabase(): Promise<Connection> {
  const connection = await emptyDatabase();
  await connection.migrate();
  return connection;
}

/** The same without migrations, for tests that migrate step by step; installed as well. */
export async function emptyDatabase(): Promise<Connection> {
  const databaseUrl = process.env.DATABASE_URL;
  let connection: Connection;
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
    await sql.end();
    connection = openDatabase({ databaseUrl });
  } else {
    connection = openDatabase({ pgliteDir: path.join(tempDir('midad-test-'), 'pglite') });
  }
  installConnection(connection);
  return connection;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Signs a person in through the real use case and returns them as actions see them. */
export async function signedInActor(db: Database, email: string, password: string): Promise<Actor> {
  const result = await authenticate(db, { email, password, ip: '10.0.0.9', userAgent: null });
  if (!result.ok) throw new Error(`cannot sign in ${email}`);
  return (await findSessionUser(db, result.sessionId))!;
}
