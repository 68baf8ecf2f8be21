/**
 * Words per minute for Arabic news prose. Measured silent reading of Arabic runs slower than of
 * English (studies put adult readers between roughly 140 and 200 words a minute, the lower end for
 * unfamiliar text); news copy is plain and familiar, so 180 — the upper middle of that range —
 * keeps the estimate honest without frightening readers off long stories.
 */
export const ARABIC_WORDS_PER_MINUTE = 180;

/** A word is a run of non-space characters with at least one letter or digit in it (so «—» is not). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) count++;
  }
  return count;
}

/** Whole minutes to read a text, never less than one. */
export function readingMinutes(text: string, wordsPerMinute: number = ARABIC_WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(countWords(text) / wordsPerMinute));
}

/** The same estimate as an ISO 8601 duration, the form schema.org's `timeRequired` takes. */
export function readingDuration(minutes: number): string {
  return `PT${minutes}M`;
}
