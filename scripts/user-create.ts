import { runScript } from './run-script';
import { createOrUpdateUser } from './user-account';

void runScript(() => createOrUpdateUser(process.argv.slice(2)));
