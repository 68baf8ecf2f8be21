import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { CACHE_HANDLER_FILE, compileCacheHandler } from './scripts/compile-cache-handler';
import { publicContentSecurityPolicy } from './lib/config/csp';
import { cachedRouteRewrites } from './lib/http/cached-routes';
import { HSTS_VALUE, wantsHsts } from './lib/config/env';
import { configFrom } from './lib/config/server';

// One validated reading of the environment (lib/config): a malformed value stops the build with
// a line saying which and why.
const config = configFrom(process.env);
const isDev = config.nodeEnv !== 'production';

// The cacheable policy of public pages; desk and sign-in pages get a per-request nonce policy from
// proxy.ts instead (docs/decisions/0005).
const contentSecurityPolicy = publicContentSecurityPolicy({ development: isDev });

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  // Only when the public address is https: these headers are fixed at build time, so `npm start`
  // refuses a build made with a SITE_URL of the other kind.
  ...(wantsHsts(config) ? [{ key: 'Strict-Transport-Security', value: HSTS_VALUE }] : []),
];

// Next's own page extensions, plus `.bench.tsx` only in the benchmark's build (scripts/bench sets
// BENCH_BUILD=1): the empty reference page it measures against is never a route anywhere else.
const pageExtensions = ['tsx', 'ts', 'jsx', 'js', ...(process.env.BENCH_BUILD === '1' ? ['bench.tsx'] : [])];

const baseConfig: NextConfig = {
  pageExtensions,
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  // A separate output directory lets two builds (e.g. tests and a bench) run side by side.
  distDir: config.nextDistDir,
  poweredByHeader: false,
  // The dev server listens on 127.0.0.1; browsers may reach it as localhost too.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  typedRoutes: false,
  // Midad serves its own re-encoded images from /media; the /_next/image optimiser would only be
  // a way for anyone to make the server decode and resize images on request. Off: it answers 404.
  images: { unoptimized: true },
  // Types are checked once, by `npm run typecheck` (a CI step of its own), not again by every build.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx when a role may not open a desk page.
    authInterrupts: true,
    // Regenerated public pages stay in memory: after a restart Next would otherwise serve pages
    // from disk without knowing which were expired (an unpublished story could reappear).
    isrFlushToDisk: false,
  },
  // `/`, the site feed, the sitemaps and listings without `?page=` are served by routes that Next
  // keeps whole in its cache (lib/http/cached-routes.ts; the proxy maps `?page=`).
  async rewrites() {
    return { beforeFiles: cachedRouteRewrites(), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Desk and sign-in responses get their per-request policy from proxy.ts instead.
      { source: '/((?!desk(?:/|$)|login(?:/|$)).*)', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] },
      // Partner preview links (docs/decisions/0031): never stored by a cache, never indexed, and no
      // Referer carrying the secret link to any address the page links to.
      {
        source: '/preview/:path*',
        headers: [
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

/**
 * The configuration for each phase. Production builds and servers cache through Midad's handler
 * (lib/server/next/cache-handler.ts, compiled here when a build starts): in Redis when REDIS_URL
 * is set — then Next keeps no copy in memory of its own, which a refresh on another node could
 * not reach — and otherwise in this process's memory as before; either way public responses get
 * a Cache-Control HTTP caches can use (docs/decisions/0018, 0019). `next dev` caches nothing and
 * keeps Next's own handler.
 */
export default function nextConfig(phase: string): NextConfig {
  if (phase === PHASE_DEVELOPMENT_SERVER) return baseConfig;
  const building = phase === PHASE_PRODUCTION_BUILD;
  if (building) compileCacheHandler();
  return {
    ...baseConfig,
    ...(building ? standaloneOutput : {}),
    cacheHandler: CACHE_HANDLER_FILE,
    ...(config.redisUrl ? { cacheMaxMemorySize: 0 } : {}),
  };
}

/**
 * Every production build also writes a self-contained server into `<distDir>/standalone`: the
 * files each route needs traced out of node_modules, for a container or a machine without the
 * project (`npm run standalone` completes it, docs/decisions/0026). Only the build asks for it:
 * `next start` would otherwise warn that it is the wrong way to serve such a build, and
 * `npm start` serves it as before. The tracing root is this project, so the server lands at the
 * top of that directory wherever the checkout sits.
 */
const standaloneOutput: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: path.resolve(__dirname),
};
