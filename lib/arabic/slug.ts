import { INVISIBLE_CONTROLS, TASHKEEL, TATWEEL, toLatinDigits } from './characters';

const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug that keeps Arabic letters: NFC, without tashkeel, tatweel, bidi controls and
 * zero-width characters; Latin lower-cased; any run of other characters becomes one hyphen.
 * Returns '' when nothing usable is left; callers decide what to do then.
 */
export function slugify(input: string): string {
  const cleaned = toLatinDigits(
    input.normalize('NFC').replace(INVISIBLE_CONTROLS, '').replace(TASHKEEL, '').replace(TATWEEL, ''),
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

/**
 * The first of slug, slug-2, slug-3 … that `isTaken` reports free.
 */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  if (!(await isTaken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
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
