/** Arabic diacritics (harakat, tanween, shadda, sukun, Quranic marks) and the superscript alef. */
export const TASHKEEL = /[\u064B-\u065F\u0670]/g;
export const TATWEEL = /\u0640/g;
/** Bidi embeddings, overrides, isolates and marks, plus zero-width characters and the BOM. */
/**
 * Half of a UTF-16 surrogate pair with no other half: not a character at all. UTF-8 cannot encode
 * it, so PostgreSQL would store U+FFFD or refuse the text.
 */
export const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const INVISIBLE_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g;

/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits to ASCII 0–9. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}
