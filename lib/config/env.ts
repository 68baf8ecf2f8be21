import path from 'node:path';
import { z } from 'zod';
import { SURROGATE_HEADERS, type SurrogateHeader } from '../cache/public-headers';

/**
 * Every environment variable Midad reads, checked in one place. This module is pure: it parses
 * the values it is given and never reads process.env itself (see server.ts for the accessor).
 *
 * A blank value counts as unset, as it does for the shell and dotenv users who write `NAME=`.
 */

export const DEFAULT_PGLITE_DIR = path.join('.data', 'pglite');
export const DEFAULT_MEDIA_DIR = path.join('.data', 'media');
export const DEFAULT_DIST_DIR = '.next';
export const DEFAULT_POOL_SIZE = 10;
export const MIN_SECRET_LENGTH = 32;
export const POOL_SIZE_RANGE = { min: 1, max: 100 } as const;
export const TRUSTED_PROXIES_RANGE = { min: 0, max: 10 } as const;
export const PORT_RANGE = { min: 1, max: 65535 } as const;
/** Content-API requests a minute (docs/decisions/0030): per client address without a key, per key with one. */
export const API_RATE_LIMIT_RANGE = { min: 1, max: 999_999 } as const;
export const DEFAULT_API_RATE_LIMIT_ANONYMOUS = 60;
export const DEFAULT_API_RATE_LIMIT_KEY = 600;
/** Seconds between two writes of the views each server has counted (docs/decisions/0033). */
export const VIEWS_FLUSH_SECONDS_RANGE = { min: 1, max: 3600 } as const;
export const DEFAULT_VIEWS_FLUSH_SECONDS = 10;

/** The variables the schema reads, in the order problems are reported. */
export const ENV_VARIABLES = [
  'NODE_ENV',
  'DATABASE_URL',
  'DATABASE_REPLICA_URLS',
  'PGLITE_DIR',
  'DATABASE_POOL_SIZE',
  'AUTH_SECRET',
  'SITE_URL',
  'TRUSTED_PROXIES',
  'MEDIA_DIR',
  'MEDIA_STORAGE',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_FORCE_PATH_STYLE',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_PREFIX',
  'PORT',
  'NEXT_DIST_DIR',
  'MIDAD_LOCALE',
  'REDIS_URL',
  'API_RATE_LIMIT_ANONYMOUS',
  'API_RATE_LIMIT_KEY',
  'VIEWS_FLUSH_SECONDS',
  'EDGE_CACHE',
  'SURROGATE_KEY_HEADERS',
  'VARNISH_PURGE_URLS',
  'FASTLY_SERVICE_ID',
  'FASTLY_API_TOKEN',
  'FASTLY_API_URL',
  'CLOUDFLARE_ZONE_ID',
  'CLOUDFLARE_API_TOKEN',
  'CLOUDFLARE_API_URL',
  'NEXT_PHASE',
] as const;
export type EnvVariable = (typeof ENV_VARIABLES)[number];

/** Why a value was refused; each code is a sentence in the catalogues (config.problems). */
export const CONFIG_PROBLEM_CODES = [
  'nodeEnv',
  'nodeEnvNotProduction',
  'databaseUrl',
  'integer',
  'secretMissing',
  'secretShort',
  'siteUrlMissing',
  'siteUrl',
  'locale',
  'redisUrl',
  'edgeCache',
  'surrogateHeaders',
  'httpUrls',
  'edgeCacheNeeds',
  'replicasNeedPrimary',
  'mediaStorage',
  'mediaStorageNeeds',
  'boolean',
  's3Prefix',
  's3KeyPair',
  // Not a value's form: the build was made for the other kind of SITE_URL (see scripts/environment.ts).
  'buildHsts',
] as const;
export type ConfigProblemCode = (typeof CONFIG_PROBLEM_CODES)[number];

