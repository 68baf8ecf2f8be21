import { describe, expect, it } from 'vitest';
import { buildNewsArticleJsonLd, serializeJsonLd, type NewsArticleInput } from './json-ld';

const input: NewsArticleInput = {
  url: 'https://news.example/articles/%D8%AE%D8%A8%D8%B1',
  headline: 'المصرف المركزي يُبقي سعر الفائدة دون تغيير',
  description: 'قرّر المصرف المركزي تثبيت سعر الفائدة (GDP 1.8%).',
  datePublished: new Date('2026-11-25T09:00:00Z'),
  dateModified: new Date('2026-11-25T11:30:00Z'),
  authors: [{ name: 'يوسف حداد', url: 'https://news.example/authors/2' }],
  images: [{ url: 'https://news.example/brand/card.png', width: 1200, height: 630 }],
  section: 'اقتصاد',
  keywords: ['التضخم', 'المصارف'],
  wordCount: 412,
  timeRequired: 'PT2M',
  language: 'ar',
  publisher: {
    name: 'مِداد',
    url: 'https://news.example/',
    logo: { url: 'https://news.example/brand/logo.png', width: 512, height: 512 },
  },
};

describe('buildNewsArticleJsonLd', () => {
  it('carries the properties Google reads for news articles', () => {
    const data = buildNewsArticleJsonLd(input);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: input.headline,
      description: input.description,
      datePublished: '2026-11-25T09:00:00.000Z',
      dateModified: '2026-11-25T11:30:00.000Z',
      mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
      author: [{ '@type': 'Person', name: 'يوسف حداد', url: 'https://news.example/authors/2' }],
      image: [{ '@type': 'ImageObject', url: 'https://news.example/brand/card.png', width: 1200, height: 630 }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'مِداد', logo: { url: 'https://news.example/brand/logo.png' } },
      articleSection: 'اقتصاد',
      keywords: ['التضخم', 'المصارف'],
      inLanguage: 'ar',
      wordCount: 412,
      timeRequired: 'PT2M',
    });
  });

  it('carries corrections as schema.org CorrectionComment, and no property without one', () => {
    const data = buildNewsArticleJsonLd({
      ...input,
      corrections: [{ text: 'الصحيح أن الاجتماع يوم الأحد.', datePublished: new Date('2026-11-26T10:00:00Z') }],
    });
    expect(data.correction).toEqual([{ '@type': 'CorrectionComment', text: 'الصحيح أن الاجتماع يوم الأحد.', datePublished: '2026-11-26T10:00:00.000Z' }]);
    expect(buildNewsArticleJsonLd({ ...input, corrections: [] })).not.toHaveProperty('correction');
  });

  it('never dates a modification before publication', () => {
    const data = buildNewsArticleJsonLd({ ...input, dateModified: new Date('2026-11-24T08:00:00Z') });
    expect(data.dateModified).toBe('2026-11-25T09:00:00.000Z');
  });

  it('leaves out optional properties it was not given, and a byline without a page has no url', () => {
    const data = buildNewsArticleJsonLd({
      ...input,
      authors: [{ name: 'مراسلنا في غزة' }],
      section: undefined,
      keywords: [],
      wordCount: undefined,
      timeRequired: undefined,
    });
    expect(data.author).toEqual([{ '@type': 'Person', name: 'مراسلنا في غزة' }]);
    expect(data).not.toHaveProperty('articleSection');
    expect(data).not.toHaveProperty('keywords');
    expect(data).not.toHaveProperty('wordCount');
    expect(data).not.toHaveProperty('timeRequired');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element it is embedded in', () => {
    const hostile = { headline: '</script><script>alert(1)</script> & <!-- «خبر»' };
    const text = serializeJsonLd(hostile);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('&');
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it('escapes the line and paragraph separators', () => {
    const text = serializeJsonLd({ headline: 'سطر\u2028سطر\u2029' });
    expect(text).toContain('\\u2028');
    expect(text).toContain('\\u2029');
    expect(JSON.parse(text)).toEqual({ headline: 'سطر\u2028سطر\u2029' });
  });
});
