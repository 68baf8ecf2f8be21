/*
 * The processes a benchmark starts — the production build, the server, the in-memory reference
 * server — each tracked by its PID and stopped when the run ends, fails or is interrupted.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

/** Signs session cookies of the benchmark's own server only; never used anywhere else. */
export const BENCH_AUTH_SECRET = 'bench-only-secret-not-for-deployment-0123456789';

const running = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

export function startProcess(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function exitOf(child: ChildProcess): Promise<number | null> {
  if (hasExited(child)) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', reject);
  });
}

/** SIGTERM to the process's PID, SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const exited = exitOf(child).catch(() => null);
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (!hasExited(child) && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs before the processes are stopped (closing the browser, say). */
export function onStop(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** Closes what was registered with {@link onStop}, then stops every process still running. */
export async function stopEverything(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/** Ctrl-C, a kill or a crash still stops everything this run started. */
export function stopEverythingOnExit(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the processes the benchmark started…`);
      void stopEverything().finally(() => process.exit(130));
    });
  }
  // Last resort when the process exits without the above (synchronous: only signals can be sent).
  process.once('exit', () => {
    for (const child of running) if (child.pid !== undefined && !hasExited(child)) process.kill(child.pid, 'SIGKILL');
  });
}

/** The first port of the range nobody listens on at 127.0.0.1. */
export async function freePort(from: number, to: number, skip: number[] = []): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (skip.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${from} and ${to} on 127.0.0.1`);
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A file's content now, and a way to put it back if something rewrote it meanwhile. */
function keep(file: string): () => void {
  const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
  return () => {
    const after = fs.existsSync(file) ? fs.readFileSync(file) : null;
    if (before === null ? after === null : after?.equals(before)) return;
    if (before === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, before);
  };
}

/**
 * `next build` into `distDir`, output to `logFile`, with the benchmark's empty reference page
 * (BENCH_BUILD=1: see next.config.ts). A build into another directory adds that directory's types
 * to tsconfig.json and next-env.d.ts; both are put back as they were.
 * Returns how long the build took, in ms.
 */
export async function buildApp(distDir: string, logFile: string): Promise<number> {
  const restore = ['tsconfig.json', 'next-env.d.ts'].map((file) => keep(path.join(process.cwd(), file)));
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  try {
    const child = startProcess(process.execPath, [NEXT_BIN, 'build'], {
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', BENCH_BUILD: '1' },
      stdio: ['ignore', log, log],
    });
    const code = await exitOf(child);
    if (code !== 0) throw new Error(`next build failed (exit ${code}); the end of ${logFile}:\n${tail(logFile)}`);
    return performance.now() - started;
  } finally {
    fs.closeSync(log);
    for (const put of restore) put();
  }
}

export interface AppServer {
  origin: string;
  child: ChildProcess;
}

async function waitUntilAnswering(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (hasExited(child)) throw new Error(`The server stopped (exit ${child.exitCode}); the end of ${logFile}:\n${tail(logFile)}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; the end of ${logFile}:\n${tail(logFile)}`);
}

/**
 * `next start` of the build in `distDir` on 127.0.0.1:`port`, on the embedded database in
 * `pgliteDir` (a DATABASE_URL from the environment or a .env file is overridden), with the
 * benchmark's own session secret.
 */
export async function startAppServer(options: { distDir: string; port: number; pgliteDir: string; logFile: string }): Promise<AppServer> {
  const log = fs.openSync(options.logFile, 'w');
  const child = startProcess(process.execPath, [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(options.port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: options.distDir,
      PGLITE_DIR: options.pgliteDir,
      DATABASE_URL: '',
      AUTH_SECRET: BENCH_AUTH_SECRET,
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const origin = `http://127.0.0.1:${options.port}`;
  await waitUntilAnswering(`${origin}/api/health`, child, options.logFile, 60_000);
  return { origin, child };
}

/**
 * The in-memory reference: a minimal Node server, in a process of its own like the app's, that
 * answers every request with the given bytes and headers.
 */
export async function startMemoryServer(options: { port: number; bodyFile: string; headers: Record<string, string>; logFile: string }): Promise<AppServer> {
  const headersFile = `${options.bodyFile}.headers.json`;
  fs.writeFileSync(headersFile, JSON.stringify(options.headers));
  const log = fs.openSync(options.logFile, 'w');
  const script = path.join(process.cwd(), 'scripts', 'bench', 'memory-server.ts');
  const child = startProcess(process.execPath, ['--import', 'tsx', script, String(options.port), options.bodyFile, headersFile], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const origin = `http://127.0.0.1:${options.port}`;
  await waitUntilAnswering(`${origin}/`, child, options.logFile, 20_000);
  return { origin, child };
}
