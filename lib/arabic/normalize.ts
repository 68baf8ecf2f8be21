import { INVISIBLE_CONTROLS, TASHKEEL, TATWEEL, toLatinDigits } from './characters';

/*
 * One normalisation for search, applied to stories when they are indexed and to what readers
 * type. Its SQL twin is midad_normalize_arabic() in db/migrations (0004); the two must agree
 * character for character, which tests/integration/search-normalize.test.ts checks on thousands
 * of generated strings against both database drivers. Change both or neither.
 *
 * Steps, in this order:
 *   1. NFKC: presentation forms and ligatures become plain letters (ﻻ → لا), full-width Latin
 *      becomes ASCII.
 *   2. Remove tashkeel (U+064B–U+065F, U+0670), tatweel and invisible controls (bidi marks,
 *      embeddings, isolates, zero-width characters, BOM). Done after NFKC because some
 *      compatibility decompositions produce them.
 *   3. Fold the letters readers use interchangeably: أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي,
 *      Persian ی → ي and ک → ك; Arabic-Indic and Persian digits → 0–9, and the Arabic decimal
 *      separator ٫ → '.' so that ١٫٨ and 1.8 are one number.
 *   4. NFC, so that removing a control between a letter and its combining mark (e + ZWJ + ◌́)
 *      still yields one canonical form; this makes the function idempotent.
 * Case is left alone: the text-search parser lowercases, and lower() differs between database
 * collations.
 */

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06CC': '\u064A', // Persian ی → ي
  '\u06A9': '\u0643', // Persian ک → ك
  '\u066B': '.', // Arabic decimal separator
};
const FOLDABLE = /[\u0623\u0625\u0622\u0671\u0649\u0629\u0624\u0626\u06CC\u06A9\u066B]/g;

/** The search form of a text. Pure, total and idempotent. */
export function normalizeArabic(text: string): string {
  const stripped = text.normalize('NFKC').replace(INVISIBLE_CONTROLS, '').replace(TASHKEEL, '').replace(TATWEEL, '');
  return toLatinDigits(stripped.replace(FOLDABLE, (c) => LETTER_FOLDS[c]!)).normalize('NFC');
}
