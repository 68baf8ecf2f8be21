import { INVISIBLE_CONTROLS } from './characters';

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can reorder what a
// reader sees in a headline; zero-width joiners stay, since some words need them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A one-line text field as stored: NFC, no bidi controls, single spaces, trimmed. */
export function cleanLine(input: string): string {
  return input.normalize('NFC').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** Whether a field has anything visible left once invisible characters are set aside. */
export function hasVisibleText(input: string): boolean {
  return input.replace(INVISIBLE_CONTROLS, '').trim().length > 0;
}
