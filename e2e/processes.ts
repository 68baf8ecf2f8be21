import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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
 * first (the browser tests' server); otherwise it starts again on the data already there
 * (`--keep-data`: `npm start` itself refuses a database whose demo accounts keep their passwords).
 * `settings` adds environment variables of the test's choosing (e.g. TRUSTED_PROXIES).
 */
export async function startApp(
  port: number,
  database: { pgliteDir: string } | { databaseUrl: string },
  fresh: boolean,
  settings: Record<string, string> = {},
): Promise<AppServer> {
  const script = 'scripts/e2e-server.ts';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...settings,
    AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    PGLITE_DIR: 'pgliteDir' in database ? database.pgliteDir : '',
    DATABASE_URL: 'databaseUrl' in database ? database.databaseUrl : '',
  };
  const logFile = path.join(os.tmpdir(), `midad-fault-app-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  // Its own process group, so a kill reaches the Next child too, as a real crash would.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(fresh ? [] : ['--keep-data']), '--port', String(port)], { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  // Migrations, seeding and Next's start take what they take on a busy machine: wait for the
  // health check to pass, or for the process to die (then there is nothing left to wait for).
  await waitFor(
    async () => {
      if (exited()) throw new GaveUp(`the app on ${port} exited before it answered; see ${logFile}`);
      return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) })).ok;
    },
    STARTUP_LIMIT_MS,
    () => `the app on ${port} did not answer its health check; see ${logFile}`,
  );
  return { url, stop: (signal = 'SIGTERM') => stopGroup(child, signal) };
}

/**
 * Starts a standalone server (`npm run standalone`, copied to `dir`) the way a container does:
 * `node midad.cjs start` with Node alone, in the directory the build was copied to, with only the
 * environment given (no project, no tsx). Answers once its health check passes.
 */
export async function startStandalone(dir: string, port: number, env: NodeJS.ProcessEnv, args: string[] = []): Promise<AppServer> {
  const logFile = path.join(os.tmpdir(), `midad-standalone-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['midad.cjs', 'start', ...args, '--port', String(port)], { cwd: dir, env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new GaveUp(`the standalone server on ${port} exited before it answered; see ${logFile}`);
      return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) })).ok;
    },
    STARTUP_LIMIT_MS,
    () => `the standalone server on ${port} did not answer its health check; see ${logFile}`,
  );
  return { url, stop: (signal = 'SIGTERM') => stopGroup(child, signal) };
}

/** A ceiling only for a process that hangs; a test's own timeout normally ends first. */
const STARTUP_LIMIT_MS = 240_000;

class GaveUp extends Error {}

async function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  // SIGTERM lets Next finish open requests and close the database; a wrapper that never exits
  // is killed after a generous grace, since a stop must not hang the suite.
  if (signal !== 'SIGKILL') await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
  // Next's own child may outlive the wrapper; the whole group goes, and the port must be free.
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  await exited;
  await waitFor(async () => !(await portAnswers(child)), 60_000, () => 'the app did not stop').catch(() => {});
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

/** Polls `check` until it holds; `limitMs` only stops a wait for something that never happens. */
async function waitFor(check: () => Promise<boolean>, limitMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error instanceof GaveUp) throw error;
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(message());
}

/** A TCP port nobody listens on right now, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  databaseUrl: string;
  stop(): void;
  start(): void;
  /**
   * A crash: SIGKILL to the postmaster, no shutdown checkpoint. Resolves once every server process
   * is gone (its backends notice the postmaster's death and exit), so `start()` runs crash recovery
   * on the same data.
   */
  crash(): Promise<void>;
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
  const reason = !postgresBin()
    ? 'PostgreSQL server binaries are not installed'
    : process.getuid?.() !== 0 && os.userInfo().username !== 'postgres'
      ? 'a private PostgreSQL server needs root (to run it as postgres) or the postgres user'
      : null;
  // CI installs PostgreSQL and runs as root: there, a reason to skip is a broken set-up, not a skip.
  if (reason && process.env.CI) throw new Error(`CI cannot run the PostgreSQL fault tests: ${reason}`);
  return reason;
}

/** Runs a PostgreSQL tool as the postgres user (the server refuses to run as root). */
function asPostgres(command: string, args: string[]) {
  const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

/** A directory of the test's own that the postgres user may write in. */
function postgresDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  return dir;
}

