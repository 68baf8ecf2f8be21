import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-url';

describe('safeCallbackPath', () => {
  it.each([
    ['/desk', '/desk'],
    ['/desk/articles/12?tab=history#top', '/desk/articles/12?tab=history#top'],
    ['%2Fdesk%2Fusers', '/desk/users'],
    ['/desk/sections/فلسطين', '/desk/sections/%D9%81%D9%84%D8%B3%D8%B7%D9%8A%D9%86'],
  ])('keeps the same-site path %s', (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example',
    'http://evil.example/desk',
    '//evil.example',
    '///evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/desk/..//evil.example',
    '/./%2F/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'https%3A%2F%2Fevil.example',
    '%2F%2Fevil.example',
    '%252F%252Fevil.example',
    '/%5Cevil.example',
    '/\t/evil.example',
    'evil.example',
    'data:text/html,x',
    '/login',
    '',
    null,
    undefined,
  ])('sends %j to the desk instead', (raw) => {
    expect(safeCallbackPath(raw)).toBe('/desk');
  });
});
