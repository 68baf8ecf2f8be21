import { markTokens } from './highlight';

/** How many words a snippet shows around the matches. */
export const SNIPPET_WORDS = 32;
/** Words of context a snippet may show before its first match. */
const LEAD_WORDS = 8;

/**
 * The window of `size` tokens with the most matches (the earliest among equals), placed so its
 * matches sit near the middle with a few words of context before them, with `…` where text was
 * cut. Everything is escaped; the only markup is our own <mark>.
 */
export function buildSnippet(tokens: readonly string[], flags: readonly boolean[], size = SNIPPET_WORDS): string {
  if (tokens.length === 0) return '';
  let bestEnd = -1;
  let bestCount = 0;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (flags[i]) count++;
    if (i >= size && flags[i - size]) count--;
    if (count > bestCount) {
      bestCount = count;
      bestEnd = i;
    }
  }
  let start = 0;
  if (bestCount > 0) {
    // The densest window ends on its last match; find its first one and centre the pair.
    let first = bestEnd;
    for (let i = bestEnd; i > bestEnd - size && i >= 0; i--) if (flags[i]) first = i;
    const slack = size - (bestEnd - first + 1);
    start = first - Math.min(Math.floor(slack / 2), LEAD_WORDS);
  }
  start = Math.max(0, Math.min(start, tokens.length - size));
  const end = Math.min(tokens.length, start + size);
  const body = markTokens(tokens.slice(start, end), flags.slice(start, end));
  return `${start > 0 ? '… ' : ''}${body}${end < tokens.length ? ' …' : ''}`;
}
