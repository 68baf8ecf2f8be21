import fs from 'node:fs';
import postgres from 'postgres';
import { connectionOptionsFromEnv } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { runScript } from './run-script';
import { runNext } from './run-next';

/**
 * The browser tests' server: a production build on a database reset to migrations + sample
 * content, so every run starts from the same state. It never touches the development database:
 * PGLITE_DIR or DATABASE_URL must be given by the Playwright config.
 */
void runScript(async () => {
  const options = connectionOptionsFromEnv();
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
    await sql.end();
  } else if (options.pgliteDir) {
    if (!process.env.PGLITE_DIR) throw new Error('e2e-server needs PGLITE_DIR so the development database is left alone.');
    fs.rmSync(options.pgliteDir, { recursive: true, force: true });
  }
  await prepareDatabase(['migrate', 'seed']);
  runNext(['start', ...process.argv.slice(2)]);
});
