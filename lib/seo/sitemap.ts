import { element, XML_DECLARATION } from './xml';

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
}

/** The sitemaps.org protocol caps one file at 50 000 URLs. */
export const SITEMAP_MAX_URLS = 50_000;

export function buildSitemap(entries: SitemapEntry[]): string {
  const lines = [XML_DECLARATION, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries.slice(0, SITEMAP_MAX_URLS)) {
    lines.push('<url>', element('loc', entry.url));
    if (entry.lastModified) lines.push(element('lastmod', entry.lastModified.toISOString()));
    lines.push('</url>');
  }
  lines.push('</urlset>');
  return lines.join('\n') + '\n';
}

export interface NewsSitemapItem {
  url: string;
  title: string;
  publishedAt: Date;
}

/** Google News sitemaps list stories from the last two days only, at most 1 000 of them. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX_URLS = 1000;

/**
 * A Google News sitemap. Items outside the 48-hour window before `now` are left out here, so the
 * rule holds whatever list the caller passes (a cached list may be a little older than `now`).
 */
export function buildNewsSitemap(input: {
  publicationName: string;
  language: string;
  items: NewsSitemapItem[];
  now: Date;
}): string {
  const oldest = input.now.getTime() - NEWS_SITEMAP_WINDOW_MS;
  const items = input.items
    .filter((item) => item.publishedAt.getTime() >= oldest && item.publishedAt.getTime() <= input.now.getTime())
    .slice(0, NEWS_SITEMAP_MAX_URLS);
  const lines = [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ];
  for (const item of items) {
    lines.push(
      '<url>',
      element('loc', item.url),
      '<news:news>',
      '<news:publication>',
      element('news:name', input.publicationName),
      element('news:language', input.language),
      '</news:publication>',
      element('news:publication_date', item.publishedAt.toISOString()),
      element('news:title', item.title),
      '</news:news>',
      '</url>',
    );
  }
  lines.push('</urlset>');
  return lines.join('\n') + '\n';
}

/** robots.txt: readers' pages open to crawlers; the desk, sign-in, APIs and search result pages not. */
export function buildRobotsTxt(sitemaps: string[]): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /desk',
    'Disallow: /login',
    'Disallow: /api/',
    // Result pages for arbitrary queries are endless and thin; the articles they point to are in the sitemap.
    'Disallow: /search',
    '',
    ...sitemaps.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}
