// The client-address stamp must patch Node's HTTP server before Next creates one (run-next.ts
// preloads it into `next start` for the same reason).
import '../stamp-client-address.mjs';
import fs from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';
import { configFrom } from '../../lib/config/server';
import { migrateDatabase, prepareProductionServer } from '../production-server';
import { runScript, ScriptError } from '../run-script';
import { createOrUpdateUser } from '../user-account';

/*
 * The one program of a standalone build (docs/operations.md, Containers). `npm run standalone`
 * bundles this file with what it imports into `<distDir>/standalone/midad.cjs`, which needs
 * nothing but Node and the files beside it — no tsx, no devDependencies, no project checkout:
 *
 *   node midad.cjs start [--no-migrate] [--port 3000] [--hostname 127.0.0.1]
 *   node midad.cjs migrate
 *   node midad.cjs user:create --email … --password … --role admin|editor|reviewer --name …
 *
 * `start` makes the checks of `npm start` (production-server.ts) and then runs Next's server in
 * this process; `migrate` is `npm run db:migrate` and `user:create` is `npm run user:create`. Relative paths (PGLITE_DIR, MEDIA_DIR,
 * db/migrations) are read from the directory of this file, as Next's own server.js does.
 */

/** The build's output directory, fixed when the bundle is made (scripts/standalone/assemble.ts). */
declare const MIDAD_DIST_DIR: string;

const USAGE = 'usage: node midad.cjs start [--no-migrate] [--port <port>] [--hostname <address>] | node midad.cjs migrate | node midad.cjs user:create --email … --password … --role … --name …';

/** Next's own bound on its in-memory copy of the cache, used when Redis is not set. */
const NEXT_MEMORY_CACHE_BYTES = 50 * 1024 * 1024;

interface Listen {
  port: number;
  hostname: string;
}

/** `--port`/`-p` and `--hostname`/`-H` as `npm start` takes them; anything else is refused. */
function listenFrom(args: readonly string[], defaultPort: number): Listen {
  const listen: Listen = { port: defaultPort, hostname: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) throw new ScriptError(`${flag} needs a value.\n${USAGE}`);
    if (flag === '--port' || flag === '-p') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new ScriptError(`${flag} must be a port number, not ${value}.`);
      listen.port = port;
    } else if (flag === '--hostname' || flag === '-H') {
      listen.hostname = value;
    } else {
      throw new ScriptError(`Unknown argument ${flag}.\n${USAGE}`);
    }
  }
  return listen;
}

/**
 * The configuration the build wrote for its server, with the one setting that depends on where
 * it runs: with REDIS_URL, Next keeps no copy of the cache in memory (next.config.ts), since a
 * refresh made on another node could not reach it.
 */
function serverConfig(distDir: string, redis: boolean): NextConfig {
  const file = path.join(distDir, 'required-server-files.json');
  if (!fs.existsSync(file)) throw new ScriptError(`No build in ${path.resolve(distDir)}: make this directory with npm run build && npm run standalone.`);
  const built = (JSON.parse(fs.readFileSync(file, 'utf8')) as { config: NextConfig }).config;
  return { ...built, distDir: `./${distDir}`, cacheMaxMemorySize: redis ? 0 : built.cacheMaxMemorySize || NEXT_MEMORY_CACHE_BYTES };
}

async function serve(args: readonly string[]): Promise<void> {
  const settings = configFrom(process.env);
  const listen = listenFrom(args, settings.port ?? 3000);
  const config = serverConfig(MIDAD_DIST_DIR, Boolean(settings.redisUrl));
  // How Next's generated server.js hands it the configuration: it reads no next.config here.
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('next');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('next/dist/server/lib/start-server') as typeof import('next/dist/server/lib/start-server');
  // `config` as Next's server.js passes it, although the published type does not list it.
  await startServer({ dir: process.cwd(), isDev: false, hostname: listen.hostname, port: listen.port, allowRetry: false, ...({ config } as object) });
}

void runScript(async () => {
  process.chdir(__dirname);
  // The build this server is; NEXT_DIST_DIR from the environment cannot name another one.
  process.env.NEXT_DIST_DIR = MIDAD_DIST_DIR;
  const [command, ...args] = process.argv.slice(2);
  if (command === 'migrate' && args.length === 0) return migrateDatabase();
  if (command === 'user:create') return createOrUpdateUser(args);
  if (command === 'start') return serve(await prepareProductionServer(args));
  throw new ScriptError(USAGE);
});
