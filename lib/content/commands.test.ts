import { Editor, type JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { blockDirectionAt, contentExtensions } from './extensions';
import type { ContentNode } from './types';
import { validateDocument } from './validate';

// A headless editor (no view) runs the same commands the desk's toolbar calls.
let editor: Editor;
afterEach(() => editor?.destroy());

function open(...content: JSONContent[]): Editor {
  editor = new Editor({ element: null, extensions: contentExtensions, content: { type: 'doc', content } });
  return editor;
}
const p = (text: string, attrs?: Record<string, unknown>): JSONContent => ({ type: 'paragraph', attrs, content: [{ type: 'text', text }] });
const body = (): ContentNode[] => (editor.getJSON() as ContentNode).content ?? [];
const KEY = '0123456789abcdef0123456789abcdef';
const image = { mediaId: 9, src: `/media/${KEY}`, alt: 'وصف', caption: 'تعليق', width: 1200, height: 800 };

describe('pull quote commands', () => {
  it('turns the paragraph at the cursor into a pull quote, keeping its text and direction', () => {
    open(p('قبل'), p('هذا هو القول', { dir: 'rtl' }), p('بعد'));
    editor.commands.setTextSelection(8);
    expect(editor.commands.setPullQuote()).toBe(true);
    expect(body()[1]).toEqual({
      type: 'pullQuote',
      attrs: { dir: 'rtl' },
      content: [{ type: 'pullQuoteText', content: [{ type: 'text', text: 'هذا هو القول' }] }],
    });
    expect(() => validateDocument(editor.getJSON())).not.toThrow();
  });

  it('drops emphasis and links, which a pull quote cannot hold', () => {
    open({ type: 'paragraph', content: [{ type: 'text', text: 'غامق', marks: [{ type: 'bold' }] }, { type: 'text', text: ' عادي' }] });
    editor.commands.setTextSelection(2);
    editor.commands.setPullQuote();
    expect(body()[0]?.content?.[0]).toEqual({ type: 'pullQuoteText', content: [{ type: 'text', text: 'غامق عادي' }] });
  });

  it('turns a pull quote back into paragraphs, attribution included', () => {
    open({
      type: 'pullQuote',
      attrs: { dir: 'ltr' },
      content: [
        { type: 'pullQuoteText', content: [{ type: 'text', text: 'Quote' }] },
        { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'Someone' }] },
      ],
    });
    editor.commands.setTextSelection(3);
    expect(editor.isActive('pullQuote')).toBe(true);
    expect(editor.commands.togglePullQuote()).toBe(true);
    expect(body().slice(0, 2)).toEqual([p('Quote', { dir: 'ltr' }), p('Someone', { dir: 'ltr' })]);
  });

  it('refuses where a pull quote cannot go', () => {
    open({ type: 'bulletList', content: [{ type: 'listItem', content: [p('بند')] }] });
    editor.commands.setTextSelection(3);
    expect(editor.can().setPullQuote()).toBe(false);
    expect(editor.can().unsetPullQuote()).toBe(false);
  });
});

describe('setBlockDirection and blockDirectionAt', () => {
  it('lets a new paragraph start from its own text instead of inheriting an override', () => {
    open(p('English', { dir: 'ltr' }));
    editor.commands.setTextSelection(8);
    editor.commands.splitBlock();
    expect(body().map((n) => n.attrs?.dir)).toEqual(['ltr', 'auto']);
  });

  it('sets and clears the direction of the paragraphs in the selection only', () => {
    open(p('English line'), p('سطر عربي'), p('ثالث'));
    editor.commands.setTextSelection({ from: 2, to: 16 });
    expect(editor.commands.setBlockDirection('ltr')).toBe(true);
    expect(body().map((n) => n.attrs?.dir)).toEqual(['ltr', 'ltr', 'auto']);
    expect(blockDirectionAt(editor.state)).toBe('ltr');
    editor.commands.setBlockDirection('auto');
    expect(body().map((n) => n.attrs?.dir)).toEqual(['auto', 'auto', 'auto']);
  });

  it('takes the list around a paragraph along, so its bullets follow, but not the item', () => {
    open({ type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p('item')] }] }] }, p('بعد'));
    editor.commands.setTextSelection(5);
    editor.commands.setBlockDirection('ltr');
    const quote = body()[0]!;
    const list = quote.content![0]!;
    expect([quote.attrs?.dir, list.attrs?.dir, list.content?.[0]?.attrs?.dir, list.content?.[0]?.content?.[0]?.attrs?.dir]).toEqual(['ltr', 'ltr', 'auto', 'ltr']);
    expect(body()[1]?.attrs?.dir).toBe('auto');
    editor.commands.setBlockDirection('auto');
    expect(JSON.stringify(body())).not.toMatch(/"(ltr|rtl)"/);
  });

  it('sets the direction of a selected image, and refuses a made-up direction', () => {
    open(p('x'), { type: 'image', attrs: image });
    editor.commands.setNodeSelection(3);
    expect(editor.commands.setBlockDirection('rtl')).toBe(true);
    expect(body()[1]?.attrs?.dir).toBe('rtl');
    expect(blockDirectionAt(editor.state)).toBe('rtl');
    expect(editor.commands.setBlockDirection('sideways' as never)).toBe(false);
  });
});

