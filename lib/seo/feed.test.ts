import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildRssFeed, type FeedChannel } from './feed';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const channel: FeedChannel = {
  title: 'مِداد — اقتصاد',
  link: 'https://news.example/sections/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF',
  selfUrl: 'https://news.example/sections/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/feed.xml',
  description: 'أخبار الاقتصاد',
  language: 'ar',
  image: { url: 'https://news.example/brand/logo.png', width: 512, height: 512 },
  items: [
    {
      title: 'الأسعار & الأجور: <تحليل> "خاص"',
      url: 'https://news.example/articles/%D8%A3?x=1&y=2',
      summary: "ملخص فيه 'اقتباس' وحرف تحكّم\u0007 ممنوع",
      publishedAt: new Date('2026-11-25T09:00:00Z'),
      author: 'يوسف حداد',
      categories: ['اقتصاد', 'التضخم'],
    },
    {
      title: 'خبر أقدم',
      url: 'https://news.example/articles/old',
      summary: '',
      publishedAt: new Date('2026-11-24T09:00:00Z'),
    },
  ],
};

describe('buildRssFeed', () => {
  const xml = buildRssFeed(channel);

  it('is well-formed XML whatever the stories contain', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('is RSS 2.0 with the channel and items in order, text intact after escaping', () => {
    const rss = parser.parse(xml).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('مِداد — اقتصاد');
    expect(rss.channel.language).toBe('ar');
    expect(rss.channel['atom:link']['@href']).toBe(channel.selfUrl);
    expect(rss.channel.lastBuildDate).toBe('Wed, 25 Nov 2026 09:00:00 GMT');
    const [first, second] = rss.channel.item;
    expect(first.title).toBe('الأسعار & الأجور: <تحليل> "خاص"');
    expect(first.link).toBe('https://news.example/articles/%D8%A3?x=1&y=2');
    expect(first.guid['#text']).toBe(first.link);
    expect(first.guid['@isPermaLink']).toBe('true');
    expect(first.pubDate).toBe('Wed, 25 Nov 2026 09:00:00 GMT');
    expect(first['dc:creator']).toBe('يوسف حداد');
    expect(first.category).toEqual(['اقتصاد', 'التضخم']);
    expect(first.description).toBe("ملخص فيه 'اقتباس' وحرف تحكّم ممنوع");
    expect(second.title).toBe('خبر أقدم');
  });

  it('escapes markup instead of passing it through', () => {
    expect(xml).toContain('&lt;تحليل&gt;');
    expect(xml).not.toContain('<تحليل>');
    expect(xml).not.toContain('\u0007');
  });

  it('scales the channel image down to the size RSS allows', () => {
    const image = parser.parse(xml).rss.channel.image;
    expect(image.width).toBe(144);
    expect(image.height).toBe(144);
  });

  it('still produces a valid channel with no stories', () => {
    const empty = buildRssFeed({ ...channel, items: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parser.parse(empty).rss.channel.item).toBeUndefined();
    expect(empty).not.toContain('lastBuildDate');
  });
});
