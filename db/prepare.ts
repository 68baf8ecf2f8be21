import { connectionOptionsFromEnv, openDatabase, type Connection } from './client';
import { demoAccountsStillDefault, seedDatabase } from './seed';

type Step = 'migrate' | 'seed';

/**
 * Opens the configured database, applies migrations and (optionally) seeds, then closes it so
 * the embedded database's lock passes to the server process that starts next.
 */
export async function prepareDatabase(steps: Step[], log: (line: string) => void = console.log): Promise<void> {
  const connection = openDatabase(connectionOptionsFromEnv());
  try {
    await runSteps(connection, steps, log);
  } finally {
    await connection.close();
  }
}

async function runSteps(connection: Connection, steps: Step[], log: (line: string) => void) {
  log(`Midad database: ${connection.driver} at ${connection.location}`);
  if (steps.includes('migrate')) {
    await connection.migrate();
    log('Migrations applied.');
  }
  if (steps.includes('seed')) {
    const production = process.env.NODE_ENV === 'production';
    const report = await seedDatabase(connection.db, { production });
    log(
      `Seed: ${report.sectionsCreated} sections, ${report.accountsCreated} demo accounts, ` +
        `${report.storiesCreated} sample stories created.`,
    );
    if (report.skippedDemoData) {
      log('NODE_ENV=production: no demo accounts or sample stories. Create staff with `npm run user:create`.');
      return;
    }
    const accounts = await demoAccountsStillDefault(connection.db);
    if (accounts.length > 0) {
      log('Demo sign-in (change these passwords before sharing this instance):');
      for (const a of accounts) log(`  ${a.role.padEnd(9)} ${a.email.padEnd(22)} ${a.password}`);
    }
  }
}
