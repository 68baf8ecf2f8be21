import { connection } from 'next/server';
import { NEWS_SITEMAP_PATH, SITEMAP_PATH } from '@/lib/seo/paths';
import { buildRobotsTxt } from '@/lib/seo/sitemap';
import { absoluteUrl } from '@/lib/seo/site-url';

export async function GET(): Promise<Response> {
  // SITE_URL is read when the server runs, not when it was built.
  await connection();
  return new Response(buildRobotsTxt([absoluteUrl(SITEMAP_PATH), absoluteUrl(NEWS_SITEMAP_PATH)]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
