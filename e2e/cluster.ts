/*
 * A whole Midad deployment on one machine, on 127.0.0.1: a PostgreSQL primary and a streaming
 * replica, Redis for the shared cache, two nodes of the production build, and Varnish in front of
 * both. Used by `npm run cluster` (scripts/cluster.ts), by e2e/cluster.spec.ts and by
 * `npm run bench:cluster`. Everything it starts is stopped by PID, also when a later part fails
 * to start.
 */
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

/** The ports a cluster takes, from its base port up. */
export const CLUSTER_PORTS = { primary: 0, replica: 1, redis: 2, nodeA: 3, nodeB: 4, varnish: 5, varnishAdmin: 6 } as const;
/** How many consecutive ports from the base a cluster takes. */
export const CLUSTER_PORT_SPAN = 7;

export interface Cluster {
  primary: PostgresServer;
  replica: PostgresServer;
  redis: RedisServer;
  nodes: [AppServer, AppServer];
  varnish: VarnishServer;
  /** Stops everything still running, in the reverse order of starting. */
  stop(): Promise<void>;
}

/** Why a cluster cannot be started here, or null when it can. */
export function clusterUnavailable(): string | null {
  return postgresUnavailable() ?? redisUnavailable() ?? varnishUnavailable();
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

    const varnishUrl = `http://127.0.0.1:${port('varnish')}`;
    const settings = {
      REDIS_URL: redis.url,
      DATABASE_REPLICA_URLS: replica.databaseUrl,
      EDGE_CACHE: 'varnish',
      VARNISH_PURGE_URLS: varnishUrl,
    };
    const database = { databaseUrl: primary.databaseUrl };
    log(`node A on ${port('nodeA')} (migrates and adds the demo content)`);
    const nodeA = await startApp(port('nodeA'), database, true, settings);
    stops.push(() => nodeA.stop());
    log(`node B on ${port('nodeB')}`);
    const nodeB = await startApp(port('nodeB'), database, false, settings);
    stops.push(() => nodeB.stop());
    log(`Varnish on ${port('varnish')}, in front of both nodes`);
    const varnish = await startVarnish(port('varnish'), [port('nodeA'), port('nodeB')]);
    stops.push(() => varnish.stop());
    return { primary, replica, redis, nodes: [nodeA, nodeB], varnish, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
