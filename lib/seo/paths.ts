/**
 * The public URL contract (docs/product.md §5) in one place, so links, canonical URLs, feeds and sitemaps
 * cannot drift apart. Slugs keep their Arabic letters and are percent-encoded once here.
 */

function withPage(path: string, page: number | undefined): string {
  return page && page > 1 ? `${path}?page=${page}` : path;
}

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

export function sectionPath(slug: string, page?: number): string {
  return withPage(`/sections/${encodeURIComponent(slug)}`, page);
}

export function sectionFeedPath(slug: string): string {
  return `/sections/${encodeURIComponent(slug)}/feed.xml`;
}

export function tagPath(slug: string, page?: number): string {
  return withPage(`/tags/${encodeURIComponent(slug)}`, page);
}

export function authorPath(id: number, page?: number): string {
  return withPage(`/authors/${id}`, page);
}

/** Uploaded media are served under /media by their server-generated storage key. */
export function mediaPath(storageKey: string): string {
  return `/media/${storageKey.split('/').map(encodeURIComponent).join('/')}`;
}

/** The corrections page: corrections published on visible stories, newest first. */
export function correctionsPath(page?: number): string {
  return withPage('/corrections', page);
}

export const FEED_PATH = '/feed.xml';
export const SITEMAP_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';
export const SEARCH_PATH = '/search';
/** What the site counts of readers, and what it does not (docs/decisions/0033). */
export const PRIVACY_PATH = '/privacy';
/** The site's default share image and publisher logo (drawn by the server, no upload needed). */
export const SITE_CARD_PATH = '/brand/card.png';
export const SITE_LOGO_PATH = '/brand/logo.png';
export const SITE_CARD_SIZE = { width: 1200, height: 630 } as const;
export const SITE_LOGO_SIZE = { width: 512, height: 512 } as const;

/** The content API (docs/api.md): one story's address there. */
export const API_ROOT = '/api/v1';

export function apiArticlePath(slug: string): string {
  return `${API_ROOT}/articles/${encodeURIComponent(slug)}`;
}
