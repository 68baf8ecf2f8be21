import type { NextConfig } from 'next';

const isDev = process.env.NODE_ENV !== 'production';

/**
 * The Content-Security-Policy every response carries. Inline scripts are allowed because Next
 * streams its page data in inline <script> tags and nonces would force every public page to be
 * rendered per request (no caching); stored content can never add a script because bodies are
 * rendered from the content schema (see docs/decisions).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  // A separate output directory lets two builds (e.g. tests and a bench) run side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The dev server listens on 127.0.0.1; browsers may reach it as localhost too.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  typedRoutes: false,
  // Types are checked once, by `npm run typecheck` (a CI step of its own), not again by every build.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx when a role may not open a desk page.
    authInterrupts: true,
    // Regenerated public pages stay in memory: after a restart Next would otherwise serve pages
    // from disk without knowing which were expired (an unpublished story could reappear).
    isrFlushToDisk: false,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
