import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocumentToHtml } from '../content/render';
import type { ContentNode } from '../content/types';
import { imageSources, wordpressBodyToDocument, type ImportedImage } from './wordpress-body';
import { readWxr, type WxrItem } from './wxr';

const FIXTURE = path.join(__dirname, '../../tests/fixtures/wordpress/newsroom-export.xml');

async function bodies(): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  async function* whole() {
    yield fs.readFileSync(FIXTURE);
  }
  for await (const entry of readWxr(whole())) if (entry.kind === 'item' && entry.postId) found.set(entry.postId, (entry as WxrItem).content);
  return found;
}

const library = new Map<string, ImportedImage>([
  ['https://news.example.org/wp-content/uploads/2024/04/quds.jpg', { mediaId: 7, src: `/media/${'a'.repeat(32)}`, alt: 'حشود ترفع الأعلام في ساحة المؤتمر', width: 800, height: 450 }],
  ['https://news.example.org/wp-content/uploads/2024/05/ward.jpg', { mediaId: 8, src: `/media/${'b'.repeat(32)}`, alt: '', width: 1600, height: 900 }],
]);
const fromLibrary = (src: string) => library.get(src) ?? null;

const types = (nodes: ContentNode[] | undefined) => (nodes ?? []).map((node) => node.type);
const textOf = (node: ContentNode): string => node.text ?? (node.content ?? []).map(textOf).join('');

describe('WordPress bodies in the content schema', () => {
  it('reads the classic editor: blank lines are paragraphs, single newlines breaks, [caption] a figure', async () => {
    const html = (await bodies()).get(101)!;
    expect(imageSources(html)).toEqual(['https://news.example.org/wp-content/uploads/2024/04/quds.jpg']);
    const { document, notes } = wordpressBodyToDocument(html, fromLibrary);
    expect(types(document.content)).toEqual(['paragraph', 'image', 'paragraph', 'heading', 'bulletList', 'blockquote', 'paragraph']);
    const [first, figure, third] = document.content!;
    expect(textOf(first!)).toBe('نظم المؤتمر الدولي لدعم الانتفاضة الفلسطينية، مساء اليوم الخميس، حفل إحياء يوم القدس العالمي.');
    // The body gave no alt text: the library's is used, and the [caption] text is the caption.
    expect(figure!.attrs).toMatchObject({ mediaId: 7, src: `/media/${'a'.repeat(32)}`, alt: 'حشود ترفع الأعلام في ساحة المؤتمر', caption: 'حشود في ساحة المؤتمر', width: 800 });
    expect(types(third!.content)).toEqual(['text', 'text', 'text', 'hardBreak', 'text']);
    expect(third!.content![1]).toMatchObject({ text: 'القدس', marks: [{ type: 'bold' }] });
    expect(document.content![3]).toMatchObject({ attrs: { level: 3 } });
    expect(renderDocumentToHtml(document)).toContain('href="https://example.com/quds"');
    expect(notes).toEqual([]);
  });

  it('reads the block editor: headings, lists, quotes, pull quotes, image blocks; embeds become links, tables text', async () => {
    const { document, notes } = wordpressBodyToDocument((await bodies()).get(102)!, fromLibrary);
    expect(types(document.content)).toEqual(['paragraph', 'heading', 'orderedList', 'blockquote', 'pullQuote', 'image', 'paragraph', 'paragraph', 'paragraph']);
    const content = document.content!;
    expect(content[1]).toMatchObject({ attrs: { level: 2 } });
    expect(textOf(content[2]!)).toBe('عشرون سريراًغرفة عناية مركزة');
    expect(textOf(content[4]!)).toContain('الأطفال أولاً');
    // The body's own alt text wins over the library's (empty here).
    expect(content[5]!.attrs).toMatchObject({ mediaId: 8, alt: 'سرير في القسم الجديد', caption: 'القسم الجديد من الداخل' });
    expect(content[6]).toMatchObject({ content: [{ text: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', marks: [{ type: 'link' }] }] });
    expect(textOf(content[7]!)).toBe('The ward was opened with support from international donors.');
    expect(textOf(content[8]!)).toContain('الأسرّة');
    expect([...notes].sort()).toEqual(['embed as a link: https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'table kept as text']);
  });

  it('keeps nothing hostile: scripts, handlers, javascript: links and frames are gone, their text stays', async () => {
    const { document, notes } = wordpressBodyToDocument((await bodies()).get(108)!, fromLibrary);
    const html = renderDocumentToHtml(document);
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe|evil\.example|style=/i);
    expect(html).toContain('رابط خبيث');
    expect(html).toContain('href="https://example.com/ok"');
    expect(notes).toEqual(expect.arrayContaining(['script removed', 'iframe removed', 'unsafe link removed: javascript:alert(document.cookie)', 'image missing: x']));
  });

  it('leaves out an image that was not imported and keeps its caption as text', () => {
    const { document, notes } = wordpressBodyToDocument('[caption id="attachment_9"]<img src="https://old.example/lost.jpg" alt="" /> صورة مفقودة[/caption]\n\nفقرة.', fromLibrary);
    expect(document.content!.map(textOf)).toEqual(['صورة مفقودة', 'فقرة.']);
    expect(notes).toEqual(['image missing: https://old.example/lost.jpg']);
  });

  it('names shortcodes it leaves as text, and gives an empty body one empty paragraph', () => {
    expect(wordpressBodyToDocument('قبل [gallery ids="1,2"] بعد', fromLibrary).notes).toEqual(['shortcode kept as text: [gallery]']);
    expect(wordpressBodyToDocument('', fromLibrary).document.content).toEqual([{ type: 'paragraph', attrs: { dir: 'auto' } }]);
  });
});
