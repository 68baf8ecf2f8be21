import { INVISIBLE_CONTROLS, TASHKEEL, TATWEEL, toLatinDigits } from './characters';

const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug that keeps Arabic letters: without tashkeel, tatweel, bidi controls and zero-width
 * characters; Latin lower-cased; any run of other characters becomes one hyphen. Compatibility
 * forms are folded first (NFKC, whose result is also NFC): Arabic presentation forms pasted from
 * old PDFs and full-width Latin would otherwise give a slug that looks the same and differs.
 * Returns '' when nothing usable is left; callers decide what to do then.
 */
export function slugify(input: string): string {
  // Folding comes before the removals: some presentation forms unfold into tatweel or tashkeel.
  const cleaned = toLatinDigits(
    input.normalize('NFKC').replace(INVISIBLE_CONTROLS, '').replace(TASHKEEL, '').replace(TATWEEL, ''),
  ).toLowerCase();
  const slug = cleaned
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return trimToLength(slug, MAX_SLUG_LENGTH);
}

function trimToLength(slug: string, max: number): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  const cut = chars.slice(0, max).join('');
  // Cut on a word boundary when one is reasonably close, so the slug ends on a whole word.
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '');
}

/** The n-th slug tried for `base`: slug, slug-2, slug-3 … */
function candidate(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * The first of slug, slug-2, slug-3 … that `isTaken` reports free.
 */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    if (!(await isTaken(candidate(base, n)))) return candidate(base, n);
  }
}

/**
 * Like {@link uniqueSlug}, for writers that race: another writer can take a slug between the check
 * and the write. `claim` writes with the slug and answers null when the database refused it as
 * taken (a unique violation); the next suffix is then tried, so both writers succeed.
 */
export async function claimUniqueSlug<T>(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
  claim: (candidate: string) => Promise<T | null>,
): Promise<T> {
  for (let n = 1; ; n++) {
    const slug = candidate(base, n);
    if (await isTaken(slug)) continue;
    const claimed = await claim(slug);
    if (claimed !== null) return claimed;
  }
}

/** Slugs arrive raw or percent-encoded; both name the same article. */
export function decodeSlugParam(param: string): string {
  try {
    return decodeURIComponent(param).normalize('NFC');
  } catch {
    return param.normalize('NFC');
  }
}
