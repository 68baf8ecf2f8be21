import fs from 'node:fs';
import postgres from 'postgres';
import { connectionOptionsFromEnv } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { ScriptError, runScript } from './run-script';
import { runNext } from './run-next';

const KEEP_DATA = '--keep-data';

/**
 * The browser tests' server: a production build on a database reset to migrations + the demo
 * accounts and sample stories, so every run starts from the same state. `--keep-data` starts it
 * again on the data already there (the fault tests' restart after a crash). It is the one
 * production server that has demo accounts, asked for here explicitly: `npm start` refuses them.
 * It never touches the development database: PGLITE_DIR or DATABASE_URL must be given by the
 * Playwright config.
 */
void runScript(async () => {
  const keepData = process.argv.includes(KEEP_DATA);
  const options = connectionOptionsFromEnv();
  if (options.pgliteDir && !process.env.PGLITE_DIR) {
    throw new ScriptError('e2e-server needs PGLITE_DIR so the development database is left alone.');
  }
  if (!keepData) {
    if (options.databaseUrl) {
      const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
      await sql.end();
    } else if (options.pgliteDir) {
      fs.rmSync(options.pgliteDir, { recursive: true, force: true });
    }
  }
  await prepareDatabase(['migrate', 'demo']);
  runNext(['start', ...process.argv.slice(2).filter((arg) => arg !== KEEP_DATA)]);
});
