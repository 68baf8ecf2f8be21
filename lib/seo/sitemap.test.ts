import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildRobotsTxt, buildSitemap } from './sitemap';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' });

describe('buildSitemap', () => {
  it('lists every URL with its last modification, escaped', () => {
    const xml = buildSitemap([
      { url: 'https://news.example/', lastModified: new Date('2026-11-25T09:00:00Z') },
      { url: 'https://news.example/tags/a?page=2&x=<y>' },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url;
    expect(urls).toEqual([
      { loc: 'https://news.example/', lastmod: '2026-11-25T09:00:00.000Z' },
      { loc: 'https://news.example/tags/a?page=2&x=<y>' },
    ]);
    expect(xml).toContain('&amp;x=&lt;y&gt;');
  });
});

describe('buildNewsSitemap', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

  it('keeps only stories from the last 48 hours, in Google News form', () => {
    const xml = buildNewsSitemap({
      publicationName: 'مِداد',
      language: 'ar',
      now,
      items: [
        { url: 'https://news.example/articles/1', title: 'خبر & تحليل', publishedAt: hoursAgo(1) },
        { url: 'https://news.example/articles/2', title: 'خبر الأمس', publishedAt: hoursAgo(47.9) },
        { url: 'https://news.example/articles/3', title: 'خبر قديم', publishedAt: hoursAgo(48.1) },
        { url: 'https://news.example/articles/4', title: 'خبر من المستقبل', publishedAt: hoursAgo(-1) },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(['https://news.example/articles/1', 'https://news.example/articles/2']);
    expect(urls[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'مِداد', 'news:language': 'ar' },
      'news:publication_date': hoursAgo(1).toISOString(),
      'news:title': 'خبر & تحليل',
    });
  });

  it('is a valid empty urlset on a quiet day', () => {
    const xml = buildNewsSitemap({ publicationName: 'مِداد', language: 'ar', now, items: [] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url).toBeUndefined();
  });
});

describe('buildRobotsTxt', () => {
  it('opens the site, closes the desk and names the sitemaps', () => {
    const text = buildRobotsTxt(['https://news.example/sitemap.xml', 'https://news.example/news-sitemap.xml']);
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/desk$/m);
    expect(text).toMatch(/^Sitemap: https:\/\/news\.example\/news-sitemap\.xml$/m);
  });
});