describe('insertImage', () => {
  it('places an image from the library at the cursor', () => {
    open(p('أول'), p('ثان'));
    editor.commands.setTextSelection(4);
    expect(editor.commands.insertImage(image)).toBe(true);
    const inserted = body().find((n) => n.type === 'image');
    expect(inserted?.attrs).toEqual({ ...image, credit: '', dir: 'auto' });
    expect(() => validateDocument(editor.getJSON())).not.toThrow();
  });

  it('keeps selected text, placing the image after it', () => {
    open(p('نص محدد'), p('بعده'));
    editor.commands.setTextSelection({ from: 1, to: 8 });
    editor.commands.insertImage(image);
    expect(body().map((n) => n.type)).toEqual(['paragraph', 'image', 'paragraph']);
    expect(body()[0]?.content?.[0]?.text).toBe('نص محدد');
  });

  it('replaces the selected image, keeping its direction', () => {
    open({ type: 'image', attrs: { ...image, dir: 'ltr' } }, p('x'));
    editor.commands.setNodeSelection(0);
    expect(editor.state.selection).toBeInstanceOf(NodeSelection);
    editor.commands.insertImage({ ...image, mediaId: 10, alt: 'بديل جديد' });
    const images = body().filter((n) => n.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0]?.attrs).toMatchObject({ mediaId: 10, alt: 'بديل جديد', dir: 'ltr' });
  });

  it.each([
    ['without alt text', { ...image, alt: '  ' }],
    ['from another site', { ...image, src: 'https://evil.example/x.jpg' }],
    ['with a javascript: source', { ...image, src: 'javascript:alert(1)' }],
    ['without a media id', { ...image, mediaId: 0 }],
  ])('refuses an image %s', (_name, attrs) => {
    open(p('x'));
    expect(editor.commands.insertImage(attrs)).toBe(false);
    expect(body().some((n) => n.type === 'image')).toBe(false);
  });
});

describe('insertEmbed', () => {
  const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
  const X_POST = 'https://x.com/AJArabic/status/42';

  it('turns an empty paragraph into the embed, stored in canonical form', () => {
    open(p('قبل'), { type: 'paragraph' });
    editor.commands.setTextSelection(6);
    expect(editor.commands.insertEmbed('https://youtu.be/dQw4w9WgXcQ?si=x')).toBe(true);
    expect(body()).toEqual([p('قبل', { dir: 'auto' }), { type: 'embed', attrs: { provider: 'youtube', url: YOUTUBE } }]);
    expect(() => validateDocument(editor.getJSON())).not.toThrow();
  });

  it('puts a new embed after a selected one instead of replacing it', () => {
    open(p('قبل'), { type: 'embed', attrs: { provider: 'x', url: X_POST } });
    editor.commands.setNodeSelection(5);
    expect(editor.commands.insertEmbed(YOUTUBE)).toBe(true);
    expect(body().map((node) => node.attrs?.url)).toEqual([undefined, X_POST, YOUTUBE]);
  });

  it('refuses an address that is not allowed, changing nothing', () => {
    open(p('قبل'));
    expect(editor.commands.insertEmbed('https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ')).toBe(false);
    expect(editor.commands.insertEmbed('javascript:alert(1)')).toBe(false);
    expect(body()).toHaveLength(1);
  });
});
