import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** next.config.ts as `next build` would load it with this environment. */
async function loadNextConfig(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import('../../next.config')).default('phase-production-server');
}

async function headersFor(env: Record<string, string | undefined>) {
  const config = await loadNextConfig(env);
  return (await config.headers!()).map((rule) => ({ source: rule.source, keys: rule.headers.map((h) => h.key) }));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('next.config.ts', () => {
  it('adds HSTS to every path when SITE_URL is https', async () => {
    const rules = await headersFor({ NODE_ENV: 'production', SITE_URL: 'https://news.example.org' });
    expect(rules.find((r) => r.source === '/:path*')!.keys).toContain('Strict-Transport-Security');
  });

  it('sends no HSTS for an http SITE_URL or none', async () => {
    for (const site of ['http://news.example.org', undefined]) {
      const rules = await headersFor({ NODE_ENV: 'production', SITE_URL: site });
      expect(rules.flatMap((r) => r.keys)).not.toContain('Strict-Transport-Security');
    }
  });

  it('leaves the Content-Security-Policy of desk and sign-in pages to the proxy', async () => {
    const rules = await headersFor({ NODE_ENV: 'production' });
    const csp = rules.filter((r) => r.keys.includes('Content-Security-Policy'));
    expect(csp).toHaveLength(1);
    const pattern = new RegExp(`^${csp[0]!.source.replace(/^\//, '\\/')}$`);
    for (const path of ['/', '/articles/x', '/desktop', '/loginx', '/api/health']) expect(path).toMatch(pattern);
    for (const path of ['/desk', '/desk/articles/1', '/login']) expect(path).not.toMatch(pattern);
  });

  it('switches the image optimiser off', async () => {
    expect((await loadNextConfig({})).images).toEqual({ unoptimized: true });
  });

  it('stops on a malformed variable with its line', async () => {
    await expect(loadNextConfig({ DATABASE_POOL_SIZE: 'lots', MIDAD_LOCALE: 'en' })).rejects.toThrow(/DATABASE_POOL_SIZE must be a whole number/);
  });
});

describe('next.config.ts for each phase', () => {
  async function forPhase(phase: string) {
    vi.resetModules();
    return (await import('../../next.config')).default(phase);
  }

  it('caches through Midad’s handler on a production server, and not in development', async () => {
    expect((await forPhase('phase-production-server')).cacheHandler).toMatch(/\.next-cache-handler\/cache-handler\.cjs$/);
    expect((await forPhase('phase-development-server')).cacheHandler).toBeUndefined();
  });

  it('writes a standalone server with a production build, traced from the project, but leaves `next start` as it was', async () => {
    const build = await forPhase('phase-production-build');
    expect(build.output).toBe('standalone');
    expect(build.outputFileTracingRoot).toBe(path.resolve(__dirname, '..', '..'));
    expect((await forPhase('phase-production-server')).output).toBeUndefined();
    expect((await forPhase('phase-development-server')).output).toBeUndefined();
  });

  it('serves `/`, feeds, sitemaps and listings from parametrised routes', async () => {
    const rewrites = await (await forPhase('phase-production-server')).rewrites!();
    expect(Array.isArray(rewrites) ? rewrites : (rewrites.beforeFiles ?? []).map((r) => `${r.source} → ${r.destination}`)).toContain('/ → /front/home');
  });
});
