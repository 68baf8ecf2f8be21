import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';

const ENV_FILE = '.env.local';

/** Loads .env files the way Next will, so checks here see what the server will see. */
export function loadEnv(dev: boolean): void {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}

/**
 * Development needs a session secret but nobody should have to invent one: the first run writes
 * a random one to .env.local, which git ignores.
 */
export function ensureDevelopmentSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const secret = randomBytes(33).toString('base64');
  const file = path.join(process.cwd(), ENV_FILE);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(file, `${existing}${separator}# Created by npm run dev: signs session cookies.\nAUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log(`Created AUTH_SECRET in ${ENV_FILE} (kept out of git).`);
}
