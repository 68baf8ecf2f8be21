import 'server-only';
import type { Metadata } from 'next';
import { absoluteUrl, siteOrigin } from '@/lib/seo/site-url';
import { format, getMessages } from '@/i18n';
import { FEED_PATH, SITE_CARD_PATH, SITE_CARD_SIZE } from '@/lib/seo/paths';
import { formatNumber, type DigitStyle } from '@/lib/format/formatter';

/** Open Graph expects a locale in language_TERRITORY form; Arabic news without a territory is ar_AR by convention. */
const OG_LOCALE = 'ar_AR';

/** The head of a page that is not there: the not-found title, and no indexing. */
export function notFoundMetadata(): Metadata {
  return { title: getMessages().errors.notFoundTitle, robots: { index: false } };
}

/** A listing's title, with «الصفحة n» after it past the first page, in the site's digits. */
export function pagedTitle(name: string, page: number, digits: DigitStyle): string {
  return page > 1 ? `${name} ${format(getMessages().reader.pageTitleSuffix, { page: formatNumber(page, digits) })}` : name;
}

export function siteCard() {
  return { url: absoluteUrl(SITE_CARD_PATH), ...SITE_CARD_SIZE };
}

/**
 * The RSS links every page advertises. A page that sets `alternates` (for its canonical URL)
 * replaces the layout's whole `alternates`, so pages add these back themselves.
 */
export function feedAlternates(siteName: string, extra: { url: string; title: string }[] = []) {
  return {
    'application/rss+xml': [{ url: FEED_PATH, title: format(getMessages().reader.feedTitle, { site: siteName }) }, ...extra],
  };
}

/**
 * Metadata for a listing page (home, section, tag, author): title, description, canonical URL and
 * the social cards, all with absolute URLs built from SITE_URL.
 */
export function listingMetadata(options: {
  title: string;
  /** Use the title as it is, without the "— site name" suffix (the home page). */
  absoluteTitle?: boolean;
  description: string;
  path: string;
  siteName: string;
}): Metadata {
  const url = absoluteUrl(options.path);
  const image = siteCard();
  return {
    title: options.absoluteTitle ? { absolute: options.title } : options.title,
    description: options.description,
    alternates: { canonical: url, types: feedAlternates(options.siteName) },
    openGraph: {
      type: 'website',
      url,
      title: options.title,
      description: options.description,
      siteName: options.siteName,
      locale: OG_LOCALE,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: options.title, description: options.description, images: [image.url] },
  };
}

export { OG_LOCALE, siteOrigin };
