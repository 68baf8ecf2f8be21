import { DemoPasswordsInUse, MigrationsPending, PRODUCTION_START_STEPS, PRODUCTION_START_WITHOUT_MIGRATING, prepareDatabase } from '../db/prepare';
import { describeDemoPasswords, describePendingMigrations, requireValidConfig } from './environment';
import { runScript, ScriptError } from './run-script';
import { runNext } from './run-next';
import { loadEnv } from './secrets';

/** Start without migrating: migrations are a deploy step of their own (`npm run db:migrate`). */
const NO_MIGRATE = '--no-migrate';

/**
 * Production start. NODE_ENV is production whether or not the shell set it (anything else is
 * refused). It refuses a malformed or incomplete configuration, applies pending migrations (under
 * a lock, so nodes started together take turns) — or, with `--no-migrate`, refuses a database that
 * lacks a migration of this build — adds missing sections and settings, never demo accounts or
 * stories, and refuses to serve while an active demo account still has the password printed in
 * the README.
 */
void runScript(async () => {
  loadEnv(false);
  requireValidConfig({ deployment: true });
  Object.assign(process.env, { NODE_ENV: 'production' });
  const args = process.argv.slice(2);
  const migrating = !args.includes(NO_MIGRATE);
  try {
    await prepareDatabase(migrating ? PRODUCTION_START_STEPS : PRODUCTION_START_WITHOUT_MIGRATING);
  } catch (error) {
    if (error instanceof DemoPasswordsInUse) throw new ScriptError(describeDemoPasswords(error.accounts));
    if (error instanceof MigrationsPending) throw new ScriptError(describePendingMigrations(error.tags));
    throw error;
  }
  runNext(['start', ...args.filter((arg) => arg !== NO_MIGRATE)]);
});
