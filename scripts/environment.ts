import fs from 'node:fs';
import path from 'node:path';
import type { DemoAccount } from '../db/seed-data/sample-stories';
import { format, getMessages } from '../i18n';
import { cliLocale, parseEnv, wantsHsts, type AppConfig, type ConfigProblem, type EnvSource } from '../lib/config/env';
import { describeConfigProblems } from '../lib/config/messages';
import { ScriptError } from './run-script';

/**
 * The checks `npm start` and `npm run dev` make before anything else. Messages are in the
 * operator's language (MIDAD_LOCALE, else an Arabic LANG, else English).
 */

/** The validated configuration, or a ScriptError with one translated line per refused variable. */
export function requireValidConfig(options: { deployment: boolean }, env: EnvSource = process.env): AppConfig {
  const refuse = (problems: readonly ConfigProblem[]) => new ScriptError(describeConfigProblems(problems, cliLocale(env)).join('\n'));
  const result = parseEnv(env, options);
  if (!result.ok) throw refuse(result.problems);
  const problems = options.deployment ? buildProblems(result.config) : [];
  if (problems.length > 0) throw refuse(problems);
  return result.config;
}

/**
 * Response headers (HSTS among them) are fixed when the app is built, so a build made for an
 * http SITE_URL would serve an https site without HSTS, and the other way round. A missing build
 * is left for `next start` to report.
 */
function buildProblems(config: AppConfig): ConfigProblem[] {
  const manifest = path.resolve(process.cwd(), config.nextDistDir, 'routes-manifest.json');
  if (!fs.existsSync(manifest)) return [];
  const builtWithHsts = buildSendsHsts(JSON.parse(fs.readFileSync(manifest, 'utf8')) as unknown);
  if (builtWithHsts === wantsHsts(config)) return [];
  return [{ variable: 'SITE_URL', code: 'buildHsts', values: { siteUrl: config.siteUrl ?? '', distDir: config.nextDistDir } }];
}

function buildSendsHsts(manifest: unknown): boolean {
  const rules = (manifest as { headers?: { headers?: { key?: string }[] }[] }).headers ?? [];
  return rules.some((rule) => (rule.headers ?? []).some((header) => header.key?.toLowerCase() === 'strict-transport-security'));
}

/** What to tell the operator when demo accounts still have their published passwords. */
export function describeDemoPasswords(accounts: readonly DemoAccount[], env: EnvSource = process.env): string {
  const locale = cliLocale(env);
  const messages = getMessages(locale);
  const t = messages.config;
  return [
    t.demoPasswords,
    ...accounts.map((a) => `  ${format(t.demoAccount, { email: a.email, role: messages.desk.roles[a.role] })}`),
    t.demoFix,
    ...accounts.map((a) => `  ${format(t.demoCommand, { email: a.email, role: a.role, name: a.name })}`),
    t.demoDeactivate,
  ].join('\n');
}

/** What to tell the operator when `npm start -- --no-migrate` finds the database behind this build. */
export function describePendingMigrations(tags: readonly string[], env: EnvSource = process.env): string {
  return format(getMessages(cliLocale(env)).config.migrationsPending, { count: tags.length, tags: tags.join(', ') });
}
