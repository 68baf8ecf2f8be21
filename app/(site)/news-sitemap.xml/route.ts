import { connection } from 'next/server';
import { articlePath } from '@/lib/seo/paths';
import { buildNewsSitemap } from '@/lib/seo/sitemap';
import { absoluteUrl } from '@/lib/seo/site-url';
import { getNewsSitemapStories, getSiteChrome, renderTime } from '../_lib/data';
import { xmlResponse } from '../_lib/xml-response';

/** Google News sitemap: stories published in the last 48 hours. */
export async function GET(): Promise<Response> {
  await connection();
  const [{ settings }, stories] = await Promise.all([getSiteChrome(), getNewsSitemapStories()]);
  const body = buildNewsSitemap({
    publicationName: settings.siteName,
    language: 'ar',
    now: renderTime(),
    items: stories.map((s) => ({ url: absoluteUrl(articlePath(s.slug)), title: s.title, publishedAt: new Date(s.publishedAt) })),
  });
  return xmlResponse(body, 'application/xml');
}
