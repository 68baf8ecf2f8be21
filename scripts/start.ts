import { prepareDatabase } from '../db/prepare';
import { runScript } from './run-script';
import { runNext } from './run-next';
import { loadEnv, requireProductionSecret } from './secrets';

// Production start: refuse without a session secret, apply pending migrations; seeding adds only
// missing sections when NODE_ENV=production (demo accounts and stories are never created there).
void runScript(async () => {
  loadEnv(false);
  requireProductionSecret();
  await prepareDatabase(['migrate', 'seed']);
  runNext(['start', ...process.argv.slice(2)]);
});
