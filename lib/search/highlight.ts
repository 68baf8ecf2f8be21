import { normalizeArabic } from '../arabic/normalize';
import { escapeHtml } from '../html/escape';

/*
 * Highlighting, the pure half. The database decides which words of a story match — with the same
 * rules as the match itself, through ts_headline — and this module prepares what it is sent and
 * reads what it answers: each whitespace-separated token of the story is normalised (the twin of
 * the SQL normalisation) and the tokens are sent joined by single spaces; token i of the answer is
 * token i of the story, so a page shows the story's own spelling, with its tashkeel and ة, while
 * the decision to mark a word was taken on its folded form.
 */

/** Private-use characters ts_headline puts around a matching token; nothing else marks it. */
export const MATCH_START = '\uE000';
export const MATCH_STOP = '\uE001';
/** ts_headline's options: mark every matching token, with the markers above. */
export const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;
const MARKERS = /[\uE000\uE001]/g;

export function tokenize(text: string): string[] {
  return text.split(/\s+/).filter((t) => t !== '');
}

/**
 * The tokens as the database is to judge them, one per token: normalised, without anything that
 * could be mistaken for a marker or split one token into two, and never empty.
 */
export function matchableTokens(tokens: readonly string[]): string {
  return tokens.map((t) => normalizeArabic(t).replace(MARKERS, '').replace(/\s+/g, '') || '_').join(' ');
}

/**
 * Which tokens matched, from the two headlines of one text (stemmed and whole-word): a token is
 * marked when either marked it. ts_headline returns the text it was given plus markers; if that
 * ever changed, nothing is marked rather than the wrong words.
 */
export function matchFlags(count: number, stemmed: string | undefined, whole: string | undefined): boolean[] {
  const a = stemmed?.split(' ') ?? [];
  const b = whole?.split(' ') ?? [];
  if (a.length !== count || b.length !== count) return new Array<boolean>(count).fill(false);
  return a.map((token, k) => token.includes(MATCH_START) || b[k]!.includes(MATCH_START));
}

// Punctuation around a matched word («الفلسطينية،») stays outside its <mark>.
const WORD_CORE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}\p{M}]*)$/su;

/** The tokens as HTML, joined by spaces: all escaped, the letters of matched ones in <mark>. */
export function markTokens(tokens: readonly string[], flags: readonly boolean[]): string {
  return tokens
    .map((token, i) => {
      if (!flags[i]) return escapeHtml(token);
      const [, before = '', core = '', after = ''] = WORD_CORE.exec(token) ?? [];
      if (core === '') return escapeHtml(token);
      return `${escapeHtml(before)}<mark>${escapeHtml(core)}</mark>${escapeHtml(after)}`;
    })
    .join(' ');
}
