/*
 * `npm run cluster`: Midad as a newsroom runs it on its biggest day, on this one machine — a
 * PostgreSQL primary and a streaming replica, Redis, an S3 service for media (OpenStack Swift), two
 * nodes of the production build and Varnish in front (e2e/cluster.ts). It prints the addresses, then runs until Ctrl-C, and stops everything
 * it started by PID, also when a part fails to start.
 *
 *   npm run cluster                 (builds first when there is no production build)
 *   npm run cluster -- --build      (builds again)
 *   npm run cluster -- --port 4300  (the first of the ports it takes; 4200 unless told)
 *
 * It needs PostgreSQL's server binaries, redis-server, OpenStack Swift with memcached, and varnishd
 * with the xkey vmod (Debian: postgresql, redis-server, swift swift-proxy swift-account
 * swift-container swift-object memcached, varnish, varnish-modules), and root or the postgres user to run
 * PostgreSQL. The nodes have the demo accounts and stories of `npm run dev`: it is for trying the
 * deployment, not for serving readers.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../db/seed-data/sample-stories';
import { appConfig } from '../lib/config/server';
import { CLUSTER_PORT_SPAN, clusterUnavailable, startCluster, type Cluster } from '../e2e/cluster';
import { runScript, ScriptError } from './run-script';

const DEFAULT_BASE_PORT = 4200;

function basePortFrom(argv: string[]): number {
  const at = argv.indexOf('--port');
  if (at === -1) return DEFAULT_BASE_PORT;
  const port = Number(argv[at + 1]);
  if (!Number.isInteger(port) || port < 1024 || port + CLUSTER_PORT_SPAN > 65535) {
    throw new ScriptError(`--port needs a whole number from 1024 to ${65535 - CLUSTER_PORT_SPAN}: the cluster takes ${CLUSTER_PORT_SPAN} ports from it.`);
  }
  return port;
}

function ensureBuild(force: boolean): void {
  const buildId = path.join(process.cwd(), appConfig().nextDistDir, 'BUILD_ID');
  if (!force && fs.existsSync(buildId)) return;
  console.log('Building the production build (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new ScriptError('npm run build failed; the cluster was not started.');
}

void runScript(async () => {
  const basePort = basePortFrom(process.argv.slice(2));
  const unavailable = clusterUnavailable();
  if (unavailable) throw new ScriptError(`The cluster cannot start here: ${unavailable}.`);
  if (process.getuid?.() !== 0 && os.userInfo().username !== 'postgres') {
    throw new ScriptError('The cluster runs its own PostgreSQL servers: run it as root (they run as postgres) or as the postgres user.');
  }
  ensureBuild(process.argv.includes('--build'));

  const started: { cluster?: Cluster; stopping?: Promise<void> } = {};
  const stop = () => (started.stopping ??= (async () => {
    console.log('\nStopping the cluster…');
    await started.cluster?.stop();
    console.log('Stopped.');
  })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop().then(() => process.exit(0)));
  }

  const cluster = await startCluster(basePort, (line) => console.log(`Starting ${line}…`));
  started.cluster = cluster;
  const [a, b] = cluster.nodes;
  console.log(`
Midad cluster on this machine:
  readers (Varnish):   ${cluster.varnish.url}
  node A:              ${a.url}
  node B:              ${b.url}
  PostgreSQL primary:  ${cluster.primary.databaseUrl}
  PostgreSQL replica:  ${cluster.replica.databaseUrl}
  Redis:               ${cluster.redis.url}
  S3 (media bucket):   ${cluster.s3.endpoint} bucket ${cluster.s3.bucket}

Desk: ${a.url}/desk or ${b.url}/desk\n${DEMO_ACCOUNTS.map((account) => `  ${account.role.padEnd(9)} ${account.email.padEnd(22)} ${account.password}`).join('\n')}
Ctrl-C stops everything.`);
  await new Promise(() => {});
});
