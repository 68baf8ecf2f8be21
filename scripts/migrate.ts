import { prepareDatabase } from '../db/prepare';
import { requireValidConfig } from './environment';
import { runScript } from './run-script';
import { loadEnv } from './secrets';

void runScript(async () => {
  // The database the server uses, read from the same .env files and checked the same way.
  loadEnv(process.env.NODE_ENV !== 'production');
  requireValidConfig({ deployment: false });
  await prepareDatabase(['migrate']);
});
