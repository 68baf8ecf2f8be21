import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentToText, paragraphsToDocument, readableBody, renderDocumentToHtml, renderStoredBody } from './render';
import { validateDocument } from './validate';

describe('renderDocumentToHtml', () => {
  it('gives every paragraph dir="auto" so mixed Arabic and Latin lines lay out by their own text', () => {
    const html = renderDocumentToHtml(paragraphsToDocument(['مرحبا', 'Hello world']));
    expect(html).toBe('<p dir="auto">مرحبا</p><p dir="auto">Hello world</p>');
  });

  it('gives quotes and lists a direction only when one is set, so they follow the story or their text', () => {
    const doc = validateDocument({
      type: 'doc',
      content: [
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'قول' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'بند' }] }] }] },
        { type: 'orderedList', attrs: { dir: 'ltr' }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
      ],
    });
    expect(renderDocumentToHtml(doc)).toBe(
      '<blockquote><p dir="auto">قول</p></blockquote><ul><li><p dir="auto">بند</p></li></ul><ol dir="ltr"><li><p dir="auto">one</p></li></ol>',
    );
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

const KEY = 'fedcba9876543210fedcba9876543210';
const SRC = `/media/${KEY}`;
const imageDoc = (attrs: Record<string, unknown>) => validateDocument({ type: 'doc', content: [{ type: 'image', attrs: { mediaId: 3, src: SRC, alt: 'صورة', ...attrs } }] });

describe('renderDocumentToHtml: images', () => {
  it('renders an accessible figure with alt text, caption, credit and responsive sources', () => {
    const html = renderDocumentToHtml(imageDoc({ alt: 'ساحة المهد', caption: 'بيت لحم', credit: 'وكالة', width: 1600, height: 900 }));
    expect(html).toBe(
      '<figure dir="auto" data-type="image" data-media-id="3" class="article-figure">' +
        `<img src="${SRC}" alt="ساحة المهد" width="1600" height="900" loading="lazy" decoding="async" ` +
        `srcset="${SRC}-480 480w, ${SRC}-960 960w, ${SRC} 1600w" sizes="(min-width: 40rem) 38rem, 100vw"/>` +
        '<figcaption><span data-caption="">بيت لحم</span><span data-credit="" class="article-figure-credit">وكالة</span></figcaption>' +
        '</figure>',
    );
  });

  it('offers only the smaller files that exist, and no figcaption without text', () => {
    const html = renderDocumentToHtml(imageDoc({ width: 700, height: 400 }));
    expect(html).toContain(`srcset="${SRC}-480 480w, ${SRC} 700w"`);
    expect(html).not.toContain('figcaption');
    expect(renderDocumentToHtml(imageDoc({ width: 400, height: 300 }))).not.toContain('srcset');
    expect(renderDocumentToHtml(imageDoc({}))).not.toMatch(/srcset|width=/);
  });

  it('keeps quotes and markup in alt, caption and credit inside their attribute or text', () => {
    const html = renderDocumentToHtml(
      imageDoc({
        alt: '" onerror="alert(1)',
        caption: '</figcaption><script>alert(1)</script>',
        credit: '<img src=x onerror=alert(1)>',
      }),
    );
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"');
    expect(html).not.toMatch(/<script|<img src=x/);
    // Every tag is well formed and carries only the attributes the figure is built from.
    const tags = html.match(/<[^>]*>/g) ?? [];
    const allowed = new Set(['dir', 'data-type', 'data-media-id', 'class', 'src', 'alt', 'loading', 'decoding', 'data-caption', 'data-credit']);
    for (const tag of tags) {
      expect(tag).toMatch(/^<\/?[a-z]+(?:\s[a-z-]+="[^"<>]*")*\/?>$/);
      for (const [, name] of tag.matchAll(/\s([a-z-]+)="/g)) expect(allowed).toContain(name);
    }
    expect(html).toContain('&lt;/figcaption&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('never emits a foreign source, even for a body that skipped validation', () => {
    const html = renderDocumentToHtml({
      type: 'doc',
      content: [{ type: 'image', attrs: { mediaId: 1, src: 'javascript:alert(1)', alt: 'x', width: 9000 } }],
    });
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('src=');
  });
});

describe('renderDocumentToHtml: pull quotes', () => {
  it('renders a figure with the quote and its attribution', () => {
    const doc = validateDocument({
      type: 'doc',
      content: [
        {
          type: 'pullQuote',
          attrs: { dir: 'rtl' },
          content: [
            { type: 'pullQuoteText', content: [{ type: 'text', text: 'لن نرحل <أبداً> & "هنا"' }] },
            { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'أحد السكان' }] },
          ],
        },
      ],
    });
    expect(renderDocumentToHtml(doc)).toBe(
      '<figure dir="rtl" data-type="pull-quote" class="pull-quote"><blockquote><p>لن نرحل &lt;أبداً&gt; &amp; "هنا"</p></blockquote><figcaption>أحد السكان</figcaption></figure>',
    );
  });
});

describe('documentToText with quotes and images', () => {
  it('gives the quote, its attribution and image captions a line each', () => {
    const doc = validateDocument({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'قبل' }] },
        {
          type: 'pullQuote',
          content: [
            { type: 'pullQuoteText', content: [{ type: 'text', text: 'القول' }] },
            { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'القائل' }] },
          ],
        },
        { type: 'image', attrs: { mediaId: 3, src: SRC, alt: 'وصف لا يُعد نصاً', caption: 'تعليق الصورة' } },
        { type: 'image', attrs: { mediaId: 4, src: SRC, alt: 'بلا تعليق' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'بعد' }] },
      ],
    });
    expect(documentToText(doc)).toBe('قبل\nالقول\nالقائل\nتعليق الصورة\nبعد');
  });
});

