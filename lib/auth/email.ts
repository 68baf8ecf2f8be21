/** Email addresses are compared and stored in one form: trimmed, NFKC, lower-cased. */
export function normaliseEmail(input: string): string {
  return input.trim().normalize('NFKC').toLowerCase();
}

// Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_SHAPE.test(email);
}
