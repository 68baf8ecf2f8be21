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

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function pageFromSearch(searchParams: SearchParams): Promise<number | null> {
  return parsePageParam((await searchParams).page);
}
