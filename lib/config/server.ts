import { ENV_VARIABLES, cliLocale, parseEnv, type AppConfig, type EnvSource } from './env';
import { describeConfigProblems } from './messages';

/**
 * The configuration of the running process, from its environment. `npm start` and `npm run dev`
 * have already refused bad values before the server starts; a server started some other way
 * (a bare `next start`, a test) still gets the same checks of form here, and stops at the first
 * use of a malformed value rather than guessing around it.
 *
 * No 'server-only' import: the command-line scripts read their configuration through here too.
 * Nothing here reaches a client bundle, which has no environment to read.
 */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

const holder = globalThis as typeof globalThis & { __midadConfig?: { key: string; config: AppConfig } };

/** Parses `env` (format checks only, see ParseOptions.deployment); throws ConfigError with translated lines. */
export function configFrom(env: EnvSource): AppConfig {
  const result = parseEnv(env, { deployment: false });
  if (!result.ok) throw new ConfigError(describeConfigProblems(result.problems, cliLocale(env)));
  return result.config;
}

/**
 * This process's configuration. Parsed once and kept; parsed again only if a variable it reads
 * has changed since (tests and scripts set some at run time), which costs a few property reads.
 */
export function appConfig(): AppConfig {
  const key = snapshot(process.env);
  if (holder.__midadConfig?.key !== key) holder.__midadConfig = { key, config: configFrom(process.env) };
  return holder.__midadConfig.config;
}

/** How many reverse proxies in front of the app to believe about the client address (TRUSTED_PROXIES, 0–10, default 0). */
export function trustedProxies(): number {
  return appConfig().trustedProxies;
}

/** True while `next build` runs: nothing may open the database then. */
export function isBuildPhase(): boolean {
  return appConfig().buildPhase;
}

function snapshot(env: EnvSource): string {
  return JSON.stringify(SNAPSHOT_NAMES.map((name) => env[name] ?? null));
}

// LANG chooses the language of the error lines.
const SNAPSHOT_NAMES = [...ENV_VARIABLES, 'LANG'];
