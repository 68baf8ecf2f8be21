import { prepareDatabase, runScript } from '../db/prepare';
import { runNext } from './run-next';

void runScript(async () => {
  await prepareDatabase(['migrate', 'seed']);
  runNext(['dev', ...process.argv.slice(2)]);
});
