import { configFrom } from '../config/server';
import { describe, expect, it } from 'vitest';
import { articlePath, authorPath, mediaPath, sectionPath, tagPath } from './paths';
import { absoluteUrl, DEFAULT_SITE_ORIGIN, siteOrigin } from './site-url';

describe('siteOrigin', () => {
  it('comes from SITE_URL as the configuration read it', () => {
    expect(siteOrigin(configFrom({ SITE_URL: 'https://news.example/' }))).toBe('https://news.example');
    expect(siteOrigin(configFrom({ SITE_URL: ' http://127.0.0.1:3202 ' }))).toBe('http://127.0.0.1:3202');
  });

  it('falls back to a fixed default, never to anything request-derived', () => {
    expect(siteOrigin(configFrom({}))).toBe(DEFAULT_SITE_ORIGIN);
  });

  it.each(['not a url', 'javascript:alert(1)', 'https://news.example/some/path'])('is never %j: the configuration refuses it', (value) => {
    expect(() => configFrom({ SITE_URL: value })).toThrow(/SITE_URL/);
  });

  it('builds absolute URLs from public paths', () => {
    expect(absoluteUrl(articlePath('خبر-عاجل'), 'https://news.example')).toBe(
      'https://news.example/articles/%D8%AE%D8%A8%D8%B1-%D8%B9%D8%A7%D8%AC%D9%84',
    );
  });
});

describe('public paths', () => {
  it('percent-encode slugs once and add ?page= only after the first page', () => {
    expect(sectionPath('رياضة')).toBe('/sections/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9');
    expect(sectionPath('رياضة', 1)).toBe('/sections/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9');
    expect(tagPath('a/b?c', 3)).toBe('/tags/a%2Fb%3Fc?page=3');
    expect(authorPath(7, 2)).toBe('/authors/7?page=2');
    expect(mediaPath('2026/11/abc def.webp')).toBe('/media/2026/11/abc%20def.webp');
  });
});
