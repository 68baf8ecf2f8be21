/*
 * Arabic writes some short words as one letter fused to the next word: the conjunctions و and ف,
 * the prepositions ب ك ل, and a conjunction followed by a preposition (وب، فل …). A reader who
 * types ترشيد means لترشيد too. Those letters are also the first letters of many words, though
 * (لبنان is not ل + بنان, كلمة is not ك + لمة), so they are never taken off a story's words:
 * the QUERY's word, which the reader typed whole, is searched for with them attached as well.
 *
 * The shorter the word, the likelier a letter in front of it is a word of its own: بحر is not
 * ب + حر, جنة is not what لجنة is about. So a conjunction is put only before words of three
 * letters or more (كتب → وكتب), a preposition only before words of four letters or more
 * (ترشيد → لترشيد, but not لمة → كلمة). Words beginning with the article ال are left to the
 * stemming form, which already takes وال، بال، لل … off both sides (docs/search.md). Only words
 * made of Arabic letters alone get forms: a number or a Latin word takes no proclitic.
 */

export const CONJUNCTIONS = ['و', 'ف'] as const;
export const PREPOSITIONS = ['ب', 'ك', 'ل'] as const;
/** Letters a word needs for a conjunction to be put before it. */
export const MIN_LETTERS_AFTER_CONJUNCTION = 3;
/** Letters a word needs for a preposition (alone or after a conjunction) to be put before it. */
export const MIN_LETTERS_AFTER_PREPOSITION = 4;
/**
 * The prepositions the `arabic` stemmer never takes off (it takes و، ف and ب off by itself when
 * three letters remain). A story's «لترشيدها» stems to «لترشيد», so the query's stem is searched
 * for behind these too.
 */
const KEPT_BY_STEMMER = ['ل', 'ك'] as const;

// The letters the database's stemming form counts as Arabic letters (midad_search_stem_form).
const ARABIC_WORD = /^[\u0620-\u064A\u066E-\u06D3]+$/;

export interface ProcliticForms {
  /** The word with a proclitic attached, each to be matched as a whole word. */
  attached: string[];
  /** Letters to put before the word's stem, each giving one more stemmed lexeme to match. */
  stemPrefixes: string[];
}

const NONE: ProcliticForms = { attached: [], stemPrefixes: [] };

/** The forms a normalised query word is also searched as. Pure; empty for words that take none. */
export function procliticForms(word: string): ProcliticForms {
  if (!ARABIC_WORD.test(word) || word.startsWith('ال')) return NONE;
  const letters = Array.from(word).length;
  const attached: string[] = [];
  if (letters >= MIN_LETTERS_AFTER_CONJUNCTION) {
    for (const conjunction of CONJUNCTIONS) attached.push(conjunction + word);
  }
  if (letters < MIN_LETTERS_AFTER_PREPOSITION) return { attached, stemPrefixes: [] };
  for (const preposition of PREPOSITIONS) {
    attached.push(preposition + word);
    for (const conjunction of CONJUNCTIONS) attached.push(conjunction + preposition + word);
  }
  return { attached, stemPrefixes: [...KEPT_BY_STEMMER] };
}
