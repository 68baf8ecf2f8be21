import { describe, expect, it } from 'vitest';
import { documentToText, paragraphsToDocument, renderDocumentToHtml } from './render';
import { validateDocument } from './validate';

describe('renderDocumentToHtml', () => {
  it('gives every paragraph dir="auto" so mixed Arabic and Latin lines lay out by their own text', () => {
    const html = renderDocumentToHtml(paragraphsToDocument(['مرحبا', 'Hello world']));
    expect(html).toBe('<p dir="auto">مرحبا</p><p dir="auto">Hello world</p>');
  });

  it('escapes text: markup typed into the editor stays text', () => {
    const html = renderDocumentToHtml(paragraphsToDocument(['<script>alert(1)</script> & "x"']));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders links with rel and without a target', () => {
    const doc = validateDocument({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'مصدر', marks: [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b="2"' } }] }] }],
    });
    const html = renderDocumentToHtml(doc);
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
    expect(html).not.toContain('target=');
  });
});

describe('documentToText', () => {
  it('gives one line per block, skipping empty ones', () => {
    const doc = paragraphsToDocument(['الأول', '', 'الثاني']);
    expect(documentToText(doc)).toBe('الأول\nالثاني');
  });
});
