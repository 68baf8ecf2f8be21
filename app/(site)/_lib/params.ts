import { decodeSlugParam } from '@/lib/arabic/slug';
import { MAX_SLUG_PARAM_LENGTH, parsePageParam } from '@/lib/seo/pagination';

// Control characters never occur in a slug, and PostgreSQL refuses NUL in text outright.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A slug from the URL, decoded and normalised; null when no real slug could look like it. */
export function slugFromParam(param: string): string | null {
  const slug = decodeSlugParam(param);
  if (slug.length === 0 || slug.length > MAX_SLUG_PARAM_LENGTH || CONTROL_CHARACTERS.test(slug)) return null;
  return slug;
}

/**
 * The listing page number from the internal `/…/<page>` segment. Readers write `?page=N`; the
 * proxy (for `?page=`) and next.config.ts's rewrites (without it) turn that into a path segment,
 * so the listing is a page of its own in Next's cache rather than a render per request (see
 * docs/decisions/0018). The segment gets the same checks as the query parameter did: anything but
 * a plain positive integer is null, and the page answers 404.
 */
export function pageFromParam(param: string): number | null {
  return parsePageParam(param);
}
