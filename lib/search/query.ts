import { normalizeArabic } from '../arabic/normalize';

/*
 * What a reader typed, read as search terms: words, "quoted phrases" and hashtags, each
 * normalised by the same rule the database applies to stories (lib/arabic/normalize.ts).
 */

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
