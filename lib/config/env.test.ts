import { describe, expect, it } from 'vitest';
import { ar } from '../../i18n/ar';
import { en } from '../../i18n/en';
import { deskContentSecurityPolicy, newNonce, publicContentSecurityPolicy, usesNoncePolicy } from './csp';
import { cliLocale, parseEnv, wantsHsts, type AppConfig, type ConfigProblem, type EnvSource } from './env';
import { describeConfigProblems } from './messages';
import { ConfigError, configFrom } from './server';

const GOOD_DEPLOYMENT: EnvSource = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://midad:s3cret@db.internal:5432/midad',
  DATABASE_POOL_SIZE: '20',
  AUTH_SECRET: 'x'.repeat(32),
  SITE_URL: 'https://news.example.org',
  TRUSTED_PROXIES: '2',
  MEDIA_DIR: '/srv/midad/media',
  PORT: '8080',
};

function config(env: EnvSource, deployment = false): AppConfig {
  const result = parseEnv(env, { deployment });
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.config;
}

function problems(env: EnvSource, deployment = false): ConfigProblem[] {
  const result = parseEnv(env, { deployment });
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
}

const codes = (env: EnvSource, deployment = false) => problems(env, deployment).map((p) => `${p.variable}:${p.code}`);

describe('the configuration schema', () => {
  it('gives development defaults for an empty environment', () => {
    expect(config({})).toEqual({
      nodeEnv: undefined,
      databaseUrl: undefined,
      databaseReplicaUrls: [],
      pgliteDir: '.data/pglite',
      databasePoolSize: 10,
      authSecret: undefined,
      siteUrl: undefined,
      trustedProxies: 0,
      mediaDir: '.data/media',
      mediaStorage: { kind: 'local' },
      port: undefined,
      nextDistDir: '.next',
      locale: undefined,
      buildPhase: false,
      redisUrl: undefined,
      apiRateLimits: { anonymous: 60, key: 600 },
      viewsFlushSeconds: 10,
      edgeCache: { kind: 'none' },
      surrogateHeaders: [],
    });
  });

  it('reads the content API rate limits, and refuses zero or words', () => {
    expect(config({ API_RATE_LIMIT_ANONYMOUS: '30', API_RATE_LIMIT_KEY: '5000' }).apiRateLimits).toEqual({ anonymous: 30, key: 5000 });
    for (const value of ['0', 'many', '-5', '1000000']) expect(codes({ API_RATE_LIMIT_KEY: value }), value).toEqual(['API_RATE_LIMIT_KEY:integer']);
  });

  it('reads how often views are written, from a second to an hour', () => {
    expect(config({ VIEWS_FLUSH_SECONDS: '1' }).viewsFlushSeconds).toBe(1);
    for (const value of ['0', 'soon', '3601']) expect(codes({ VIEWS_FLUSH_SECONDS: value }), value).toEqual(['VIEWS_FLUSH_SECONDS:integer']);
  });

  it('reads a complete deployment', () => {
    expect(config(GOOD_DEPLOYMENT, true)).toMatchObject({
      nodeEnv: 'production',
      databaseUrl: 'postgres://midad:s3cret@db.internal:5432/midad',
      databasePoolSize: 20,
      authSecret: 'x'.repeat(32),
      siteUrl: 'https://news.example.org',
      trustedProxies: 2,
      mediaDir: '/srv/midad/media',
      port: 8080,
    });
  });

  it('treats blank values as unset and trims the others', () => {
    expect(config({ DATABASE_URL: '', PGLITE_DIR: '  ', TRUSTED_PROXIES: ' 1 ', SITE_URL: ' http://localhost:3000/ ' })).toMatchObject({
      databaseUrl: undefined,
      pgliteDir: '.data/pglite',
      trustedProxies: 1,
      siteUrl: 'http://localhost:3000',
    });
  });

  it('accepts both PostgreSQL schemes and the trusted-proxy bounds', () => {
    expect(config({ DATABASE_URL: 'postgresql://h/db', TRUSTED_PROXIES: '0' }).trustedProxies).toBe(0);
    expect(config({ TRUSTED_PROXIES: '10' }).trustedProxies).toBe(10);
    expect(config({ DATABASE_POOL_SIZE: '1' }).databasePoolSize).toBe(1);
  });

  it('reads the read replicas of the PostgreSQL server, and refuses them without one', () => {
    const primary = 'postgres://midad:s3cret@db.internal:5432/midad';
    expect(config({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r1.internal/midad, postgresql://r2.internal/midad' }).databaseReplicaUrls).toEqual([
      'postgres://r1.internal/midad',
      'postgresql://r2.internal/midad',
    ]);
    expect(codes({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r1.internal/midad, mysql://r2' })).toEqual(['DATABASE_REPLICA_URLS:databaseUrl']);
    expect(codes({ DATABASE_REPLICA_URLS: 'postgres://r1.internal/midad' })).toEqual(['DATABASE_REPLICA_URLS:replicasNeedPrimary']);
  });

  it('reads a Redis address for the shared cache, and refuses anything else', () => {
    expect(config({ REDIS_URL: 'redis://10.0.0.5:6379/2' }).redisUrl).toBe('redis://10.0.0.5:6379/2');
    expect(config({ REDIS_URL: 'rediss://:secret@cache.internal:6380' }).redisUrl).toBe('rediss://:secret@cache.internal:6380');
    for (const value of ['127.0.0.1:6379', 'http://cache.internal', 'redis://']) expect(codes({ REDIS_URL: value }), value).toEqual(['REDIS_URL:redisUrl']);
  });

  it('reads the edge cache, its settings and the header its keys travel in', () => {
    expect(config({ EDGE_CACHE: 'varnish', VARNISH_PURGE_URLS: 'http://10.0.0.7:6081, http://10.0.0.8:6081' })).toMatchObject({
      edgeCache: { kind: 'varnish', purgeUrls: ['http://10.0.0.7:6081', 'http://10.0.0.8:6081'] },
      surrogateHeaders: ['xkey'],
    });
    expect(config({ EDGE_CACHE: 'fastly', FASTLY_SERVICE_ID: 'svc', FASTLY_API_TOKEN: 'tok' })).toMatchObject({
      edgeCache: { kind: 'fastly', serviceId: 'svc', apiToken: 'tok', apiUrl: 'https://api.fastly.com' },
      surrogateHeaders: ['surrogate-key'],
    });
    expect(config({ EDGE_CACHE: 'cloudflare', CLOUDFLARE_ZONE_ID: 'z', CLOUDFLARE_API_TOKEN: 't', CLOUDFLARE_API_URL: 'http://127.0.0.1:9/client/v4' })).toMatchObject({
      edgeCache: { kind: 'cloudflare', zoneId: 'z', apiToken: 't', apiUrl: 'http://127.0.0.1:9/client/v4' },
      surrogateHeaders: ['cache-tag'],
    });
    // Keys for a cache that another system purges, or for more than one cache at once.
    expect(config({ SURROGATE_KEY_HEADERS: 'Surrogate-Key, cache-tag' }).surrogateHeaders).toEqual(['surrogate-key', 'cache-tag']);
    expect(config({ EDGE_CACHE: 'varnish', VARNISH_PURGE_URLS: 'http://v:6081', SURROGATE_KEY_HEADERS: 'none' }).surrogateHeaders).toEqual([]);
  });

  it('refuses an edge cache without what it needs, and malformed settings', () => {
    expect(codes({ EDGE_CACHE: 'varnish' })).toEqual(['VARNISH_PURGE_URLS:edgeCacheNeeds']);
    expect(codes({ EDGE_CACHE: 'fastly', FASTLY_API_TOKEN: 't' })).toEqual(['FASTLY_SERVICE_ID:edgeCacheNeeds']);
    expect(codes({ EDGE_CACHE: 'cloudflare' })).toEqual(['CLOUDFLARE_ZONE_ID:edgeCacheNeeds', 'CLOUDFLARE_API_TOKEN:edgeCacheNeeds']);
    expect(codes({ EDGE_CACHE: 'akamai' })).toEqual(['EDGE_CACHE:edgeCache']);
    expect(codes({ SURROGATE_KEY_HEADERS: 'xkey,x-tags' })).toEqual(['SURROGATE_KEY_HEADERS:surrogateHeaders']);
    expect(codes({ EDGE_CACHE: 'varnish', VARNISH_PURGE_URLS: 'varnish:6081' })).toEqual(['VARNISH_PURGE_URLS:httpUrls']);
    expect(codes({ FASTLY_API_URL: 'https://user:pw@api.fastly.com' })).toEqual(['FASTLY_API_URL:httpUrls']);
    // Every problem is a sentence in both languages.
    const problems = parseEnv({ EDGE_CACHE: 'cloudflare' }, { deployment: false });
    expect(problems.ok).toBe(false);
    if (!problems.ok) {
      for (const locale of ['ar', 'en'] as const) expect(describeConfigProblems(problems.problems, locale).join('\n')).toContain('CLOUDFLARE_ZONE_ID');
    }
  });

  it('keeps media on the local disk unless MEDIA_STORAGE=s3 names a bucket', () => {
    expect(config({ S3_BUCKET: 'ignored' }).mediaStorage).toEqual({ kind: 'local' });
    expect(config({ MEDIA_STORAGE: 'local' }).mediaStorage).toEqual({ kind: 'local' });
    // AWS: the SDK's own endpoint and credential chain, virtual-hosted addressing.
    expect(config({ MEDIA_STORAGE: 's3', S3_BUCKET: 'midad-media' }).mediaStorage).toEqual({
      kind: 's3',
      bucket: 'midad-media',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
      prefix: '',
    });
    // Another service: its endpoint, path-style by default, keys given, a prefix written loosely.
    expect(
      config({
        MEDIA_STORAGE: 's3',
        S3_BUCKET: 'media',
        S3_REGION: 'eu-central-1',
        S3_ENDPOINT: 'https://s3.example.net',
        S3_ACCESS_KEY_ID: 'AKIA',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_PREFIX: '/sites/news/',
      }).mediaStorage,
    ).toEqual({
      kind: 's3',
      bucket: 'media',
      region: 'eu-central-1',
      endpoint: 'https://s3.example.net',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
      prefix: 'sites/news/',
    });
    expect(config({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'https://s3.example.net', S3_FORCE_PATH_STYLE: 'false' }).mediaStorage).toMatchObject({ forcePathStyle: false });
    expect(config({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'TRUE' }).mediaStorage).toMatchObject({ forcePathStyle: true });
  });

  it('refuses object storage without a bucket, with half a key pair, or with malformed settings', () => {
    expect(codes({ MEDIA_STORAGE: 's3' })).toEqual(['S3_BUCKET:mediaStorageNeeds']);
    expect(codes({ MEDIA_STORAGE: 'minio' })).toEqual(['MEDIA_STORAGE:mediaStorage']);
    expect(codes({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'AKIA' })).toEqual(['S3_ACCESS_KEY_ID:s3KeyPair']);
    expect(codes({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 'hunter2' })).toEqual(['S3_SECRET_ACCESS_KEY:s3KeyPair']);
    expect(codes({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 's3.example.net' })).toEqual(['S3_ENDPOINT:httpUrls']);
    expect(codes({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe' })).toEqual(['S3_FORCE_PATH_STYLE:boolean']);
    for (const prefix of ['../media', 'a//b', 'a/./b', 'صور', 'a b']) {
      expect(codes({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_PREFIX: prefix }), prefix).toEqual(['S3_PREFIX:s3Prefix']);
    }
    // Refused together with the edge cache's problems, in the order of the variables.
    expect(codes({ MEDIA_STORAGE: 's3', EDGE_CACHE: 'varnish' })).toEqual(['S3_BUCKET:mediaStorageNeeds', 'VARNISH_PURGE_URLS:edgeCacheNeeds']);
    const found = problems({ MEDIA_STORAGE: 's3', S3_SECRET_ACCESS_KEY: 'hunter2' });
    for (const locale of ['ar', 'en'] as const) {
      const lines = describeConfigProblems(found, locale).join('\n');
      expect(lines).toContain('S3_BUCKET');
      expect(lines).toContain('S3_ACCESS_KEY_ID');
      expect(lines).not.toContain('hunter2');
      expect(lines).not.toMatch(/\{\w+\}/);
    }
  });

  it('notices the build phase', () => {
    expect(config({ NEXT_PHASE: 'phase-production-build' }).buildPhase).toBe(true);
    expect(config({ NEXT_PHASE: 'phase-production-server' }).buildPhase).toBe(false);
  });

  it.each([
    ['abc', 'integer'],
    ['-1', 'integer'],
    ['11', 'integer'],
    ['1.5', 'integer'],
    ['0x2', 'integer'],
  ])('refuses TRUSTED_PROXIES=%s', (value, code) => {
    expect(codes({ TRUSTED_PROXIES: value })).toEqual([`TRUSTED_PROXIES:${code}`]);
  });

  it.each(['ten', '0', '101', '10 connections', '1e2'])('refuses DATABASE_POOL_SIZE=%s', (value) => {
    expect(codes({ DATABASE_POOL_SIZE: value })).toEqual(['DATABASE_POOL_SIZE:integer']);
  });

  it.each(['mysql://u:p@h/db', 'http://db.example.org', 'db.example.org:5432', 'postgres://', 'postgres:///db'])(
    'refuses DATABASE_URL=%s',
    (value) => {
      expect(codes({ DATABASE_URL: value })).toEqual(['DATABASE_URL:databaseUrl']);
    },
  );

  it.each(['/news', 'news.example.org', 'ftp://news.example.org', 'https://news.example.org/ar', 'https://u:p@news.example.org', 'https://news.example.org/?a=1', 'javascript:alert(1)'])(
    'refuses SITE_URL=%s everywhere',
    (value) => {
      expect(codes({ SITE_URL: value })).toEqual(['SITE_URL:siteUrl']);
      expect(codes({ ...GOOD_DEPLOYMENT, SITE_URL: value }, true)).toEqual(['SITE_URL:siteUrl']);
    },
  );

  it('requires SITE_URL and a 32-character AUTH_SECRET for a deployment only', () => {
    const rest = { ...GOOD_DEPLOYMENT, SITE_URL: undefined, AUTH_SECRET: undefined };
    expect(codes(rest, true)).toEqual(['AUTH_SECRET:secretMissing', 'SITE_URL:siteUrlMissing']);
    expect(codes({ ...GOOD_DEPLOYMENT, AUTH_SECRET: 'x'.repeat(31) }, true)).toEqual(['AUTH_SECRET:secretShort']);
    expect(codes({ ...GOOD_DEPLOYMENT, AUTH_SECRET: '   ' }, true)).toEqual(['AUTH_SECRET:secretMissing']);
    expect(config(rest).siteUrl).toBeUndefined();
    expect(config({ AUTH_SECRET: 'short' }).authSecret).toBe('short');
  });

  it('refuses a deployment whose NODE_ENV is not production, but not an unset one', () => {
    expect(codes({ ...GOOD_DEPLOYMENT, NODE_ENV: 'development' }, true)).toEqual(['NODE_ENV:nodeEnvNotProduction']);
    expect(config({ ...GOOD_DEPLOYMENT, NODE_ENV: undefined }, true).nodeEnv).toBeUndefined();
    expect(codes({ NODE_ENV: 'prod' })).toEqual(['NODE_ENV:nodeEnv']);
    expect(codes({ MIDAD_LOCALE: 'fr' })).toEqual(['MIDAD_LOCALE:locale']);
  });

  it('reports every bad variable at once, one problem each, in a fixed order', () => {
    const bad = { SITE_URL: 'news', DATABASE_POOL_SIZE: 'many', AUTH_SECRET: 'abc', DATABASE_URL: 'mysql://x/y', TRUSTED_PROXIES: '99', PORT: '0' };
    expect(codes(bad, true)).toEqual([
      'DATABASE_URL:databaseUrl',
      'DATABASE_POOL_SIZE:integer',
      'AUTH_SECRET:secretShort',
      'SITE_URL:siteUrl',
      'TRUSTED_PROXIES:integer',
      'PORT:integer',
    ]);
  });

  it('never repeats a secret or a database address back', () => {
    const found = problems({ AUTH_SECRET: 'hunter2', DATABASE_URL: 'mysql://root:hunter2@h/db', TRUSTED_PROXIES: 'x' }, true);
    const lines = describeConfigProblems(found, 'en').join('\n');
    expect(lines).not.toContain('hunter2');
    expect(lines).toContain('“x”');
  });
});

describe('the configuration messages', () => {
  const bad = { ...GOOD_DEPLOYMENT, DATABASE_POOL_SIZE: 'ten', SITE_URL: '/relative', AUTH_SECRET: 'short', DATABASE_URL: 'mysql://h/db' };

  it('are one line per bad variable under a heading, in English', () => {
    const lines = describeConfigProblems(problems(bad, true), 'en');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(en.config.heading);
    expect(lines.slice(1)).toEqual([
      '  DATABASE_URL must be a PostgreSQL address such as postgres://USER:PASSWORD@HOST:5432/DATABASE (starting with postgres:// or postgresql://).',
      '  DATABASE_POOL_SIZE must be a whole number from 1 to 100 (it is “ten”).',
      '  AUTH_SECRET is shorter than 32 characters: create a longer one with openssl rand -base64 33.',
      '  SITE_URL must be an absolute http:// or https:// address with no path, such as https://news.example.org (it is “/relative”).',
    ]);
  });

  it('are translated into Arabic with every placeholder filled', () => {
    const lines = describeConfigProblems(problems(bad, true), 'ar');
    expect(lines[0]).toBe(ar.config.heading);
    expect(lines[2]).toContain('يجب أن تكون قيمة DATABASE_POOL_SIZE عدداً صحيحاً من 1 إلى 100');
    for (const line of lines) expect(line).not.toMatch(/\{\w+\}/);
  });

  it('have a sentence in both catalogues for every problem', () => {
    expect(Object.keys(ar.config.problems).sort()).toEqual(Object.keys(en.config.problems).sort());
  });
});

describe('the language of command-line messages', () => {
  it('follows MIDAD_LOCALE, then an Arabic LANG, else English', () => {
    expect(cliLocale({})).toBe('en');
    expect(cliLocale({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLocale({ LANG: 'ar_EG.UTF-8' })).toBe('ar');
    expect(cliLocale({ LANG: 'ar_EG.UTF-8', MIDAD_LOCALE: 'en' })).toBe('en');
    expect(cliLocale({ LANG: 'C.UTF-8', MIDAD_LOCALE: 'AR' })).toBe('ar');
    expect(cliLocale({ LANG: 'C', MIDAD_LOCALE: 'fr' })).toBe('en');
  });
});

describe('the server accessor', () => {
  it('throws the translated lines for a malformed value instead of guessing', () => {
    expect(() => configFrom({ TRUSTED_PROXIES: 'all' })).toThrow(ConfigError);
    expect(() => configFrom({ TRUSTED_PROXIES: 'all', MIDAD_LOCALE: 'ar' })).toThrow(/TRUSTED_PROXIES عدداً صحيحاً من 0 إلى 10/);
    expect(configFrom({ TRUSTED_PROXIES: '3' }).trustedProxies).toBe(3);
  });
});

describe('transport and content policies', () => {
  it('send HSTS only for an https public address', () => {
    expect(wantsHsts(config({ SITE_URL: 'https://news.example.org' }))).toBe(true);
    expect(wantsHsts(config({ SITE_URL: 'http://news.example.org' }))).toBe(false);
    expect(wantsHsts(config({}))).toBe(false);
  });

  it('give desk pages a nonce policy without inline scripts, and public pages the cacheable one', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const desk = deskContentSecurityPolicy(nonce, { development: false });
    const scriptSrc = desk.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(desk).toContain("frame-ancestors 'none'");
    expect(publicContentSecurityPolicy({ development: false })).toContain("script-src 'self' 'unsafe-inline'");
    expect(publicContentSecurityPolicy({ development: false })).not.toContain('unsafe-eval');
  });

  it('let public pages frame the embed providers\' frame hosts and nothing else, and desk pages nothing', () => {
    const frameSrc = (policy: string) => policy.split('; ').filter((d) => d.startsWith('frame-src'));
    expect(frameSrc(publicContentSecurityPolicy({ development: false }))).toEqual([
      'frame-src https://platform.twitter.com https://www.youtube-nocookie.com https://www.facebook.com https://www.instagram.com https://www.tiktok.com https://t.me',
    ]);
    expect(frameSrc(publicContentSecurityPolicy({ development: true }))).toHaveLength(1);
    expect(frameSrc(deskContentSecurityPolicy(newNonce(), { development: false }))).toEqual([]);
    // Nothing else is loosened: every other directive is the desk's, script-src aside.
    const others = (policy: string) => policy.split('; ').filter((d) => !d.startsWith('frame-src') && !d.startsWith('script-src'));
    expect(others(publicContentSecurityPolicy({ development: false }))).toEqual(others(deskContentSecurityPolicy(newNonce(), { development: false })));
    expect(publicContentSecurityPolicy({ development: false })).toContain("default-src 'self'");
    expect(publicContentSecurityPolicy({ development: false })).toContain("frame-ancestors 'none'");
  });

  it('apply the nonce policy to the desk and sign-in paths only', () => {
    for (const path of ['/desk', '/desk/', '/desk/articles/3', '/login']) expect(usesNoncePolicy(path)).toBe(true);
    for (const path of ['/', '/desktop', '/loginx', '/articles/desk', '/api/auth/session']) expect(usesNoncePolicy(path)).toBe(false);
  });
});
