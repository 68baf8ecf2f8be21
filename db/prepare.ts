import type { DemoAccount } from './seed-data/sample-stories';
import { connectionOptionsFromEnv, openDatabase, type Connection, type Database } from './client';
import { pendingMigrations } from './migration-state';
import { demoAccountsStillDefault, seedDatabase } from './seed';

/**
 * - `migrate`: apply pending migrations.
 * - `seed`: what every site needs: the sections and the site settings, when missing.
 * - `demo`: also the demo accounts (with the passwords printed in the README) and the sample
 *   stories. Only `npm run dev`, `npm run db:seed -- --demo`, the browser tests' server and the
 *   benchmark ask for it; nothing decides it from NODE_ENV.
 * - `refuse-demo-passwords`: throw DemoPasswordsInUse while an active account still has its
 *   published demo password (what `npm start` runs before starting the server).
 * - `require-migrated`: throw MigrationsPending when the database lacks a migration of this build
 *   (`npm start -- --no-migrate`, where migrating is a deploy step of its own).
 */
export type Step = 'migrate' | 'seed' | 'demo' | 'refuse-demo-passwords' | 'require-migrated';

/** What `npm start` does to the database before the server starts. */
export const PRODUCTION_START_STEPS: readonly Step[] = ['migrate', 'seed', 'refuse-demo-passwords'];

/** What `npm start -- --no-migrate` does: the schema must already be this build's. */
export const PRODUCTION_START_WITHOUT_MIGRATING: readonly Step[] = ['require-migrated', 'seed', 'refuse-demo-passwords'];

/** The database has not been migrated to this build: `npm run db:migrate` first. */
export class MigrationsPending extends Error {
  constructor(readonly tags: string[]) {
    super(`The database lacks ${tags.length} migration(s) of this build (${tags.join(', ')}): run \`npm run db:migrate\` first, or start without --no-migrate.`);
    this.name = 'MigrationsPending';
  }
}

/** An active demo account still signs in with the password anyone can read in the README. */
export class DemoPasswordsInUse extends Error {
  constructor(readonly accounts: DemoAccount[]) {
    super(`Demo accounts still have their published passwords: ${accounts.map((a) => a.email).join(', ')}`);
    this.name = 'DemoPasswordsInUse';
  }
}

/**
 * The check `npm start` runs. Only the demo accounts' own hashes are verified (one per demo
 * account, about 0.1 s each), never every account's.
 */
export async function refuseDemoPasswords(db: Database): Promise<void> {
  const accounts = await demoAccountsStillDefault(db);
  if (accounts.length > 0) throw new DemoPasswordsInUse(accounts);
}

/**
 * Opens the configured database, runs the steps, then closes it so the embedded database's lock
 * passes to the server process that starts next.
 */
export async function prepareDatabase(steps: readonly Step[], log: (line: string) => void = console.log): Promise<void> {
  const connection = openDatabase(connectionOptionsFromEnv());
  try {
    await runSteps(connection, steps, log);
  } finally {
    await connection.close();
  }
}

async function runSteps(connection: Connection, steps: readonly Step[], log: (line: string) => void) {
  log(`Midad database: ${connection.driver} at ${connection.location}`);
  if (steps.includes('migrate')) {
    await connection.migrate();
    log('Migrations applied.');
  }
  if (steps.includes('require-migrated')) {
    const pending = await pendingMigrations(connection.db);
    if (pending.length > 0) throw new MigrationsPending(pending);
    log('Migrations: the database is up to date; none applied by this node.');
  }
  const demo = steps.includes('demo');
  if (demo || steps.includes('seed')) {
    const report = await seedDatabase(connection.db, { production: !demo });
    log(
      `Seed: ${report.sectionsCreated} sections, ${report.accountsCreated} demo accounts, ` +
        `${report.storiesCreated} sample stories created.`,
    );
    if (!demo) log('No demo accounts or sample stories (add them with `npm run db:seed -- --demo`). Create staff with `npm run user:create`.');
  }
  if (demo) {
    const accounts = await demoAccountsStillDefault(connection.db);
    if (accounts.length > 0) {
      log('Demo sign-in (change these passwords before sharing this instance):');
      for (const a of accounts) log(`  ${a.role.padEnd(9)} ${a.email.padEnd(22)} ${a.password}`);
    }
  }
  if (steps.includes('refuse-demo-passwords')) await refuseDemoPasswords(connection.db);
}
