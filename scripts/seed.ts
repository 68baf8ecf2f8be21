import { prepareDatabase } from '../db/prepare';
import { runScript } from './run-script';

// Seeding needs the schema, so pending migrations are applied first.
void runScript(() => prepareDatabase(['migrate', 'seed']));
