import { describe, expect, it } from 'vitest';
import { isSafeHref, parseLinkInput } from './links';

describe('isSafeHref', () => {
  it.each(['https://example.org/a?b=c', 'http://example.org', 'mailto:desk@midad.test', '/articles/خبر', '#section', '?q=1', 'relative/path'])(
    'allows %s',
    (href) => expect(isSafeHref(href)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '',
    'a'.repeat(3000),
  ])('refuses %j', (href) => expect(isSafeHref(href)).toBe(false));
});

describe('parseLinkInput (the editor toolbar)', () => {
  it.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['  http://example.org  ', 'http://example.org/'],
    ['HTTPS://Example.org', 'https://example.org/'],
    ['example.org/news', 'https://example.org/news'],
    ['www.aljazeera.net', 'https://www.aljazeera.net/'],
    ['localhost.test:8080/x', 'https://localhost.test:8080/x'],
    ['مثال.فلسطين', 'https://xn--mgbh0fb.xn--ygbi2ammx/'],
    ['desk@midad.test', 'mailto:desk@midad.test'],
    ['mailto:desk@midad.test?subject=خبر', 'mailto:desk@midad.test?subject=%D8%AE%D8%A8%D8%B1'],
  ])('accepts %j as %j', (input, href) => {
    expect(parseLinkInput(input)).toEqual({ ok: true, href });
  });

  it.each<[string, 'empty' | 'scheme' | 'invalid']>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'scheme'],
    [' javascript:alert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://example.org', 'scheme'],
    ['/articles/خبر', 'scheme'],
    ['//evil.example', 'invalid'],
    ['just words', 'invalid'],
    ['http://', 'invalid'],
    ['mailto:', 'invalid'],
    ['mailto:%E0%A4%A', 'invalid'],
    ['https://' + 'a'.repeat(3000) + '.com', 'invalid'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseLinkInput(input)).toEqual({ ok: false, reason });
  });
});
