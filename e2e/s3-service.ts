import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from './processes';

/**
 * A real S3-compatible service of the caller's own: OpenStack Swift (Debian's packages) with its
 * s3api middleware, on loopback, in a temporary directory. One-replica rings, one device, the
 * account, container and object servers, a proxy with tempauth + s3api, and a memcached for it.
 * Every process runs in the foreground as a child of this one and is stopped by its PID.
 *
 * No test framework is imported here: vitest, Playwright and the command-line tools share it.
 */

export interface S3Service {
  /** The S3 endpoint (path-style addressing). */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Created before start resolves. */
  bucket: string;
  /** Stops every process started for the service and removes its directory. */
  stop(): Promise<void>;
}

/** The settings that point a Midad node at `s3` for its media (under `prefix` in the bucket, when given). */
export function s3Settings(s3: S3Service, prefix?: string): Record<string, string> {
  return {
    MEDIA_STORAGE: 's3',
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ...(prefix ? { S3_PREFIX: prefix } : {}),
  };
}

/** The binaries each Debian package brings. */
const NEEDED: [binary: string, debianPackage: string][] = [
  ['swift-ring-builder', 'swift'],
  ['swift-proxy-server', 'swift-proxy'],
  ['swift-account-server', 'swift-account'],
  ['swift-container-server', 'swift-container'],
  ['swift-object-server', 'swift-object'],
  ['memcached', 'memcached'],
];

function onPath(binary: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, binary))
    .find((file) => path.isAbsolute(file) && fs.existsSync(file));
}

/**
 * The Python that Swift's own scripts run with (their #! line): Debian's, which has the swift
 * modules, not whichever python3 comes first on PATH (pyenv, a virtualenv…).
 */
function swiftPython(): string {
  const script = onPath('swift-proxy-server');
  const shebang = script ? /^#!\s*(\S+)/.exec(fs.readFileSync(script, 'utf8').split('\n', 1)[0]!)?.[1] : undefined;
  return shebang ?? '/usr/bin/python3';
}

/** Why a private Swift cannot be run here, or null when it can. In CI a missing package is an error. */
export function s3ServiceUnavailable(): string | null {
  const missing = NEEDED.filter(([binary]) => !onPath(binary)).map(([, pkg]) => pkg);
  const reason = missing.length > 0 ? `OpenStack Swift is not installed (Debian: ${[...new Set(missing)].join(' ')})` : null;
  if (reason && process.env.CI) throw new Error(`CI cannot run the object-storage tests: ${reason}`);
  return reason;
}

const REGION = 'us-east-1';
// tempauth's S3 access key is "<account>:<user>"; the secret is the user's password.
const ACCOUNT = 'midad';
const USER = 'media';
const SECRET = 'midad-s3-test-secret';
const BUCKET = 'midad-media';

/**
 * Swift's servers read /etc/swift/swift.conf before their own configuration. This starts one with
 * the service's directory as its swift_dir instead, so nothing outside the directory is read or written.
 */
const LAUNCHER = [
  'import sys',
  'from swift.common import utils',
  'utils.set_swift_dir(sys.argv[1])',
  'from swift.common.wsgi import run_wsgi',
  'kwargs = {}',
  "if sys.argv[3] == 'object-server':",
  '    from swift.obj import server',
  "    kwargs['global_conf_callback'] = server.global_conf_callback",
  'sys.exit(run_wsgi(sys.argv[2], sys.argv[3], verbose=True, **kwargs))',
].join('\n');

const SERVERS = ['account', 'container', 'object'] as const;

/**
 * Starts Swift with its S3 endpoint on 127.0.0.1:`port` (the proxy); the account, container and
 * object servers and memcached take free loopback ports of their own. Resolves once the bucket
 * exists; rejects, having stopped whatever it started, if any part exits or never answers.
 */
export async function startS3Service(port: number): Promise<S3Service> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-swift-'));
  const children: ChildProcess[] = [];
  const stopAll = () => Promise.all(children.map((child) => stopChild(child)));
  const stop = async () => {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = { account: await freePort(), container: await freePort(), object: await freePort(), memcached: await freePort() };
    const python = swiftPython();
    writeConfiguration(dir, port, ports);

    const memcachedArgs = ['-l', '127.0.0.1', '-p', String(ports.memcached), '-U', '0', '-m', '64'];
    if (process.getuid?.() === 0) memcachedArgs.push('-u', 'root');
    children.push(startLogged('memcached', memcachedArgs, path.join(dir, 'memcached.log')));
    // The storage servers need no ring: they boot while the rings are built; the proxy needs them.
    for (const server of SERVERS) {
      children.push(startLogged(python, ['-c', LAUNCHER, dir, path.join(dir, `${server}-server.conf`), `${server}-server`], path.join(dir, `${server}.log`)));
    }
    buildRings(python, dir, ports);
    children.push(startLogged(python, ['-c', LAUNCHER, dir, path.join(dir, 'proxy-server.conf'), 'proxy-server'], path.join(dir, 'proxy.log')));

    const endpoint = `http://127.0.0.1:${port}`;
    const checkAlive = () => {
      const dead = children.find((child) => child.exitCode !== null || child.signalCode !== null);
      if (dead) throw new GaveUp(`${dead.spawnargs.slice(0, 1).join(' ')} ${dead.spawnargs.at(-1)} exited; see the logs in ${dir}`);
    };
    await poll(
      async () => {
        checkAlive();
        if (!(await memcachedAnswers(ports.memcached))) return false;
        for (const p of [ports.account, ports.container, ports.object, port]) {
          if (!(await fetch(`http://127.0.0.1:${p}/healthcheck`, { signal: AbortSignal.timeout(5_000) })).ok) return false;
        }
        return true;
      },
      STARTUP_LIMIT_MS,
      () => `Swift did not answer on ${port}; see the logs in ${dir}`,
    );

    const service: S3Service = { endpoint, region: REGION, accessKeyId: `${ACCOUNT}:${USER}`, secretAccessKey: SECRET, bucket: BUCKET, stop };
    const client = new S3Client({
      endpoint,
      region: REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: service.accessKeyId, secretAccessKey: SECRET },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    try {
      // The first requests can meet a proxy that answers its health check but not yet the ring's servers.
      await poll(
        async () => {
          checkAlive();
          try {
            await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
          } catch (error) {
            // An earlier attempt that timed out on our side may have created it.
            if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
          }
          return true;
        },
        STARTUP_LIMIT_MS,
        () => `Swift on ${port} did not create the bucket; see the logs in ${dir}`,
      );
    } finally {
      client.destroy();
    }
    return service;
  } catch (error) {
    // The directory stays: its logs say why.
    await stopAll();
    throw error;
  }
}