export interface ConfigProblem {
  variable: EnvVariable;
  code: ConfigProblemCode;
  /** Placeholders of the sentence. Never the value of a secret or of DATABASE_URL. */
  values: Record<string, string | number>;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test' | undefined;
  /** PostgreSQL server to use; when unset, the embedded database in `pgliteDir`. */
  databaseUrl: string | undefined;
  /** Streaming replicas of it that serve readers' pages, search and feeds; empty: the primary does. */
  databaseReplicaUrls: string[];
  pgliteDir: string;
  databasePoolSize: number;
  authSecret: string | undefined;
  /** The public origin (scheme, host, port), without a trailing slash; undefined when not configured. */
  siteUrl: string | undefined;
  /** How many reverse proxies in front of the app append to X-Forwarded-For and are trusted. */
  trustedProxies: number;
  mediaDir: string;
  /** Where uploaded images are kept: `mediaDir` on this machine, or an S3 bucket every node shares. */
  mediaStorage: MediaStorageConfig;
  port: number | undefined;
  nextDistDir: string;
  locale: 'ar' | 'en' | undefined;
  /** True while `next build` runs, when nothing may open the database. */
  buildPhase: boolean;
  /** A Redis server every node shares Next's cache through; unset: each process keeps its own. */
  redisUrl: string | undefined;
  /** Content-API requests a minute: per client address without a key, and per key. */
  apiRateLimits: { anonymous: number; key: number };
  /** Seconds between two writes of the views this server has counted. */
  viewsFlushSeconds: number;
  /** The HTTP cache in front, purged by surrogate key when readers' pages change. */
  edgeCache: EdgeCacheConfig;
  /** Response headers that carry the surrogate keys; by default the one the edge cache reads. */
  surrogateHeaders: SurrogateHeader[];
}

export const MEDIA_STORAGE_KINDS = ['local', 's3'] as const;
export const DEFAULT_S3_REGION = 'us-east-1';

