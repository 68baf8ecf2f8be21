import { prepareDatabase, runScript } from '../db/prepare';

// Seeding needs the schema, so pending migrations are applied first.
void runScript(() => prepareDatabase(['migrate', 'seed']));
