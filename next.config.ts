import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  // A separate output directory lets two builds (e.g. tests and a bench) run side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The dev server listens on 127.0.0.1; browsers may reach it as localhost too.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  typedRoutes: false,
};

export default nextConfig;
