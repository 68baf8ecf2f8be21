import fs from 'node:fs';
import path from 'node:path';

/*
 * Next loads its cache handler by itself at run time, with Node's own loader, so the handler
 * (lib/server/next/cache-handler.ts) cannot be TypeScript nor import through the `@/` alias.
 * next.config.ts calls this while `next build` starts: it bundles the handler and the modules it
 * uses into one CommonJS file beside the project (one per checkout; every build uses the same
 * source). Next, Redis and the Redis handler stay outside the bundle and load from node_modules.
 */

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'lib', 'server', 'next', 'cache-handler.ts');

/** Where the compiled handler is written, and where next.config.ts points `cacheHandler`. */
export const CACHE_HANDLER_FILE = path.join(ROOT, '.next-cache-handler', 'cache-handler.cjs');

export function compileCacheHandler(): string {
  // esbuild is a development dependency: loaded only here, while building.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const result = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    external: ['next', 'next/*', 'redis', '@trieb.work/nextjs-turbo-redis-cache'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  fs.mkdirSync(path.dirname(CACHE_HANDLER_FILE), { recursive: true });
  // Written whole, then moved into place: another build starting at the same time reads either
  // the old file or the new one, never half of one.
  const partial = `${CACHE_HANDLER_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(partial, code);
  fs.renameSync(partial, CACHE_HANDLER_FILE);
  return CACHE_HANDLER_FILE;
}
