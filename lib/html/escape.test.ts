import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape';

describe('escapeHtml', () => {
  it('escapes every character that means something in HTML', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes an ampersand once, so existing references are shown as typed', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('leaves everything else alone, Arabic and tashkeel included', () => {
    const text = 'التَّطْبِيع ١٫٨٪ — (GDP) #قدسنا_لا_أورشليم 🇵🇸';
    expect(escapeHtml(text)).toBe(text);
  });
});
