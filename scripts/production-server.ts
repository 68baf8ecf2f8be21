import { DemoPasswordsInUse, MigrationsPending, PRODUCTION_START_STEPS, PRODUCTION_START_WITHOUT_MIGRATING, prepareDatabase } from '../db/prepare';
import { describeDemoPasswords, describePendingMigrations, requireValidConfig } from './environment';
import { ScriptError } from './run-script';
import { loadEnv } from './secrets';

/*
 * What happens before a production server listens, whichever way it is started: `npm start`
 * (scripts/start.ts, then `next start`) or the standalone server (scripts/standalone/server.ts,
 * in a container). Both make the same checks in the same order, so a container refuses exactly
 * what `npm start` refuses.
 */

/** Start without migrating: migrations are a deploy step of their own (`npm run db:migrate`). */
export const NO_MIGRATE = '--no-migrate';

/**
 * NODE_ENV becomes production whether or not the shell set it (anything else is refused). Refuses
 * a malformed or incomplete configuration, applies pending migrations (under a lock, so nodes
 * started together take turns) — or, with `--no-migrate`, refuses a database that lacks a
 * migration of this build — adds missing sections and settings, never demo accounts or stories,
 * and refuses to serve while an active demo account still has the password printed in the README.
 * Answers the arguments left for the server.
 */
export async function prepareProductionServer(args: readonly string[]): Promise<string[]> {
  loadEnv(false);
  requireValidConfig({ deployment: true });
  Object.assign(process.env, { NODE_ENV: 'production' });
  const migrating = !args.includes(NO_MIGRATE);
  try {
    await prepareDatabase(migrating ? PRODUCTION_START_STEPS : PRODUCTION_START_WITHOUT_MIGRATING);
  } catch (error) {
    if (error instanceof DemoPasswordsInUse) throw new ScriptError(describeDemoPasswords(error.accounts));
    if (error instanceof MigrationsPending) throw new ScriptError(describePendingMigrations(error.tags));
    throw error;
  }
  return args.filter((arg) => arg !== NO_MIGRATE);
}

/** `npm run db:migrate`: the database the server uses, read from the same .env files and checked the same way. */
export async function migrateDatabase(): Promise<void> {
  loadEnv(process.env.NODE_ENV !== 'production');
  requireValidConfig({ deployment: false });
  await prepareDatabase(['migrate']);
}
