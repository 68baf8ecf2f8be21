import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudflareEdgeCache } from './cloudflare';
import { edgeCacheFor, noEdgeCache, PurgeError } from './edge-cache';
import { fastlyEdgeCache } from './fastly';

/*
 * The CDN purgers against a local HTTP server that checks each request against the CDN's documented
 * API — method, path, authentication, batch size, soft purge — answers as the CDN would, and can
 * refuse with a rate limit first. (Varnish is tested against a real varnishd: e2e/varnish.spec.ts.)
 */

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Answer = { status: number; headers?: Record<string, string>; body?: string };

let server: http.Server | undefined;

/** A checker on a free port from 3350 on; `answer` decides each reply, `seen` records each request. */
async function apiChecker(answer: (request: Seen, index: number) => Answer): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const reply = answer(request, seen.length - 1);
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '{"status":"ok"}');
    });
  });
  for (let port = 3350; port < 3360; port++) {
    const listening = await new Promise<boolean>((resolve) => {
      server!.once('error', () => resolve(false));
      server!.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  }
  throw new Error('no free port from 3350 to 3359');
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

const keys = (n: number) => Array.from({ length: n }, (_, i) => `site:article:${i + 1}`);

describe('Fastly', () => {
  /** What Fastly's purge-by-key endpoint requires; the reason it would refuse, or null. */
  function fastlyRefusal(request: Seen): string | null {
    if (request.method !== 'POST') return `method ${request.method}`;
    if (request.path !== '/service/SU1Z0isxPaozGVKXdv0eY/purge') return `path ${request.path}`;
    if (request.headers['fastly-key'] !== 'fastly-token') return 'token';
    const requested = String(request.headers['surrogate-key'] ?? '').split(' ').filter(Boolean);
    if (requested.length === 0 || requested.length > 256) return `${requested.length} keys`;
    if (request.headers['fastly-soft-purge'] !== '1') return 'not a soft purge';
    return null;
  }

  it('purges by surrogate key in batches of at most 256, softly, with the token', async () => {
    const api = await apiChecker((request) => {
      const refusal = fastlyRefusal(request);
      return refusal ? { status: 400, body: JSON.stringify({ msg: refusal }) } : { status: 200 };
    });
    const cdn = fastlyEdgeCache({ kind: 'fastly', serviceId: 'SU1Z0isxPaozGVKXdv0eY', apiToken: 'fastly-token', apiUrl: api.url });
    await cdn.purge(keys(600));
    expect(api.seen.map(fastlyRefusal)).toEqual([null, null, null]);
    const sent = api.seen.flatMap((r) => String(r.headers['surrogate-key']).split(' '));
    expect(sent).toEqual(keys(600));
  });

  it('tries again after a rate limit, and gives up on a refusal', async () => {
    const api = await apiChecker((_, index) => (index === 0 ? { status: 429, headers: { 'Retry-After': '0' } } : { status: 200 }));
    const cdn = fastlyEdgeCache({ kind: 'fastly', serviceId: 'SU1Z0isxPaozGVKXdv0eY', apiToken: 'fastly-token', apiUrl: api.url });
    await cdn.purge(['site:latest']);
    expect(api.seen).toHaveLength(2);

    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    const refusing = await apiChecker(() => ({ status: 401, body: '{"msg":"Provided credentials are missing or invalid"}' }));
    const wrong = fastlyEdgeCache({ kind: 'fastly', serviceId: 'x', apiToken: 'bad', apiUrl: refusing.url });
    await expect(wrong.purge(['site:latest'])).rejects.toBeInstanceOf(PurgeError);
    expect(refusing.seen).toHaveLength(1);
  });
});

describe('Cloudflare', () => {
  function cloudflareRefusal(request: Seen): string | null {
    if (request.method !== 'POST') return `method ${request.method}`;
    if (request.path !== '/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache') return `path ${request.path}`;
    if (request.headers.authorization !== 'Bearer cf-token') return 'token';
    if (!String(request.headers['content-type']).startsWith('application/json')) return 'content type';
    const body = JSON.parse(request.body) as { tags?: unknown };
    if (!Array.isArray(body.tags) || body.tags.length === 0 || body.tags.length > 100) return 'tags';
    if (Object.keys(body).length !== 1) return 'more than tags';
    return null;
  }

  const ok = { status: 200, body: JSON.stringify({ success: true, errors: [], messages: [], result: { id: 'x' } }) };

  it('purges by cache tag in batches of at most 100', async () => {
    const api = await apiChecker((request) => (cloudflareRefusal(request) ? { status: 400, body: '{"success":false}' } : ok));
    const cdn = cloudflareEdgeCache({ kind: 'cloudflare', zoneId: '023e105f4ecef8ad9ca31a8372d0c353', apiToken: 'cf-token', apiUrl: `${api.url}/client/v4` });
    await cdn.purge(keys(250));
    expect(api.seen.map(cloudflareRefusal)).toEqual([null, null, null]);
    expect(api.seen.flatMap((r) => (JSON.parse(r.body) as { tags: string[] }).tags)).toEqual(keys(250));
  });

  it('waits out a rate limit (429) as often as it takes within bounds, then sends the same tags again', async () => {
    const api = await apiChecker((request, index) =>
      index < 2 ? { status: 429, headers: { 'Retry-After': '0' }, body: '{"success":false,"errors":[{"code":971}]}' } : cloudflareRefusal(request) ? { status: 400 } : ok,
    );
    const cdn = cloudflareEdgeCache({ kind: 'cloudflare', zoneId: '023e105f4ecef8ad9ca31a8372d0c353', apiToken: 'cf-token', apiUrl: `${api.url}/client/v4` });
    await cdn.purge(['site:latest', 'site:section:2']);
    expect(api.seen).toHaveLength(3);
    expect(new Set(api.seen.map((r) => r.body)).size).toBe(1);
  });

  it('gives up after a few rate limits in a row, saying so', async () => {
    const api = await apiChecker(() => ({ status: 429, headers: { 'Retry-After': '0' } }));
    const cdn = cloudflareEdgeCache({ kind: 'cloudflare', zoneId: 'z', apiToken: 't', apiUrl: api.url });
    await expect(cdn.purge(['site:latest'])).rejects.toThrow(/cloudflare purge failed: HTTP 429/);
    expect(api.seen).toHaveLength(4);
  });
});

describe('edgeCacheFor', () => {
  it('builds the cache the configuration names, and nothing for none', async () => {
    expect(edgeCacheFor({ kind: 'none' })).toBe(noEdgeCache);
    expect(edgeCacheFor({ kind: 'varnish', purgeUrls: ['http://127.0.0.1:6081'] }).kind).toBe('varnish');
    expect(edgeCacheFor({ kind: 'fastly', serviceId: 's', apiToken: 't', apiUrl: 'https://api.fastly.com' }).kind).toBe('fastly');
    expect(edgeCacheFor({ kind: 'cloudflare', zoneId: 'z', apiToken: 't', apiUrl: 'https://api.cloudflare.com/client/v4' }).kind).toBe('cloudflare');
    await expect(noEdgeCache.purge(['site:all'])).resolves.toBeUndefined();
  });
});
