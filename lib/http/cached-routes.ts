import { parsePageParam } from '../seo/pagination';

/*
 * Public addresses and the internal routes that serve them whole from Next's cache
 * (docs/decisions/0018). Next builds every route without a URL parameter at `next build`, which
 * never opens the database, and renders a page that reads `?page=` on every request; so `/`, the
 * site feed and the sitemaps are served from routes with one parameter, and a listing's page
 * number travels as its last path segment. Readers only ever see the public addresses.
 */

/** Listing pages: `/<kind>/<key>` and `/<kind>/<key>?page=N`, served by `/<kind>/<key>/<page>`. */
export const LISTING_KINDS = ['sections', 'tags', 'authors'] as const;

/** Listings with one address of their own: `/corrections` and `/corrections?page=N`, served by `/corrections/<page>`. */
export const SINGLE_LISTINGS = ['corrections'] as const;

/** Where a `?page=` value that is not a plain page number goes: page 0, which answers 404. */
const NO_SUCH_PAGE = '0';

interface Rewrite {
  source: string;
  destination: string;
  missing?: { type: 'query'; key: string }[];
}

/** next.config.ts rewrites (run before Next looks for a route) for every address without `?page=`. */
export function cachedRouteRewrites(): Rewrite[] {
  return [
    { source: '/', destination: '/front/home' },
    { source: '/:document(feed|sitemap|news-sitemap).xml', destination: '/xml/:document' },
    // Readers' notes: pages of fixed text (the privacy note).
    { source: '/:note(privacy)', destination: '/notes/:note' },
    ...LISTING_KINDS.map((kind) => ({
      source: `/${kind}/:key`,
      missing: [{ type: 'query' as const, key: 'page' }],
      destination: `/${kind}/:key/1`,
    })),
    ...SINGLE_LISTINGS.map((name) => ({
      source: `/${name}`,
      missing: [{ type: 'query' as const, key: 'page' }],
      destination: `/${name}/1`,
    })),
  ];
}

/** The proxy's matcher entries: listing addresses that carry `?page=`. */
export const PAGED_LISTING_MATCHERS = [
  ...LISTING_KINDS.map((kind) => ({ source: `/${kind}/:key`, has: [{ type: 'query' as const, key: 'page' }] })),
  ...SINGLE_LISTINGS.map((name) => ({ source: `/${name}`, has: [{ type: 'query' as const, key: 'page' }] })),
];

/**
 * The internal path for a listing address with `?page=`, or null when `pathname` is not one.
 * Every value of the parameter counts, as it did when pages read it: a repeated or malformed
 * `page` goes to a page that answers 404. `pathname` keeps its percent-escapes.
 */
export function pagedListingPath(pathname: string, pageValues: readonly string[]): string | null {
  if (pageValues.length === 0) return null;
  const listing = /^\/(sections|tags|authors)\/[^/]+$/.exec(pathname) ?? /^\/(corrections)$/.exec(pathname);
  if (!listing) return null;
  const page = parsePageParam(pageValues.length === 1 ? pageValues[0] : [...pageValues]);
  return `${pathname}/${page === null ? NO_SUCH_PAGE : page}`;
}
