import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWxr, type WxrEntry, type WxrItem } from './wxr';

const FIXTURE = path.join(__dirname, '../../tests/fixtures/wordpress/newsroom-export.xml');

async function readAll(chunks: AsyncIterable<string | Uint8Array>): Promise<WxrEntry[]> {
  const entries: WxrEntry[] = [];
  for await (const entry of readWxr(chunks)) entries.push(entry);
  return entries;
}

/** The text in pieces of `size` bytes, cut anywhere — inside a tag, a CDATA section or a letter. */
async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const items = (entries: WxrEntry[]) => entries.filter((e): e is WxrItem => e.kind === 'item');

describe('reading a WordPress export', () => {
  const bytes = fs.readFileSync(FIXTURE);

  it('hands over the channel, authors, terms and every item, with their fields', async () => {
    const entries = await readAll(inPieces(bytes, 1 << 16));
    expect(entries[0]).toEqual({ kind: 'channel', version: '1.2', baseSiteUrl: 'https://news.example.org', baseBlogUrl: 'https://news.example.org' });
    expect(entries.filter((e) => e.kind === 'author')).toEqual([
      { kind: 'author', login: 'sara', email: 'sara@news.example.org', displayName: 'سارة منصور' },
      { kind: 'author', login: 'khaled', email: 'khaled@news.example.org', displayName: 'خالد يوسف' },
    ]);
    expect(entries.filter((e) => e.kind === 'category').map((e) => 'name' in e && e.name)).toEqual(['فلسطين', 'ثقافة', 'غير مصنف']);
    expect(entries.filter((e) => e.kind === 'tag').map((e) => 'name' in e && e.name)).toEqual(['القدس', 'يوم القدس العالمي']);

    const posts = items(entries);
    expect(posts.map((p) => [p.postId, p.postType, p.status])).toEqual([
      [101, 'post', 'publish'],
      [102, 'post', 'publish'],
      [103, 'post', 'future'],
      [104, 'post', 'private'],
      [105, 'post', 'draft'],
      [106, 'post', 'pending'],
      [null, 'post', 'publish'],
      [108, 'post', 'publish'],
      [110, 'page', 'publish'],
      [50, 'attachment', 'inherit'],
      [51, 'attachment', 'inherit'],
    ]);
    const first = posts[0]!;
    expect(first.title).toBe('المؤتمر الدولي لدعم الانتفاضة يحيي يوم القدس العالمي');
    expect(first.creator).toBe('sara');
    expect(first.postName).toMatch(/^%d8%a7%d9%84/);
    expect(first.postDate).toBe('2024-04-05 20:30:00');
    expect(first.postDateGmt).toBe('2024-04-05 17:30:00');
    expect(first.content).toContain('[caption id="attachment_50"');
    expect(first.excerpt).toBe('نظم المؤتمر الدولي لدعم الانتفاضة حفل إحياء يوم القدس العالمي.');
    expect(first.terms).toEqual([
      { domain: 'category', slug: '%d9%81%d9%84%d8%b3%d8%b7%d9%8a%d9%86', name: 'فلسطين' },
      { domain: 'post_tag', slug: '%d8%a7%d9%84%d9%82%d8%af%d8%b3', name: 'القدس' },
      { domain: 'post_tag', slug: '%d9%8a%d9%88%d9%85-%d8%a7%d9%84%d9%82%d8%af%d8%b3-%d8%a7%d9%84%d8%b9%d8%a7%d9%84%d9%85%d9%8a', name: 'يوم القدس العالمي' },
    ]);
    // A comment's fields are not the post's.
    expect(first.meta).toEqual({ _thumbnail_id: '50' });
    const attachment = posts.find((p) => p.postId === 50)!;
    expect(attachment).toMatchObject({ parentId: 101, attachmentUrl: 'https://news.example.org/wp-content/uploads/2024/04/quds.jpg' });
    expect(attachment.meta).toEqual({ _wp_attached_file: '2024/04/quds.jpg', _wp_attachment_image_alt: 'حشود ترفع الأعلام في ساحة المؤتمر' });
    expect(posts.map((p) => p.position)).toEqual(posts.map((_, i) => i + 1));
    expect(entries.some((e) => e.kind === 'broken')).toBe(false);
  });

  it('reads the same whatever the chunks, even cut inside a letter or a tag', async () => {
    const whole = await readAll(inPieces(bytes, bytes.length));
    for (const size of [1, 7, 333]) expect(await readAll(inPieces(bytes, size))).toEqual(whole);
  });

  it('hands over what came before a truncated end, then says where it broke', async () => {
    const cut = bytes.subarray(0, bytes.indexOf('<title><![CDATA[مذكرة'));
    const entries = await readAll(inPieces(cut, 4096));
    expect(items(entries).map((p) => p.postId)).toEqual([101, 102, 103]);
    expect(entries.at(-1)).toMatchObject({ kind: 'broken', itemsRead: 3 });
  });

  it('refuses a file that is not a WordPress export, handing over nothing', async () => {
    for (const text of ['<html><body>not an export</body></html>', '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>', 'plain text, not XML']) {
      const entries = await readAll(inPieces(new TextEncoder().encode(text), 5));
      expect(items(entries)).toEqual([]);
      expect(entries.at(-1)).toMatchObject({ kind: 'broken' });
    }
  });
});
