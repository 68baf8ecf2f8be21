import { prepareDatabase } from '../db/prepare';
import { runScript } from './run-script';

void runScript(() => prepareDatabase(['migrate']));