export type MediaStorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      /** Unset: AWS's own endpoint for the region. */
      endpoint: string | undefined;
      /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>`. */
      forcePathStyle: boolean;
      /** Unset: the AWS SDK's default credential chain (AWS_* variables, ~/.aws, an instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** Prepended to every object name: empty, or ending with `/`. */
      prefix: string;
    };

export const EDGE_CACHE_KINDS = ['none', 'varnish', 'fastly', 'cloudflare'] as const;
export type EdgeCacheKind = (typeof EDGE_CACHE_KINDS)[number];

export type EdgeCacheConfig =
  | { kind: 'none' }
  /** Varnish servers to send PURGE requests to (their listening addresses, as seen from the app). */
  | { kind: 'varnish'; purgeUrls: string[] }
  | { kind: 'fastly'; serviceId: string; apiToken: string; apiUrl: string }
  | { kind: 'cloudflare'; zoneId: string; apiToken: string; apiUrl: string };

export const DEFAULT_FASTLY_API_URL = 'https://api.fastly.com';
export const DEFAULT_CLOUDFLARE_API_URL = 'https://api.cloudflare.com/client/v4';

/** The header each edge cache reads its keys from. */
const HEADER_OF: Record<EdgeCacheKind, SurrogateHeader[]> = {
  none: [],
  varnish: ['xkey'],
  fastly: ['surrogate-key'],
  cloudflare: ['cache-tag'],
};


export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface ParseOptions {
  /**
   * Apply what a deployment (`npm start`) needs on top of well-formed values: AUTH_SECRET of at
   * least 32 characters, an absolute SITE_URL, and NODE_ENV unset or production. Development and
   * the running server's own accessor check only that the values given are well formed.
   */
  deployment: boolean;
}

export type ParseResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

const blankToUndefined = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const optionalText = z.preprocess(blankToUndefined, z.string().optional());

function wholeNumber(range: { min: number; max: number }) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,6}$/, 'integer')
      .transform(Number)
      .pipe(z.number().min(range.min, 'integer').max(range.max, 'integer'))
      .optional(),
  );
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An http(s) origin and nothing else: a path, query or credentials would be silently dropped. */
function siteOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const httpUrl = z.preprocess(blankToUndefined, z.string().refine(isHttpUrl, 'httpUrls').optional());

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };

const booleanFlag = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((v) => v.toLowerCase())
    .refine((v) => v in BOOLEAN_WORDS, 'boolean')
    .transform((v) => BOOLEAN_WORDS[v]!)
    .optional(),
);

/**
 * Folders inside the bucket, written without a leading or trailing slash or with them: letters,
 * digits, `.`, `_`, `-` and `/`, no empty or dot-only segment. Stored ending with `/`.
 */
function s3Prefix(value: string): string | undefined {
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (!/^[A-Za-z0-9._\-/]{1,200}$/.test(trimmed)) return undefined;
  if (trimmed.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
  return `${trimmed}/`;
}

function schemaFor(options: ParseOptions) {
  const siteUrl = z.preprocess(
    blankToUndefined,
    options.deployment ? z.string({ error: 'siteUrlMissing' }).refine((v) => siteOrigin(v), 'siteUrl') : z.string().refine((v) => siteOrigin(v), 'siteUrl').optional(),
  );
  const authSecret = z.preprocess(
    blankToUndefined,
    options.deployment ? z.string({ error: 'secretMissing' }).min(MIN_SECRET_LENGTH, 'secretShort') : z.string().optional(),
  );
  const nodeEnv = z.preprocess(
    blankToUndefined,
    z
      .enum(['development', 'production', 'test'], { error: 'nodeEnv' })
      .refine((v) => !options.deployment || v === 'production', 'nodeEnvNotProduction')
      .optional(),
  );
  return z.object({
    NODE_ENV: nodeEnv,
    DATABASE_URL: z.preprocess(blankToUndefined, z.string().refine(isPostgresUrl, 'databaseUrl').optional()),
    DATABASE_REPLICA_URLS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform(commaList)
        .refine((urls) => urls.length > 0 && urls.every(isPostgresUrl), 'databaseUrl')
        .optional(),
    ),
    PGLITE_DIR: optionalText,
    DATABASE_POOL_SIZE: wholeNumber(POOL_SIZE_RANGE),
    AUTH_SECRET: authSecret,
    SITE_URL: siteUrl,
    TRUSTED_PROXIES: wholeNumber(TRUSTED_PROXIES_RANGE),
    MEDIA_DIR: optionalText,
    MEDIA_STORAGE: z.preprocess(blankToUndefined, z.enum(MEDIA_STORAGE_KINDS, { error: 'mediaStorage' }).optional()),
    S3_BUCKET: optionalText,
    S3_REGION: optionalText,
    S3_ENDPOINT: httpUrl,
    S3_FORCE_PATH_STYLE: booleanFlag,
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_PREFIX: z.preprocess(blankToUndefined, z.string().refine((v) => s3Prefix(v) !== undefined, 's3Prefix').optional()),
    PORT: wholeNumber(PORT_RANGE),
    NEXT_DIST_DIR: optionalText,
    MIDAD_LOCALE: z.preprocess(blankToUndefined, z.enum(['ar', 'en'], { error: 'locale' }).optional()),
    REDIS_URL: z.preprocess(blankToUndefined, z.string().refine(isRedisUrl, 'redisUrl').optional()),
    API_RATE_LIMIT_ANONYMOUS: wholeNumber(API_RATE_LIMIT_RANGE),
    API_RATE_LIMIT_KEY: wholeNumber(API_RATE_LIMIT_RANGE),
    VIEWS_FLUSH_SECONDS: wholeNumber(VIEWS_FLUSH_SECONDS_RANGE),
    EDGE_CACHE: z.preprocess(blankToUndefined, z.enum(EDGE_CACHE_KINDS, { error: 'edgeCache' }).optional()),
    SURROGATE_KEY_HEADERS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform((v) => commaList(v.toLowerCase()))
        .refine((names) => names.every((n) => n === 'none' || (SURROGATE_HEADERS as readonly string[]).includes(n)), 'surrogateHeaders')
        .transform((names) => names.filter((n): n is SurrogateHeader => n !== 'none'))
        .optional(),
    ),
    VARNISH_PURGE_URLS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform(commaList)
        .refine((urls) => urls.length > 0 && urls.every(isHttpUrl), 'httpUrls')
        .optional(),
    ),
    FASTLY_SERVICE_ID: optionalText,
    FASTLY_API_TOKEN: optionalText,
    FASTLY_API_URL: httpUrl,
    CLOUDFLARE_ZONE_ID: optionalText,
    CLOUDFLARE_API_TOKEN: optionalText,
    CLOUDFLARE_API_URL: httpUrl,
    NEXT_PHASE: optionalText,
  });
}

const RANGES: Partial<Record<EnvVariable, { min: number; max: number }>> = {
  DATABASE_POOL_SIZE: POOL_SIZE_RANGE,
  TRUSTED_PROXIES: TRUSTED_PROXIES_RANGE,
  PORT: PORT_RANGE,
  API_RATE_LIMIT_ANONYMOUS: API_RATE_LIMIT_RANGE,
  API_RATE_LIMIT_KEY: API_RATE_LIMIT_RANGE,
  VIEWS_FLUSH_SECONDS: VIEWS_FLUSH_SECONDS_RANGE,
};

/** Values that may be repeated back to the operator: never a secret or a URL that may hold a password. */
const ECHOED: ReadonlySet<EnvVariable> = new Set([
  'NODE_ENV',
  'DATABASE_POOL_SIZE',
  'SITE_URL',
  'TRUSTED_PROXIES',
  'PORT',
  'MIDAD_LOCALE',
  'API_RATE_LIMIT_ANONYMOUS',
  'API_RATE_LIMIT_KEY',
  'VIEWS_FLUSH_SECONDS',
  'EDGE_CACHE',
  'SURROGATE_KEY_HEADERS',
  'MEDIA_STORAGE',
  'S3_BUCKET',
  'S3_REGION',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
]);

function isProblemCode(message: string): message is ConfigProblemCode {
  return (CONFIG_PROBLEM_CODES as readonly string[]).includes(message);
}

/** Checks every variable at once and reports at most one problem per variable. */
export function parseEnv(env: EnvSource, options: ParseOptions): ParseResult {
  const source = Object.fromEntries(ENV_VARIABLES.map((name) => [name, env[name]]));
  const parsed = schemaFor(options).safeParse(source);
  if (!parsed.success) {
    const problems = new Map<EnvVariable, ConfigProblem>();
    for (const issue of parsed.error.issues) {
      const variable = issue.path[0] as EnvVariable;
      if (problems.has(variable)) continue;
      const code: ConfigProblemCode = isProblemCode(issue.message) ? issue.message : 'integer';
      const raw = String(env[variable] ?? '').trim();
      const values: Record<string, string | number> = { name: variable, ...RANGES[variable], minLength: MIN_SECRET_LENGTH };
      if (ECHOED.has(variable)) values.value = raw;
      problems.set(variable, { variable, code, values });
    }
    return { ok: false, problems: ENV_VARIABLES.flatMap((name) => problems.get(name) ?? []) };
  }
  const v = parsed.data;
  if (v.DATABASE_REPLICA_URLS && !v.DATABASE_URL) {
    return { ok: false, problems: [{ variable: 'DATABASE_REPLICA_URLS', code: 'replicasNeedPrimary', values: { name: 'DATABASE_REPLICA_URLS' } }] };
  }
  const edge = edgeCacheFrom(v);
  const storage = mediaStorageFrom(v);
  if (!edge.ok || !storage.ok) {
    const found = [...(edge.ok ? [] : edge.problems), ...(storage.ok ? [] : storage.problems)];
    return { ok: false, problems: found.sort((x, y) => ENV_VARIABLES.indexOf(x.variable) - ENV_VARIABLES.indexOf(y.variable)) };
  }
  return {
    ok: true,
    config: {
      nodeEnv: v.NODE_ENV,
      databaseUrl: v.DATABASE_URL,
      databaseReplicaUrls: v.DATABASE_REPLICA_URLS ?? [],
      pgliteDir: v.PGLITE_DIR ?? DEFAULT_PGLITE_DIR,
      databasePoolSize: v.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE,
      authSecret: v.AUTH_SECRET,
      siteUrl: v.SITE_URL === undefined ? undefined : siteOrigin(v.SITE_URL),
      trustedProxies: v.TRUSTED_PROXIES ?? TRUSTED_PROXIES_RANGE.min,
      mediaDir: v.MEDIA_DIR ?? DEFAULT_MEDIA_DIR,
      mediaStorage: storage.config,
      port: v.PORT,
      nextDistDir: v.NEXT_DIST_DIR ?? DEFAULT_DIST_DIR,
      locale: v.MIDAD_LOCALE,
      buildPhase: v.NEXT_PHASE === 'phase-production-build',
      redisUrl: v.REDIS_URL,
      apiRateLimits: {
        anonymous: v.API_RATE_LIMIT_ANONYMOUS ?? DEFAULT_API_RATE_LIMIT_ANONYMOUS,
        key: v.API_RATE_LIMIT_KEY ?? DEFAULT_API_RATE_LIMIT_KEY,
      },
      viewsFlushSeconds: v.VIEWS_FLUSH_SECONDS ?? DEFAULT_VIEWS_FLUSH_SECONDS,
      edgeCache: edge.config,
      surrogateHeaders: v.SURROGATE_KEY_HEADERS ?? HEADER_OF[edge.config.kind],
    },
  };
}

type EdgeSettings = Pick<
  z.infer<ReturnType<typeof schemaFor>>,
  | 'EDGE_CACHE'
  | 'VARNISH_PURGE_URLS'
  | 'FASTLY_SERVICE_ID'
  | 'FASTLY_API_TOKEN'
  | 'FASTLY_API_URL'
  | 'CLOUDFLARE_ZONE_ID'
  | 'CLOUDFLARE_API_TOKEN'
  | 'CLOUDFLARE_API_URL'
>;

/** The edge cache's settings, each required by the kind chosen reported if missing. */
function edgeCacheFrom(v: EdgeSettings): { ok: true; config: EdgeCacheConfig } | { ok: false; problems: ConfigProblem[] } {
  const kind = v.EDGE_CACHE ?? 'none';
  const needed = (variables: [EnvVariable, string | readonly string[] | undefined][]) =>
    variables
      .filter(([, value]) => value === undefined)
      .map(([variable]): ConfigProblem => ({ variable, code: 'edgeCacheNeeds', values: { name: variable, edge: kind } }));
  let problems: ConfigProblem[] = [];
  let config: EdgeCacheConfig = { kind: 'none' };
  if (kind === 'varnish') {
    problems = needed([['VARNISH_PURGE_URLS', v.VARNISH_PURGE_URLS]]);
    config = { kind, purgeUrls: v.VARNISH_PURGE_URLS ?? [] };
  } else if (kind === 'fastly') {
    problems = needed([
      ['FASTLY_SERVICE_ID', v.FASTLY_SERVICE_ID],
      ['FASTLY_API_TOKEN', v.FASTLY_API_TOKEN],
    ]);
    config = { kind, serviceId: v.FASTLY_SERVICE_ID ?? '', apiToken: v.FASTLY_API_TOKEN ?? '', apiUrl: v.FASTLY_API_URL ?? DEFAULT_FASTLY_API_URL };
  } else if (kind === 'cloudflare') {
    problems = needed([
      ['CLOUDFLARE_ZONE_ID', v.CLOUDFLARE_ZONE_ID],
      ['CLOUDFLARE_API_TOKEN', v.CLOUDFLARE_API_TOKEN],
    ]);
    config = { kind, zoneId: v.CLOUDFLARE_ZONE_ID ?? '', apiToken: v.CLOUDFLARE_API_TOKEN ?? '', apiUrl: v.CLOUDFLARE_API_URL ?? DEFAULT_CLOUDFLARE_API_URL };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

type StorageSettings = Pick<
  z.infer<ReturnType<typeof schemaFor>>,
  'MEDIA_STORAGE' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ENDPOINT' | 'S3_FORCE_PATH_STYLE' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_PREFIX'
>;

/** The media storage's settings: S3 needs a bucket, and access keys come in pairs or not at all. */
function mediaStorageFrom(v: StorageSettings): { ok: true; config: MediaStorageConfig } | { ok: false; problems: ConfigProblem[] } {
  if ((v.MEDIA_STORAGE ?? 'local') === 'local') return { ok: true, config: { kind: 'local' } };
  const problems: ConfigProblem[] = [];
  if (v.S3_BUCKET === undefined) problems.push({ variable: 'S3_BUCKET', code: 'mediaStorageNeeds', values: { name: 'S3_BUCKET', storage: 's3' } });
  const keyId = v.S3_ACCESS_KEY_ID;
  const secret = v.S3_SECRET_ACCESS_KEY;
  if (keyId !== undefined && secret === undefined) {
    problems.push({ variable: 'S3_ACCESS_KEY_ID', code: 's3KeyPair', values: { name: 'S3_ACCESS_KEY_ID', other: 'S3_SECRET_ACCESS_KEY' } });
  } else if (keyId === undefined && secret !== undefined) {
    problems.push({ variable: 'S3_SECRET_ACCESS_KEY', code: 's3KeyPair', values: { name: 'S3_SECRET_ACCESS_KEY', other: 'S3_ACCESS_KEY_ID' } });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      kind: 's3',
      bucket: v.S3_BUCKET!,
      region: v.S3_REGION ?? DEFAULT_S3_REGION,
      endpoint: v.S3_ENDPOINT,
      // Services other than AWS (MinIO, Ceph, Swift…) mostly answer only path-style requests.
      forcePathStyle: v.S3_FORCE_PATH_STYLE ?? v.S3_ENDPOINT !== undefined,
      credentials: keyId !== undefined && secret !== undefined ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
      prefix: v.S3_PREFIX === undefined ? '' : s3Prefix(v.S3_PREFIX)!,
    },
  };
}

/**
 * The language of messages printed by the command-line scripts: MIDAD_LOCALE when it is ar or
 * en, else Arabic when LANG names an Arabic locale (ar, ar_EG.UTF-8, …), else English — the
 * language most server operators read in a terminal.
 */
export function cliLocale(env: EnvSource): 'ar' | 'en' {
  const chosen = env.MIDAD_LOCALE?.trim().toLowerCase();
  if (chosen === 'ar' || chosen === 'en') return chosen;
  return env.LANG?.trim().toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** Whether responses should carry Strict-Transport-Security: only when the public origin is https. */
export function wantsHsts(config: Pick<AppConfig, 'siteUrl'>): boolean {
  return config.siteUrl?.startsWith('https://') ?? false;
}

export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';
