import 'server-only';

/**
 * Feeds and sitemaps are rebuilt from cached data on each request. Shared caches may keep a copy
 * but must check back every time, so a story that is unpublished disappears from them at once.
 */
export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${contentType}; charset=utf-8`,
      'Cache-Control': 'public, max-age=0, must-revalidate',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function notFoundResponse(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
