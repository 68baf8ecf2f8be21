import { prepareDatabase, runScript } from '../db/prepare';

void runScript(() => prepareDatabase(['migrate']));
