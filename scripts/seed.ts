import { parseArgs } from 'node:util';
import { prepareDatabase } from '../db/prepare';
import { requireValidConfig } from './environment';
import { runScript, ScriptError } from './run-script';
import { loadEnv } from './secrets';

const USAGE = 'Usage: npm run db:seed [-- --demo]';

/**
 * Adds missing sections and settings (pending migrations first). Demo accounts, whose passwords
 * are published, and sample stories only with --demo, whatever NODE_ENV says.
 */
void runScript(async () => {
  let demo: boolean;
  try {
    demo = parseArgs({ options: { demo: { type: 'boolean', default: false } }, strict: true }).values.demo;
  } catch (error) {
    throw new ScriptError(`${(error as Error).message}\n${USAGE}`);
  }
  loadEnv(process.env.NODE_ENV !== 'production');
  requireValidConfig({ deployment: false });
  await prepareDatabase(['migrate', demo ? 'demo' : 'seed']);
});
