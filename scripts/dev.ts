import { prepareDatabase } from '../db/prepare';
import { runScript } from './run-script';
import { runNext } from './run-next';
import { ensureDevelopmentSecret, loadEnv } from './secrets';

void runScript(async () => {
  loadEnv(true);
  ensureDevelopmentSecret();
  await prepareDatabase(['migrate', 'seed']);
  runNext(['dev', ...process.argv.slice(2)]);
});
