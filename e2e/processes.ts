import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Processes the fault tests start, stop and kill themselves: an app server of the same production
 * build as the rest of the suite, and a PostgreSQL server of their own, so stopping it never
 * disturbs the database other tests use.
 */

const AUTH_SECRET = 'e2e-only-secret-not-for-deployment-0123456789';

export interface AppServer {
  url: string;
  /** Ends the server: SIGTERM lets it close cleanly; SIGKILL is a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the production build on `port`. `fresh` resets the database to migrations + demo content
 * first (the browser tests' server); otherwise it starts the way `npm start` does, on the data
 * already there.
 */
export async function startApp(port: number, database: { pgliteDir: string } | { databaseUrl: string }, fresh: boolean): Promise<AppServer> {
  const script = fresh ? 'scripts/e2e-server.ts' : 'scripts/start.ts';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    PGLITE_DIR: 'pgliteDir' in database ? database.pgliteDir : '',
    DATABASE_URL: 'databaseUrl' in database ? database.databaseUrl : '',
  };
  const logFile = path.join(os.tmpdir(), `midad-fault-app-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  // Its own process group, so a kill reaches the Next child too, as a real crash would.
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', String(port)], { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/health`)).ok, 90_000, () => `the app on ${port} did not start; see ${logFile}`);
  return { url, stop: (signal = 'SIGTERM') => stopGroup(child, signal) };
}

async function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  // Next's own child may outlive the wrapper for a moment; make sure the port is free.
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  await waitFor(async () => !(await portAnswers(child)), 10_000, () => 'the app did not stop').catch(() => {});
}

async function portAnswers(child: ChildProcess): Promise<boolean> {
  const port = child.spawnargs[child.spawnargs.indexOf('--port') + 1];
  try {
    await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(message());
}

export interface PostgresServer {
  databaseUrl: string;
  stop(): void;
  start(): void;
  /** Stops it for good and removes its data. */
  destroy(): void;
}

/** The server binaries of the newest PostgreSQL installed from Debian's packages, if any. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const bin = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
  return bin ?? null;
}

/** Why a private PostgreSQL server cannot be run here, or null when it can. */
export function postgresUnavailable(): string | null {
  if (!postgresBin()) return 'PostgreSQL server binaries are not installed';
  const uid = process.getuid?.();
  if (uid !== 0 && os.userInfo().username !== 'postgres') return 'a private PostgreSQL server needs root (to run it as postgres) or the postgres user';
  return null;
}

/** A PostgreSQL server of the test's own, on `port`, with trust authentication on loopback. */
export function createPostgres(port: number): PostgresServer {
  const bin = postgresBin()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-fault-pg-'));
  const asPostgres = (command: string, args: string[]) => {
    const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const server: PostgresServer = {
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      try {
        server.stop();
      } catch {
        // not running
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
