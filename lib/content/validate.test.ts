import { describe, expect, it } from 'vitest';
import { isAppError, type ErrorCode } from '../errors';
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
