import { describe, expect, it } from 'vitest';
import { isLookAlikeEmail, normaliseEmail } from './email';

const lookAlike = (raw: string) => isLookAlikeEmail(normaliseEmail(raw));

describe('isLookAlikeEmail', () => {
  it.each([
    'admin@midad.test',
    'first.last+desk@news-room.example',
    ' Ｎew@Midad.Test ', // fullwidth letters fold to Latin
    '𝐚𝐝𝐦𝐢𝐧@midad.test', // so do mathematical letters
    'محمد@midad.test', // an Arabic local part, a Latin domain
    'news@موقع.example',
    'محرر١@midad.test',
    'news@xn--mgbh0fb.example', // مثال, as a browser sends it
  ])('accepts %j', (email) => {
    expect(lookAlike(email)).toBe(false);
  });

  it.each([
    ['Cyrillic а in a Latin address', 'аdmin@midad.test'],
    ['Cyrillic о in the domain', 'admin@midаd.test'],
    ['an all-Cyrillic look-alike domain', 'admin@міdаd.test'],
    ['Greek omicron', 'admοn@midad.test'],
    ['dotless i', 'admın@midad.test'],
    ['Cherokee', 'Ꭺdmin@midad.test'],
    ['a zero-width joiner', 'ad\u200dmin@midad.test'],
    ['a right-to-left override', 'admin\u202e@midad.test'],
    ['Arabic-Indic one passing for l', 'ad١min@midad.test'],
    ['Arabic and Latin letters in one label', 'admin@mدad.test'],
    ['a Cyrillic domain as a browser sends it, in punycode', 'admin@xn--mdad-l9d.test'],
    ['punycode that does not decode', 'admin@xn--zzzz-bad.test'],
  ])('refuses %s', (_, email) => {
    expect(lookAlike(email)).toBe(true);
  });
});
