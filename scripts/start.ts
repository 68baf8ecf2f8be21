import { prepareProductionServer } from './production-server';
import { runScript } from './run-script';
import { runNext } from './run-next';

/** Production start: the checks and database steps of production-server.ts, then `next start`. */
void runScript(async () => {
  const args = await prepareProductionServer(process.argv.slice(2));
  runNext(['start', ...args]);
});
