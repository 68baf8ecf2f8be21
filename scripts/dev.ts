import { prepareDatabase } from '../db/prepare';
import { requireValidConfig } from './environment';
import { runScript } from './run-script';
import { runNext } from './run-next';
import { ensureDevelopmentSecret, loadEnv } from './secrets';

// Development: the demo accounts and sample stories are added to an empty database, and their
// sign-in details printed.
void runScript(async () => {
  loadEnv(true);
  ensureDevelopmentSecret();
  requireValidConfig({ deployment: false });
  await prepareDatabase(['migrate', 'demo']);
  runNext(['dev', ...process.argv.slice(2)]);
});
