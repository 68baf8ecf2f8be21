import { parseArgs } from 'node:util';
import { connectionOptionsFromEnv, openDatabase } from '../db/client';
import { upsertUser } from '../db/users';
import { ZNewUser } from '../lib/auth/user-input';
import { en } from '../i18n/en';
import { requireValidConfig } from './environment';
import { ScriptError } from './run-script';
import { loadEnv } from './secrets';

const USAGE = 'Usage: npm run user:create -- --email EMAIL --password PASSWORD --role admin|editor|reviewer --name "NAME"';

/**
 * `npm run user:create` (and `node midad.cjs user:create` in a standalone build): creates a staff
 * account, or updates the name, role and password of an existing one (matched by email,
 * case-insensitively). Bad input throws a ScriptError with the reason for each field.
 */
export async function createOrUpdateUser(args: string[]): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new ScriptError(`${(error as Error).message}\n${USAGE}`);
  }
  const parsed = ZNewUser.safeParse({
    email: values.email ?? '',
    password: values.password ?? '',
    role: values.role ?? '',
    name: values.name ?? '',
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.message as keyof typeof en.users.errors;
      return `  --${String(issue.path[0])}: ${en.users.errors[key] ?? issue.message}`;
    });
    throw new ScriptError(`Cannot create the user:\n${lines.join('\n')}\n${USAGE}`);
  }
  // The database the server uses, from the same .env files: the account lands where `npm start` looks.
  loadEnv(process.env.NODE_ENV !== 'production');
  requireValidConfig({ deployment: false });
  const connection = openDatabase(connectionOptionsFromEnv());
  try {
    await connection.migrate();
    const { user, created } = await upsertUser(connection.db, parsed.data);
    console.log(`${created ? 'Created' : 'Updated'} ${user.role} ${user.email} (id ${user.id}).`);
  } finally {
    await connection.close();
  }
}
