import { sql } from 'drizzle-orm';
import { getDb } from '../client';

/** Resolves when the database answers a trivial query; rejects (or times out) otherwise. */
export async function pingDatabase(timeoutMs = 3000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), timeoutMs);
  });
  try {
    await Promise.race([getDb().execute(sql`select 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
