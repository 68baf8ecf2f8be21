/*
 * A whole Midad deployment on one machine, on 127.0.0.1: a PostgreSQL primary and a streaming
 * replica, Redis for the shared cache, an S3 service for media (OpenStack Swift), two nodes of the
 * production build, and Varnish in front of both. Used by `npm run cluster` (scripts/cluster.ts), by e2e/cluster.spec.ts and by
 * `npm run bench:cluster`. Everything it starts is stopped by PID, also when a later part fails
 * to start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createPostgres,
  createReplica,
  postgresUnavailable,
  redisUnavailable,
  startApp,
  startRedis,
  startVarnish,
  varnishUnavailable,
  type AppServer,
  type PostgresServer,
  type RedisServer,
  type VarnishServer,
} from './processes';
import { s3ServiceUnavailable, s3Settings, startS3Service, type S3Service } from './s3-service';

/** The ports a cluster takes, from its base port up. */
export const CLUSTER_PORTS = { primary: 0, replica: 1, redis: 2, s3: 3, nodeA: 4, nodeB: 5, varnish: 6, varnishAdmin: 7 } as const;
/** How many consecutive ports from the base a cluster takes (Swift's inner servers take free ports of their own). */
export const CLUSTER_PORT_SPAN = 8;

export interface Cluster {
  primary: PostgresServer;
  replica: PostgresServer;
  redis: RedisServer;
  s3: S3Service;
  nodes: [AppServer, AppServer];
  varnish: VarnishServer;
  /** Stops everything still running, in the reverse order of starting. */
  stop(): Promise<void>;
}

/** Why a cluster cannot be started here, or null when it can. */
export function clusterUnavailable(): string | null {
  return postgresUnavailable() ?? redisUnavailable() ?? s3ServiceUnavailable() ?? varnishUnavailable();
}

/**
 * Starts the cluster on `basePort` … `basePort + CLUSTER_PORT_SPAN - 1`. The first node migrates
 * and adds the demo content; the second starts on that database. `log` hears each step.
 */
export async function startCluster(basePort: number, log: (line: string) => void = () => {}): Promise<Cluster> {
  const port = (part: keyof typeof CLUSTER_PORTS) => basePort + CLUSTER_PORTS[part];
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        log(`while stopping: ${(error as Error).message}`);
      }
    }
  };
  try {
    log(`PostgreSQL primary on ${port('primary')}`);
    const primary = createPostgres(port('primary'));
    stops.push(() => primary.destroy());
    log(`PostgreSQL streaming replica on ${port('replica')}`);
    const replica = createReplica(primary, port('replica'));
    stops.push(() => replica.destroy());
    log(`Redis on ${port('redis')}`);
    const redis = await startRedis(port('redis'));
    stops.push(() => redis.kill());
    log(`S3 service (OpenStack Swift) on ${port('s3')}`);
    const s3 = await startS3Service(port('s3'));
    stops.push(() => s3.stop());

    const varnishUrl = `http://127.0.0.1:${port('varnish')}`;
    const settings = {
      REDIS_URL: redis.url,
      DATABASE_REPLICA_URLS: replica.databaseUrl,
      EDGE_CACHE: 'varnish',
      VARNISH_PURGE_URLS: varnishUrl,
      ...s3Settings(s3),
    };
    const database = { databaseUrl: primary.databaseUrl };
    // Each node has a media directory of its own, as on separate machines: only the bucket is shared.
    const disks = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cluster-disks-'));
    stops.push(() => fs.rmSync(disks, { recursive: true, force: true }));
    log(`node A on ${port('nodeA')} (migrates and adds the demo content)`);
    const nodeA = await startApp(port('nodeA'), database, true, { ...settings, MEDIA_DIR: path.join(disks, 'a') });
    stops.push(() => nodeA.stop());
    log(`node B on ${port('nodeB')}`);
    const nodeB = await startApp(port('nodeB'), database, false, { ...settings, MEDIA_DIR: path.join(disks, 'b') });
    stops.push(() => nodeB.stop());
    log(`Varnish on ${port('varnish')}, in front of both nodes`);
    const varnish = await startVarnish(port('varnish'), [port('nodeA'), port('nodeB')]);
    stops.push(() => varnish.stop());
    return { primary, replica, redis, s3, nodes: [nodeA, nodeB], varnish, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
