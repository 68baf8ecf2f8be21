import { DemoPasswordsInUse, PRODUCTION_START_STEPS, prepareDatabase } from '../db/prepare';
import { describeDemoPasswords, requireValidConfig } from './environment';
import { runScript, ScriptError } from './run-script';
import { runNext } from './run-next';
import { loadEnv } from './secrets';

/**
 * Production start. NODE_ENV is production whether or not the shell set it (anything else is
 * refused). It refuses a malformed or incomplete configuration, applies pending migrations, adds
 * missing sections and settings — never demo accounts or stories — and refuses to serve while an
 * active demo account still has the password printed in the README.
 */
void runScript(async () => {
  loadEnv(false);
  requireValidConfig({ deployment: true });
  Object.assign(process.env, { NODE_ENV: 'production' });
  try {
    await prepareDatabase(PRODUCTION_START_STEPS);
  } catch (error) {
    if (error instanceof DemoPasswordsInUse) throw new ScriptError(describeDemoPasswords(error.accounts));
    throw error;
  }
  runNext(['start', ...process.argv.slice(2)]);
});
