import { INVISIBLE_CONTROLS, LONE_SURROGATES } from './characters';

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can reorder what a
// reader sees in a headline; zero-width joiners and the LRM/RLM marks stay, since some words and
// mixed Arabic–Latin lines need them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// C0 and C1 controls have no place in one line of text, and PostgreSQL refuses NUL outright: a
// title carrying one would fail to save with a database error instead of a message. Tab, line
// feed and friends are among them and become spaces like any other whitespace.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/** A one-line text field as stored: NFC, no bidi or other controls, single spaces, trimmed. */
export function cleanLine(input: string): string {
  return input
    .replace(LONE_SURROGATES, '')
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Line feeds and tabs stay in multi-line text; every other control becomes a space.
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text of several lines (a comment, a review note) as stored: like cleanLine, but line breaks
 * (CRLF and CR become LF) and tabs are kept and spacing is left as written.
 */
export function cleanText(input: string): string {
  return input
    .replace(LONE_SURROGATES, '')
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS_BUT_LINE_BREAKS, ' ')
    .trim();
}

/** Whether a field has anything visible left once invisible characters are set aside. */
export function hasVisibleText(input: string): boolean {
  return input.replace(INVISIBLE_CONTROLS, '').trim().length > 0;
}
