import { describe, expect, it } from 'vitest';
import { isSafeHref } from './links';

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