describe('renderStoredBody: a body the schema no longer accepts', () => {
  afterEach(() => vi.restoreAllMocks());
  // Each test its own revision ids: reports are kept once per revision for the whole process.
  let nextRevision = 900_000;
  const stored = (body: unknown, bodyText = 'السطر الأول\nSecond line <b>') => ({ articleId: 7, revisionId: nextRevision++, body, bodyText });

  it('renders a valid body as itself, reporting nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const body = paragraphsToDocument(['نص سليم']);
    expect(renderStoredBody(stored(body))).toEqual({ html: '<p dir="auto">نص سليم</p>', fallback: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows the stored plain text as escaped paragraphs instead', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = { type: 'doc', content: [{ type: 'retiredWidget', attrs: { html: '<script>alert(1)</script>' } }] };
    const rendered = renderStoredBody(stored(broken));
    expect(rendered).toEqual({ html: '<p dir="auto">السطر الأول</p><p dir="auto">Second line &lt;b&gt;</p>', fallback: true });
    for (const body of [null, 'text', 42, { type: 'doc', content: 'x' }, { type: 'paragraph' }, { type: 'doc', content: [{ type: 'heading', attrs: { level: 9 } }] }]) {
      expect(renderStoredBody(stored(body, 'نص')).html).toBe('<p dir="auto">نص</p>');
    }
    expect(renderStoredBody(stored(null, '')).html).toBe('<p dir="auto"></p>');
  });

  it('reports each broken revision once per process, as one JSON line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = stored({ type: 'doc', content: [{ type: 'nope' }] });
    const second = stored({ type: 'doc', content: [{ type: 'nope' }] });
    for (let i = 0; i < 3; i++) {
      expect(readableBody(first).fallback).toBe(true);
      renderStoredBody(first);
    }
    renderStoredBody(second);
    expect(warn).toHaveBeenCalledTimes(2);
    const line = JSON.parse(String(warn.mock.calls[0]![0]));
    expect(line).toMatchObject({ level: 'warn', event: 'stored_body_unreadable', articleId: 7, revisionId: first.revisionId, code: 'CONTENT_INVALID' });
    expect(JSON.parse(String(warn.mock.calls[1]![0])).revisionId).toBe(second.revisionId);
  });

  it('keeps a hostile stored body from flooding the log', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderStoredBody(stored({ type: 'doc', content: [{ type: 'x'.repeat(100_000) + '\n{"level":"error"}' }] }));
    const [line] = warn.mock.calls[0]! as [string];
    expect(line.split('\n')).toHaveLength(1);
    expect(line.length).toBeLessThan(600);
  });
});