/** The server on `data`, listening on loopback at `port`, controlled by pg_ctl; started before it is returned. */
function serverOn(bin: string, dir: string, data: string, port: number): PostgresServer {
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const server: PostgresServer = {
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
    crash: async () => {
      const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const processes = [postmaster, ...childrenOf(postmaster)];
      process.kill(postmaster, 'SIGKILL');
      await waitFor(async () => processes.every((pid) => !alive(pid)), 120_000, () => `PostgreSQL processes ${processes.filter(alive).join(', ')} outlived the postmaster`);
      // Whoever adopted the dead postmaster may not have reaped it yet; a new postmaster would take
      // the zombie for a running server and refuse the data directory. Its lock files are stale.
      if (fs.existsSync(`/proc/${postmaster}`)) {
        for (const lock of [path.join(data, 'postmaster.pid'), path.join(dir, `.s.PGSQL.${port}.lock`)]) fs.rmSync(lock, { force: true });
      }
    },
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

/** A PostgreSQL server of the test's own, on `port`, with trust authentication on loopback. */
export function createPostgres(port: number): PostgresServer {
  const bin = postgresBin()!;
  const dir = postgresDir('midad-fault-pg-');
  const data = path.join(dir, 'data');
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  return serverOn(bin, dir, data, port);
}

/**
 * A streaming replica of `primary` (a server from createPostgres) on `port`: a base backup of it,
 * set to follow it (`-R`), started as a hot standby that answers reads.
 */
export function createReplica(primary: PostgresServer, port: number): PostgresServer {
  const bin = postgresBin()!;
  const dir = postgresDir('midad-replica-pg-');
  const data = path.join(dir, 'data');
  const source = new URL(primary.databaseUrl);
  asPostgres(path.join(bin, 'pg_basebackup'), ['-h', source.hostname, '-p', source.port, '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast']);
  return serverOn(bin, dir, data, port);
}

/** The processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of stat is the parent; the name in field 2 may hold spaces, so split after it.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // exited while listed
    }
  }
  return children;
}

/** Whether `pid` still runs; a zombie (exited, not yet reaped by whoever adopted it) does not. */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export interface RedisServer {
  url: string;
  /** A crash: SIGKILL, nothing written (it keeps nothing on disk anyway). */
  kill(): Promise<void>;
}

/** Why a private Redis server cannot be run here, or null when it can. */
export function redisUnavailable(): string | null {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  const reason = found.status === 0 ? null : 'redis-server is not installed';
  if (reason && process.env.CI) throw new Error(`CI cannot run the shared-cache tests: ${reason}`);
  return reason;
}

/**
 * A Redis server of the test's own on `port`: loopback only, nothing saved to disk, and the
 * expiry and eviction events the shared cache handler listens to. Stopped by its PID.
 */
export async function startRedis(port: number): Promise<RedisServer> {
  const logFile = path.join(os.tmpdir(), `midad-redis-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--notify-keyspace-events', 'Exe', '--daemonize', 'no'],
    { stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new GaveUp(`redis-server on ${port} exited; see ${logFile}`);
      return (await redisPing(port)) === '+PONG';
    },
    60_000,
    () => `redis-server on ${port} did not answer; see ${logFile}`,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** One PING over a raw connection: the first line of the answer, or an error. */
function redisPing(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(2_000, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
    socket.once('data', (data) => {
      resolve(data.toString('utf8').split('\r\n')[0]!);
      socket.end();
    });
    socket.write('PING\r\n');
  });
}

/**
 * The shipped VCL with its one backend on `ports[0]`, and for more ports one backend per node in a
 * round-robin director. Its `vcl_recv` is placed before the shipped one: Varnish runs both, in
 * order, and the shipped one may return before reaching anything after it.
 */
function withBackends(vcl: string, ports: readonly number[]): string {
  const single = vcl.replace(/\.port = "\d+";/, `.port = "${ports[0]}";`);
  if (ports.length === 1) return single;
  const backends = ports.map((p, i) => `backend node${i} {\n    .host = "127.0.0.1";\n    .port = "${p}";\n}`).join('\n');
  const director = [
    'import directors;',
    backends,
    'sub vcl_init {',
    '    new nodes = directors.round_robin();',
    ...ports.map((_, i) => `    nodes.add_backend(node${i});`),
    '}',
    'sub vcl_recv {',
    '    set req.backend_hint = nodes.backend();',
    '}',
  ].join('\n');
  const withDirector = single.replace(/backend midad \{[^}]*\}/, (backend) => `${backend}\n${director}`);
  if (withDirector === single) throw new Error('deploy/varnish/midad.vcl has no `backend midad { … }` block to put the nodes beside');
  return withDirector;
}

export interface VarnishServer {
  url: string;
  stop(): Promise<void>;
}

/** Why a private Varnish cannot be run here, or null when it can. */
export function varnishUnavailable(): string | null {
  const found = spawnSync('varnishd', ['-V'], { encoding: 'utf8' });
  const xkey = ['/usr/lib/x86_64-linux-gnu/varnish/vmods', '/usr/lib/aarch64-linux-gnu/varnish/vmods', '/usr/lib/varnish/vmods'].some((dir) =>
    fs.existsSync(path.join(dir, 'libvmod_xkey.so')),
  );
  const reason = found.status !== 0 ? 'varnishd is not installed (Debian: varnish)' : !xkey ? 'the xkey vmod is not installed (Debian: varnish-modules)' : null;
  if (reason && process.env.CI) throw new Error(`CI cannot run the Varnish tests: ${reason}`);
  return reason;
}

/**
 * A Varnish of the test's own on `port` (admin interface on `port + 1`), running
 * deploy/varnish/midad.vcl in front of the app on `backendPorts` — the one line an operator edits
 * too, or for several nodes the round-robin director its comment describes. In the foreground, so
 * its PID is the child's, and stopped by it.
 */
export async function startVarnish(port: number, backendPorts: number | readonly number[]): Promise<VarnishServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-varnish-'));
  fs.chmodSync(dir, 0o755);
  const vcl = withBackends(fs.readFileSync(path.resolve('deploy', 'varnish', 'midad.vcl'), 'utf8'), typeof backendPorts === 'number' ? [backendPorts] : backendPorts);
  const vclFile = path.join(dir, 'midad.vcl');
  fs.writeFileSync(vclFile, vcl);
  const logFile = path.join(dir, 'varnishd.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    'varnishd',
    ['-F', '-n', path.join(dir, 'work'), '-a', `127.0.0.1:${port}`, '-T', `127.0.0.1:${port + 1}`, '-f', vclFile, '-s', 'malloc,64m', '-P', path.join(dir, 'varnishd.pid')],
    { stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new GaveUp(`varnishd on ${port} exited; see ${logFile}`);
      return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok;
    },
    120_000,
    () => `varnishd on ${port} did not answer; see ${logFile}`,
  );
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
