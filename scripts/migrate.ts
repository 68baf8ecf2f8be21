import { migrateDatabase } from './production-server';
import { runScript } from './run-script';

void runScript(migrateDatabase);
