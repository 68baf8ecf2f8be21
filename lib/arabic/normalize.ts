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

/** Longest query accepted, in characters as typed; longer ones get a message, not a search. */
export const MAX_QUERY_CHARS = 200;
/** Words and phrases per query: each becomes an index probe, so the count is bounded. */
export const MAX_QUERY_TERMS = 10;

export type SearchTerm = { kind: 'word' | 'phrase'; text: string };

export type ParsedQuery =
  | { ok: true; terms: SearchTerm[]; display: string }
  | { ok: false; reason: 'empty' | 'tooLong' | 'noTerms' | 'tooManyTerms' };

// Straight, typographic and Arabic quotation marks all delimit a phrase.
const QUOTES = /["«»“”„‟〝〞]/g;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
// Punctuation around a word (brackets, commas, a trailing question mark) is not part of it;
// inside a word (covid-19, 4.2) it is kept for the text-search parser to handle.
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}#]+|[^\p{L}\p{N}]+$/gu;

/**
 * Turns what a reader typed into normalised search terms: "quoted text" is a phrase, a hashtag
 * (#قدسنا_لا_أورشليم) stands for its words, everything else is a word that must appear.
 * An unmatched quote is ignored. Never throws; refusals carry a reason for the message shown.
 */
export function parseSearchQuery(raw: string): ParsedQuery {
  if (Array.from(raw.trim()).length > MAX_QUERY_CHARS) return { ok: false, reason: 'tooLong' };
  const text = normalizeArabic(raw).replace(QUOTES, '"').trim();
  if (text === '') return { ok: false, reason: 'empty' };

  const terms: SearchTerm[] = [];
  const add = (term: SearchTerm) => {
    if (!HAS_WORD_CHARACTER.test(term.text)) return;
    if (!terms.some((t) => t.kind === term.kind && t.text === term.text)) terms.push(term);
  };
  const addWords = (chunk: string) => {
    for (const token of chunk.split(/\s+/)) {
      const word = token.replace(EDGE_PUNCTUATION, '');
      if (word.startsWith('#')) {
        for (const part of word.split(/[#_\s]+/)) add({ kind: 'word', text: part.replace(EDGE_PUNCTUATION, '') });
      } else {
        add({ kind: 'word', text: word });
      }
    }
  };

  const pieces = text.split('"');
  // Odd-numbered pieces sit between a pair of quotes. With an odd number of quotes the last
  // piece follows an unmatched one and is read as plain words.
  const closed = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  pieces.forEach((piece, i) => {
    if (i % 2 === 1 && i < closed) {
      const words = piece
        .split(/\s+/)
        .map((w) => w.replace(EDGE_PUNCTUATION, ''))
        .filter((w) => HAS_WORD_CHARACTER.test(w));
      if (words.length > 1) add({ kind: 'phrase', text: words.join(' ') });
      else if (words.length === 1) add({ kind: 'word', text: words[0]! });
    } else {
      addWords(piece);
    }
  });

  if (terms.length === 0) return { ok: false, reason: 'noTerms' };
  if (terms.length > MAX_QUERY_TERMS) return { ok: false, reason: 'tooManyTerms' };
  return { ok: true, terms, display: formatTerms(terms) };
}

/** A query string that parses back to the same terms (used for "did you mean" links). */
export function formatTerms(terms: readonly SearchTerm[]): string {
  return terms.map((t) => (t.kind === 'phrase' ? `"${t.text}"` : t.text)).join(' ');
}
