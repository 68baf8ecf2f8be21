import { describe, expect, it } from 'vitest';
import { isAppError, type ErrorCode } from '../errors';
import { imageReferences } from './image';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH, validateDocument } from './validate';

const paragraph = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...extra }],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content });

function refusal(input: unknown): ErrorCode {
  try {
    validateDocument(input);
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('document was accepted');
}

describe('validateDocument accepts what the editor writes', () => {
  it('returns the canonical form with default attributes filled in', () => {
    const result = validateDocument(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'عنوان فرعي' }] },
        paragraph('نص مع ', {}),
        { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'An English quote', marks: [{ type: 'italic' }] }] },
        { type: 'blockquote', content: [paragraph('اقتباس')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('بند')] }] },
        { type: 'horizontalRule' },
        paragraph('رابط', { marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }),
      ),
    );
    expect(result.content?.[0]?.attrs).toEqual({ dir: 'auto', level: 2 });
    expect(result.content?.[2]?.attrs).toEqual({ dir: 'ltr' });
    expect(result.content?.[6]?.content?.[0]?.marks?.[0]?.attrs?.href).toBe('https://example.org');
  });

  it('keeps whole astral characters and the controls PostgreSQL can store, as written', () => {
    const text = 'قمر 🌙 \u0007 و\u202Eعكس\u202C';
    expect(validateDocument(doc(paragraph(text))).content?.[0]?.content?.[0]?.text).toBe(text);
  });

  it('returns plain objects, which React can hand to the editor in the browser', () => {
    const result = validateDocument(doc(paragraph('نص')));
    expect(Object.getPrototypeOf(result.content?.[0]?.attrs)).toBe(Object.prototype);
  });
});

