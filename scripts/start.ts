import { prepareDatabase, runScript } from '../db/prepare';
import { runNext } from './run-next';

// Production start: apply pending migrations; seeding adds only missing sections when
// NODE_ENV=production (demo accounts and stories are never created there).
void runScript(async () => {
  await prepareDatabase(['migrate', 'seed']);
  runNext(['start', ...process.argv.slice(2)]);
});
