import 'server-only';

/**
 * Feeds and sitemaps are kept whole in Next's cache; the cache handler gives them the same
 * Cache-Control and surrogate keys as the pages (lib/server/next/cache-handler.ts).
 */
export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${contentType}; charset=utf-8`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function notFoundResponse(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