/** A ceiling only for a service that hangs; starting takes a few seconds even on a busy machine. */
const STARTUP_LIMIT_MS = 120_000;

function writeConfiguration(dir: string, proxyPort: number, ports: Record<(typeof SERVERS)[number] | 'memcached', number>): void {
  const user = os.userInfo().username;
  fs.mkdirSync(path.join(dir, 'devices', 'd1'), { recursive: true });
  const common = (port: number) =>
    [
      '[DEFAULT]',
      'bind_ip = 127.0.0.1',
      `bind_port = ${port}`,
      // One process per server, so its PID is the one to stop.
      'workers = 0',
      `user = ${user}`,
      `swift_dir = ${dir}`,
      `devices = ${path.join(dir, 'devices')}`,
      'mount_check = false',
      'log_level = WARNING',
    ].join('\n');
  fs.writeFileSync(
    path.join(dir, 'swift.conf'),
    ['[swift-hash]', 'swift_hash_path_suffix = midad-test', 'swift_hash_path_prefix = midad-test', '', '[storage-policy:0]', 'name = Policy-0', 'default = yes', ''].join('\n'),
  );
  for (const server of SERVERS) {
    const app = server === 'object' ? 'object' : server;
    fs.writeFileSync(
      path.join(dir, `${server}-server.conf`),
      [common(ports[server]), '', '[pipeline:main]', `pipeline = healthcheck ${server}-server`, '', `[app:${server}-server]`, `use = egg:swift#${app}`, '', '[filter:healthcheck]', 'use = egg:swift#healthcheck', ''].join('\n'),
    );
  }
  fs.writeFileSync(
    path.join(dir, 'proxy-server.conf'),
    [
      common(proxyPort),
      '',
      '[pipeline:main]',
      'pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server',
      '',
      '[app:proxy-server]',
      'use = egg:swift#proxy',
      'account_autocreate = true',
      '',
      '[filter:s3api]',
      'use = egg:swift#s3api',
      `location = ${REGION}`,
      '',
      '[filter:tempauth]',
      'use = egg:swift#tempauth',
      `user_${ACCOUNT}_${USER} = ${SECRET} .admin`,
      '',
      '[filter:cache]',
      'use = egg:swift#memcache',
      `memcache_servers = 127.0.0.1:${ports.memcached}`,
      '',
      ...['catch_errors', 'gatekeeper', 'healthcheck', 'proxy-logging', 'listing_formats', 'copy', 'slo', 'dlo'].flatMap((name) => [
        `[filter:${name}]`,
        `use = egg:swift#${name.replace('-', '_')}`,
        '',
      ]),
    ].join('\n'),
  );
}

/**
 * One ring per server kind: partition power 6 (plenty for a test), one replica, one device. Built
 * through Swift's own ring builder in one Python process, since every `swift-ring-builder` call
 * pays Python's start-up again.
 */
const RING_BUILDER = [
  'import os, sys',
  'from swift.common.ring import RingBuilder',
  'swift_dir = sys.argv[1]',
  'for spec in sys.argv[2:]:',
  "    name, port = spec.split('=')",
  '    builder = RingBuilder(6, 1, 1)',
  "    builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port), 'device': 'd1', 'weight': 1})",
  '    builder.rebalance()',
  "    builder.get_ring().save(os.path.join(swift_dir, name + '.ring.gz'))",
].join('\n');

function buildRings(python: string, dir: string, ports: Record<(typeof SERVERS)[number], number>): void {
  const result = spawnSync(python, ['-c', RING_BUILDER, dir, ...SERVERS.map((server) => `${server}=${ports[server]}`)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building Swift's rings failed: ${result.stderr || result.stdout}`);
}

function startLogged(command: string, args: string[], logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  // A child that could not start at all reports it here; poll() notices its exit code.
  child.on('error', () => {});
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const ended = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000).unref())]);
  if (!ended) {
    child.kill('SIGKILL');
    await exited;
  }
}

class GaveUp extends Error {}

/** Polls `check` until it holds; `limitMs` only ends a wait for something that never happens. */
async function poll(check: () => Promise<boolean>, limitMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error instanceof GaveUp) throw error;
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${message()}${last instanceof Error ? ` (last: ${last.message})` : ''}`);
}

/** memcached's "version" command over a raw connection. */
function memcachedAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
    socket.once('data', (data) => {
      resolve(data.toString('utf8').startsWith('VERSION'));
      socket.end();
    });
    socket.write('version\r\n');
  });
}