describe('validateDocument refuses hostile or broken documents', () => {
  it.each<[string, unknown, ErrorCode]>([
    ['not an object', 'hello', 'CONTENT_INVALID'],
    ['a root that is not a document', paragraph('x'), 'CONTENT_INVALID'],
    ['an unknown node', doc({ type: 'script', content: [] }), 'CONTENT_INVALID'],
    ['an iframe node', doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }), 'CONTENT_INVALID'],
    ['an unknown mark', doc(paragraph('x', { marks: [{ type: 'span' }] })), 'CONTENT_INVALID'],
    ['an unknown attribute', doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } }), 'CONTENT_INVALID'],
    ['a style attribute', doc({ type: 'paragraph', attrs: { style: 'color:red' } }), 'CONTENT_INVALID'],
    ['a bad direction', doc({ type: 'paragraph', attrs: { dir: 'sideways' } }), 'CONTENT_INVALID'],
    ['a heading level the editor does not offer', doc({ type: 'heading', attrs: { level: 1 } }), 'CONTENT_INVALID'],
    ['an object as an attribute value', doc({ type: 'paragraph', attrs: { dir: { toString: 'rtl' } } }), 'CONTENT_INVALID'],
    ['an extra key on a node', doc({ type: 'paragraph', html: '<b>x</b>' }), 'CONTENT_INVALID'],
    ['text that is not a string', doc({ type: 'paragraph', content: [{ type: 'text', text: 42 }] }), 'CONTENT_INVALID'],
    ['an empty text node', doc({ type: 'paragraph', content: [{ type: 'text', text: '' }] }), 'CONTENT_INVALID'],
    ['text directly in the document', doc({ type: 'text', text: 'x' }), 'CONTENT_INVALID'],
    ['a javascript: link', doc(paragraph('x', { marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })), 'CONTENT_BAD_LINK'],
    ['an obfuscated javascript: link', doc(paragraph('x', { marks: [{ type: 'link', attrs: { href: 'jav\tascript:alert(1)' } }] })), 'CONTENT_BAD_LINK'],
    ['a data: link', doc(paragraph('x', { marks: [{ type: 'link', attrs: { href: 'data:text/html;base64,PHNjcmlwdD4=' } }] })), 'CONTENT_BAD_LINK'],
    ['a link class', doc(paragraph('x', { marks: [{ type: 'link', attrs: { href: '/a', class: 'x' } }] })), 'CONTENT_INVALID'],
    ['a __proto__ key', JSON.parse('{"type":"doc","content":[],"__proto__":{"polluted":true}}'), 'CONTENT_FORBIDDEN_KEY'],
    ['a __proto__ attribute', JSON.parse('{"type":"doc","content":[{"type":"paragraph","attrs":{"__proto__":{"dir":"rtl"}}}]}'), 'CONTENT_FORBIDDEN_KEY'],
    ['a constructor key', JSON.parse('{"type":"doc","content":[{"type":"paragraph","constructor":{}}]}'), 'CONTENT_FORBIDDEN_KEY'],
    ['a NUL in text, which PostgreSQL cannot store', doc(paragraph('غزة\u0000اليوم')), 'CONTENT_BAD_CHARACTER'],
    ['half of a surrogate pair in text', doc(paragraph('قمر \uD83C')), 'CONTENT_BAD_CHARACTER'],
    ['a NUL in a link', doc(paragraph('x', { marks: [{ type: 'link', attrs: { href: 'https://example.org/\u0000' } }] })), 'CONTENT_BAD_CHARACTER'],
    ['a NUL hidden in a javascript: scheme', doc(paragraph('x', { marks: [{ type: 'link', attrs: { href: 'java\u0000script:alert(1)' } }] })), 'CONTENT_BAD_LINK'],
    ['a NUL in a pull quote attribution', doc({ type: 'pullQuote', content: [{ type: 'pullQuoteText', content: [{ type: 'text', text: 'قول' }] }, { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'قائل\u0000' }] }] }), 'CONTENT_BAD_CHARACTER'],
  ])('refuses %s', (_name, input, code) => {
    expect(refusal(input)).toBe(code);
  });

  it('refuses absurd nesting', () => {
    let node: unknown = paragraph('عمق');
    for (let i = 0; i <= MAX_DOCUMENT_DEPTH; i++) node = { type: 'blockquote', content: [node] };
    expect(refusal(doc(node))).toBe('CONTENT_TOO_DEEP');
  });

  it('refuses a body over the size limit instead of cutting it', () => {
    const big = 'ن'.repeat(MAX_DOCUMENT_BYTES / 2 + 10);
    expect(refusal(doc(paragraph(big)))).toBe('CONTENT_TOO_LARGE');
  });

  it('does not pollute Object.prototype while checking', () => {
    refusal(JSON.parse('{"type":"doc","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const KEY = '0123456789abcdef0123456789abcdef';
const image = (attrs: Record<string, unknown>) => ({ type: 'image', attrs });
const goodImage = { mediaId: 7, src: `/media/${KEY}`, alt: 'مبنى البلدية القديم في نابلس' };
const pullQuote = (...content: unknown[]) => ({ type: 'pullQuote', content });
const quoteText = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'pullQuoteText', content: [{ type: 'text', text, ...extra }] });
const attribution = (text: string) => ({ type: 'pullQuoteAttribution', content: [{ type: 'text', text }] });

describe('validateDocument: images', () => {
  it('accepts an image from the media library and fills in the optional attributes', () => {
    const result = validateDocument(doc(image({ ...goodImage, caption: 'نابلس، ٢٠٢٤', width: 1600, height: 900, dir: 'rtl' })));
    expect(result.content?.[0]).toEqual({
      type: 'image',
      attrs: { ...goodImage, caption: 'نابلس، ٢٠٢٤', credit: '', width: 1600, height: 900, dir: 'rtl' },
    });
    expect(validateDocument(doc(image(goodImage))).content?.[0]?.attrs).toMatchObject({ dir: 'auto', caption: '', credit: '', width: null });
  });

  it.each<[string, Record<string, unknown>, ErrorCode]>([
    ['a javascript: source', { ...goodImage, src: 'javascript:alert(1)' }, 'CONTENT_BAD_IMAGE'],
    ['a data: source', { ...goodImage, src: 'data:image/png;base64,iVBORw0KGgo=' }, 'CONTENT_BAD_IMAGE'],
    ['an external source', { ...goodImage, src: 'https://evil.example/cat.jpg' }, 'CONTENT_BAD_IMAGE'],
    ['a protocol-relative source', { ...goodImage, src: `//evil.example/media/${KEY}` }, 'CONTENT_BAD_IMAGE'],
    ['a traversal in the source', { ...goodImage, src: '/media/../../etc/passwd' }, 'CONTENT_BAD_IMAGE'],
    ['another path on the site', { ...goodImage, src: `/api/media/${KEY}` }, 'CONTENT_BAD_IMAGE'],
    ['an upper-case key', { ...goodImage, src: `/media/${KEY.toUpperCase()}` }, 'CONTENT_BAD_IMAGE'],
    ['a query string', { ...goodImage, src: `/media/${KEY}?v=1` }, 'CONTENT_BAD_IMAGE'],
    ['a variant instead of the image', { ...goodImage, src: `/media/${KEY}-480` }, 'CONTENT_BAD_IMAGE'],
    ['a source that is not a string', { ...goodImage, src: { href: `/media/${KEY}` } }, 'CONTENT_BAD_IMAGE'],
    ['a missing alt', { mediaId: 7, src: goodImage.src }, 'CONTENT_BAD_IMAGE'],
    ['an empty alt', { ...goodImage, alt: '' }, 'CONTENT_BAD_IMAGE'],
    ['an alt of spaces', { ...goodImage, alt: '   \n' }, 'CONTENT_BAD_IMAGE'],
    ['a null alt', { ...goodImage, alt: null }, 'CONTENT_BAD_IMAGE'],
    ['an alt that is too long', { ...goodImage, alt: 'ن'.repeat(501) }, 'CONTENT_BAD_IMAGE'],
    ['a missing media id', { src: goodImage.src, alt: goodImage.alt }, 'CONTENT_BAD_IMAGE'],
    ['a media id as text', { ...goodImage, mediaId: '7' }, 'CONTENT_BAD_IMAGE'],
    ['a negative media id', { ...goodImage, mediaId: -1 }, 'CONTENT_BAD_IMAGE'],
    ['an onerror attribute', { ...goodImage, onerror: 'alert(1)' }, 'CONTENT_INVALID'],
    ['a style attribute', { ...goodImage, style: 'position:fixed' }, 'CONTENT_INVALID'],
    ['a title attribute', { ...goodImage, title: 'x' }, 'CONTENT_INVALID'],
    ['an inherited property name', { ...goodImage, toString: 'x' }, 'CONTENT_INVALID'],
    ['a caption that is too long', { ...goodImage, caption: 'ن'.repeat(1001) }, 'CONTENT_INVALID'],
    ['a NUL in the alt text', { ...goodImage, alt: 'وصف\u0000' }, 'CONTENT_BAD_CHARACTER'],
    ['a lone surrogate in the credit', { ...goodImage, credit: '\uDC00' }, 'CONTENT_BAD_CHARACTER'],
    ['a caption that is not text', { ...goodImage, caption: ['x'] }, 'CONTENT_INVALID'],
    ['a credit that is too long', { ...goodImage, credit: 'ن'.repeat(201) }, 'CONTENT_INVALID'],
    ['a zero width', { ...goodImage, width: 0 }, 'CONTENT_INVALID'],
    ['a fractional height', { ...goodImage, height: 10.5 }, 'CONTENT_INVALID'],
    ['a width as text', { ...goodImage, width: '100' }, 'CONTENT_INVALID'],
    ['a bad direction', { ...goodImage, dir: 'rtl; color:red' }, 'CONTENT_INVALID'],
  ])('refuses an image with %s', (_name, attrs, code) => {
    expect(refusal(doc(image(attrs)))).toBe(code);
  });

  it('lists the library images a body shows, for the save to check against the database', () => {
    const other = { ...goodImage, mediaId: 8, src: `/media/${'f'.repeat(32)}` };
    const body = validateDocument(doc(image(goodImage), { type: 'blockquote', content: [paragraph('x')] }, image(other)));
    expect(imageReferences(body)).toEqual([
      { mediaId: 7, key: KEY },
      { mediaId: 8, key: 'f'.repeat(32) },
    ]);
  });

  it('refuses an image with no attributes at all', () => {
    expect(refusal(doc({ type: 'image' }))).toBe('CONTENT_BAD_IMAGE');
  });

  it('refuses an image with content or marks, and an image inside a paragraph', () => {
    expect(refusal(doc({ ...image(goodImage), content: [{ type: 'text', text: 'x' }] }))).toBe('CONTENT_INVALID');
    expect(refusal(doc({ ...image(goodImage), marks: [{ type: 'bold' }] }))).toBe('CONTENT_INVALID');
    expect(refusal(doc({ type: 'paragraph', content: [image(goodImage)] }))).toBe('CONTENT_INVALID');
  });

  it('refuses a __proto__ key among image attributes', () => {
    const input = JSON.parse(`{"type":"doc","content":[{"type":"image","attrs":{"mediaId":7,"src":"/media/${KEY}","alt":"x","__proto__":{"src":"javascript:alert(1)"}}}]}`);
    expect(refusal(input)).toBe('CONTENT_FORBIDDEN_KEY');
  });
});

describe('validateDocument: pull quotes', () => {
  it('accepts a quote with and without an attribution', () => {
    const result = validateDocument(doc(pullQuote(quoteText('الحرية لا تُمنح'), attribution('نيلسون مانديلا')), pullQuote(quoteText('قول'))));
    expect(result.content?.[0]).toEqual({
      type: 'pullQuote',
      attrs: { dir: 'auto' },
      content: [
        { type: 'pullQuoteText', content: [{ type: 'text', text: 'الحرية لا تُمنح' }] },
        { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'نيلسون مانديلا' }] },
      ],
    });
    expect(result.content?.[1]?.content).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['emphasis inside the quote', pullQuote(quoteText('قول', { marks: [{ type: 'bold' }] }))],
    ['a link inside the quote', pullQuote(quoteText('قول', { marks: [{ type: 'link', attrs: { href: 'https://a.example' } }] }))],
    ['two quote texts', pullQuote(quoteText('أ'), quoteText('ب'))],
    ['an attribution before the text', pullQuote(attribution('أ'), quoteText('ب'))],
    ['no quote text', pullQuote()],
    ['a paragraph inside', pullQuote({ type: 'paragraph', content: [{ type: 'text', text: 'x' }] })],
    ['a direction on the quote text', pullQuote({ ...quoteText('x'), attrs: { dir: 'ltr' } })],
    ['a bad direction on the quote', { ...pullQuote(quoteText('x')), attrs: { dir: 'up' } }],
    ['a class on the quote', { ...pullQuote(quoteText('x')), attrs: { class: 'x' } }],
    ['quote text outside a pull quote', quoteText('x')],
    ['a hard break in the quote', pullQuote({ type: 'pullQuoteText', content: [{ type: 'hardBreak' }] })],
  ])('refuses %s', (_name, node) => {
    expect(refusal(doc(node))).toBe('CONTENT_INVALID');
  });
});

describe('validateDocument: attribute names are looked up on the schema only', () => {
  it('refuses an attribute named like an inherited property', () => {
    expect(refusal(doc({ type: 'paragraph', attrs: { hasOwnProperty: 'x' } }))).toBe('CONTENT_INVALID');
  });
});
