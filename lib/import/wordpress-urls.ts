import { slugify } from '../arabic/slug';

/**
 * WordPress addresses, read the way old links arrive: WordPress stores an Arabic slug
 * percent-encoded in lower case and cut at 200 encoded characters (about 33 letters, often in the
 * middle of a word), and links to it travel raw, encoded in either case, with or without the
 * trailing slash. Every form of one address reduces to one key, which is what the redirect table
 * stores and what a request is looked up by.
 */

/** The query parameters WordPress answers at the site root by id or slug. */
export const ROOT_QUERY_PARAMETERS = ['p', 'page_id', 'cat', 'tag'] as const;

/**
 * Where proxy.ts sends an old address to be looked up, as `<LEGACY_LOOKUP_PATH>/<escaped key>`:
 * the root's WordPress queries (`/?p=101`), so the cached home page never sees them, and paths
 * outside Midad's own routes that may be WordPress addresses.
 */
export const LEGACY_LOOKUP_PATH = '/wordpress-address';

/** The lookup page's path for an old address, or null when there is nothing to look up. */
export function legacyLookupPath(pathname: string, search = ''): string | null {
  const key = legacyPathKey(pathname, search);
  return key === '/' ? null : `${LEGACY_LOOKUP_PATH}/${encodeURIComponent(key)}`;
}

/**
 * The first path segments Midad's own routes use. A path under any of them is never looked up
 * as an address of the previous site; lib/import/wordpress-urls.test.ts keeps this list in step
 * with the route folders.
 */
export const OWN_FIRST_SEGMENTS = new Set([
  '_next',
  '_midad',
  'api',
  'articles',
  'authors',
  'bench',
  'brand',
  'corrections',
  'desk',
  'feed.xml',
  'front',
  'icon.svg',
  'login',
  'media',
  'news-sitemap.xml',
  'notes',
  'preview',
  'privacy',
  'robots.txt',
  'search',
  'sections',
  'sitemap.xml',
  'tags',
  'wordpress-address',
  'xml',
]);

/**
 * Whether a request path may be an address of the site the newsroom moved from, to be looked up
 * (proxy.ts sends it to LEGACY_LOOKUP_PATH): a path outside Midad's own routes that has the shape
 * of a WordPress address — a date path (`/2024/04/05/…`), a category or tag archive, a slug that
 * carries escaped letters (every Arabic slug does as a browser sends it), or a bare Latin slug
 * (`/about/`, `/my-old-post/`). Any other unknown path keeps the static not-found page.
 */
export function mayBePreviousAddress(pathname: string): boolean {
  const first = decodeWordPressSlug(pathname.split('/')[1] ?? '').toLowerCase();
  if (!first || OWN_FIRST_SEGMENTS.has(first)) return false;
  return (
    /^\/\d{4}\/\d{2}\//.test(pathname) ||
    first === 'category' ||
    first === 'tag' ||
    pathname.includes('%') ||
    // A bare slug (`/about/`, `/my-old-post/`): a page's or a post's.
    WORDPRESS_LATIN_SLUG.test(pathname)
  );
}

/** One path segment of lower-case words, joined by hyphens or not, with or without the trailing slash. */
const WORDPRESS_LATIN_SLUG = /^\/[a-z0-9_]+(?:-[a-z0-9_]+)*\/?$/;

/**
 * The text of a stored slug. An escape sequence cut short at the end, or bytes that are not UTF-8,
 * are dropped rather than failing the whole slug.
 */
export function decodeWordPressSlug(stored: string): string {
  const bytes: number[] = [];
  let text = '';
  const flush = () => {
    if (!bytes.length) return;
    text += new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes)).replace(/\uFFFD/g, '');
    bytes.length = 0;
  };
  for (let i = 0; i < stored.length; i++) {
    const escape = /^%([0-9a-fA-F]{2})/.exec(stored.slice(i, i + 3));
    if (escape) {
      bytes.push(parseInt(escape[1]!, 16));
      i += 2;
    } else if (stored[i] === '%') {
      // A cut-off escape ("%d", "%") ends a truncated slug; a stray "%" elsewhere is dropped.
      if (/^%[0-9a-fA-F]?$/.test(stored.slice(i))) break;
    } else {
      flush();
      text += stored[i];
    }
  }
  flush();
  return text;
}

/** The Midad slug for an imported post: its WordPress slug by Midad's rules, else its title's. */
export function midadSlugFor(postName: string, title: string): string {
  return slugify(decodeWordPressSlug(postName)) || slugify(title);
}

/**
 * The lookup key of a path: percent-escapes decoded (cut-off ones dropped), Unicode in NFC,
 * letters in lower case, no trailing slash, and for the site root only the query parameters
 * WordPress answers by id (`?p=`, `?page_id=`, `?cat=`, `?tag=`), in a fixed order.
 */
export function legacyPathKey(pathname: string, search = ''): string {
  const path = decodeWordPressSlug(pathname).normalize('NFC').toLowerCase().replace(/\/{2,}/g, '/').replace(/\/+$/, '') || '/';
  if (path !== '/') return path;
  const params = new URLSearchParams(search);
  for (const name of ROOT_QUERY_PARAMETERS) {
    const value = params.get(name)?.trim().toLowerCase();
    if (value) return `/?${name}=${decodeWordPressSlug(value).normalize('NFC')}`;
  }
  return '/';
}

/** The keys an imported post is found by: its exported permalink, `/?p=ID`, and the date and bare-slug forms. */
export function postPathKeys(item: { link: string; postId: number; postName: string; postDate: string }): string[] {
  const keys = new Set<string>([legacyPathKey('/', `?p=${item.postId}`)]);
  const link = pathOf(item.link);
  if (link) keys.add(legacyPathKey(link.pathname, link.search));
  if (item.postName) {
    keys.add(legacyPathKey(`/${item.postName}`));
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(item.postDate);
    if (day) keys.add(legacyPathKey(`/${day[1]}/${day[2]}/${day[3]}/${item.postName}`));
  }
  keys.delete('/');
  return [...keys];
}

/**
 * The keys of a category's or tag's archive: `/category/<slug>` (under its parents' slugs too, as
 * WordPress nests them) or `/tag/<slug>`, and `?cat=<id>` or `?tag=<slug>`.
 */
export function termPathKeys(term: { kind: 'category' | 'tag'; id: number | null; slugPath: string[] }): string[] {
  const slug = term.slugPath.at(-1) ?? '';
  if (!slug) return [];
  if (term.kind === 'tag') return [legacyPathKey(`/tag/${slug}`), legacyPathKey('/', `?tag=${slug}`)];
  const keys = [legacyPathKey(`/category/${term.slugPath.join('/')}`), legacyPathKey(`/category/${slug}`)];
  if (term.id !== null) keys.push(legacyPathKey('/', `?cat=${term.id}`));
  return [...new Set(keys)];
}

function pathOf(link: string): URL | null {
  try {
    return new URL(link, 'https://wordpress.invalid');
  } catch {
    return null;
  }
}
