/** Stories per listing page (section, tag, author). */
export const LISTING_PAGE_SIZE = 20;

/**
 * Listing pages accept `?page=N`. No parameter means the first page; anything that is not a
 * plain positive integer (`-1`, `abc`, `1.5`, a repeated parameter, absurdly large numbers)
 * is refused with null so the page can answer 404 rather than render something arbitrary.
 */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !/^[1-9][0-9]{0,5}$/.test(value)) return null;
  return Number(value);
}

export function pageCount(total: number, pageSize: number = LISTING_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function pageOffset(page: number, pageSize: number = LISTING_PAGE_SIZE): number {
  return (page - 1) * pageSize;
}

/** Whether a requested page exists: page 1 always does (it may be empty), later pages only with stories on them. */
export function pageExists(page: number, total: number, pageSize: number = LISTING_PAGE_SIZE): boolean {
  return page === 1 || page <= pageCount(total, pageSize);
}

/** Numeric ids in public URLs (`/authors/12`): digits only, within Postgres' integer range. */
export function parseIdParam(value: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

/** Longest slug worth a database lookup: generated slugs stop at 80 characters plus a short suffix. */
export const MAX_SLUG_PARAM_LENGTH = 200;
