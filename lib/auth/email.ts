import { domainToUnicode } from 'node:url';

/** Email addresses are compared and stored in one form: trimmed, NFKC, lower-cased. */
export function normaliseEmail(input: string): string {
  return input.trim().normalize('NFKC').toLowerCase();
}

// Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_SHAPE.test(email);
}

const LATIN_LETTER = /[a-z]/;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const ALLOWED_CHARACTER = /^[\x21-\x7e\p{Script=Arabic}]$/u;

/**
 * Whether an (already normalised) address could pass for another one: a letter from an alphabet
 * that copies Latin shapes (Cyrillic 'а', Greek 'ο', dotless 'ı', Cherokee, mathematical letters
 * NFKC does not fold…), an invisible character, or Arabic and Latin letters mixed within one part
 * of the address (where Arabic-Indic '١' can pass for 'l'), also when the domain comes as punycode.
 * Addresses entirely in Latin, or with a part entirely in Arabic script, are fine. Two staff accounts that look the same on screen would
 * let one person be taken for another in the desk and in the activity log.
 */
export function isLookAlikeEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false; // not an address at all: isPlausibleEmail says so
  const local = email.slice(0, at);
  // Browsers send an email field's international domain as punycode (xn--…): judge the letters
  // it stands for. A label that does not decode is refused too.
  const labels = email.slice(at + 1).split('.').map((label) => (label.startsWith('xn--') ? domainToUnicode(label) : label));
  if (labels.some((label) => label === '')) return true;
  for (const part of [local, ...labels]) {
    for (const character of part) {
      if (!ALLOWED_CHARACTER.test(character)) return true;
    }
    // The local part and each label of the domain keep to one script.
    if (LATIN_LETTER.test(part) && ARABIC_SCRIPT.test(part)) return true;
  }
  return false;
}
