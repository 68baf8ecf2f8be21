import { format, getMessages } from '@/i18n';
import { articlePath, authorPath, FEED_PATH, sectionPath, tagPath, correctionsPath } from '@/lib/seo/paths';
import { buildNewsSitemap, buildSitemap, type SitemapEntry } from '@/lib/seo/sitemap';
import { absoluteUrl } from '@/lib/seo/site-url';
import { getBreakingNews, getFeedStories, getNewsSitemapStories, getSitemapData, getSiteChrome, renderTime } from '../../_lib/data';
import { renderFeed } from '../../_lib/feeds';
import { notFoundResponse, xmlResponse } from '../../_lib/xml-response';

/*
 * /feed.xml, /sitemap.xml and /news-sitemap.xml, which next.config.ts rewrites to /xml/<name>.
 * Routes without a URL parameter would be built by `next build`, which never opens the database;
 * as values of one they are generated on their first request and then served whole from Next's
 * cache, refreshed by tag like the pages (docs/decisions/0018).
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): never[] {
  return [];
}

const DOCUMENTS: Record<string, () => Promise<Response>> = {
  feed: siteFeed,
  sitemap: sitemap,
  'news-sitemap': newsSitemap,
};

export async function GET(_request: Request, { params }: { params: Promise<{ document: string }> }): Promise<Response> {
  const build = Object.hasOwn(DOCUMENTS, (await params).document) ? DOCUMENTS[(await params).document] : undefined;
  return build ? build() : notFoundResponse();
}

/** RSS 2.0 of the newest stories across the site. */
async function siteFeed(): Promise<Response> {
  const [{ settings }, stories, breaking] = await Promise.all([getSiteChrome(), getFeedStories(), getBreakingNews()]);
  const tr = getMessages().reader;
  const body = renderFeed({
    title: format(tr.feedTitle, { site: settings.siteName }),
    description: settings.siteDescription || format(tr.homeDescription, { site: settings.siteName }),
    pagePath: '/',
    feedPath: FEED_PATH,
    stories,
    breaking,
  });
  return xmlResponse(body, 'application/rss+xml');
}

/** Every public page: home, sections, published articles, the tags and authors that have them, and the corrections page. */
async function sitemap(): Promise<Response> {
  const data = await getSitemapData();
  const date = (iso: string | null) => (iso ? new Date(iso) : undefined);
  const newest = data.articles[0]?.lastModified ?? null;
  const entries: SitemapEntry[] = [
    { url: absoluteUrl('/'), lastModified: date(newest) },
    ...data.sections.map((s) => ({ url: absoluteUrl(sectionPath(s.slug)), lastModified: date(s.lastModified) })),
    ...data.articles.map((a) => ({ url: absoluteUrl(articlePath(a.slug)), lastModified: date(a.lastModified) })),
    ...data.tags.map((t) => ({ url: absoluteUrl(tagPath(t.slug)), lastModified: date(t.lastModified) })),
    ...data.authors.map((a) => ({ url: absoluteUrl(authorPath(a.id)), lastModified: date(a.lastModified) })),
    // The corrections page, once there is a correction on it.
    ...(data.latestCorrection ? [{ url: absoluteUrl(correctionsPath()), lastModified: date(data.latestCorrection) }] : []),
  ];
  return xmlResponse(buildSitemap(entries), 'application/xml');
}

/** Google News sitemap: stories published in the last 48 hours. */
async function newsSitemap(): Promise<Response> {
  const [{ settings }, stories] = await Promise.all([getSiteChrome(), getNewsSitemapStories()]);
  const body = buildNewsSitemap({
    publicationName: settings.siteName,
    language: 'ar',
    now: renderTime(),
    items: stories.map((s) => ({ url: absoluteUrl(articlePath(s.slug)), title: s.title, publishedAt: new Date(s.publishedAt) })),
  });
  return xmlResponse(body, 'application/xml');
}
