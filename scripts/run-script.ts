import { ConfigError } from '../lib/config/server';
import { isAppError } from '../lib/errors';

/** A failure the operator can fix: printed as a message, without a stack trace. */
export class ScriptError extends Error {}

/** Runs a script body, turning expected failures into a clear message and exit code 1. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (isAppError(error) || error instanceof ScriptError || error instanceof ConfigError) {
      console.error(`\n${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
