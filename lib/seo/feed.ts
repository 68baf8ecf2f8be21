import { element, escapeXml, XML_DECLARATION } from './xml';

export interface FeedItem {
  title: string;
  /** Absolute URL of the article; also its permanent guid. */
  url: string;
  summary: string;
  publishedAt: Date;
  author?: string;
  categories?: string[];
}

export interface FeedChannel {
  title: string;
  /** Absolute URL of the page the feed mirrors (home or a section). */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel="self", which validators ask for). */
  selfUrl: string;
  description: string;
  language: string;
  image?: { url: string; width: number; height: number };
  items: FeedItem[];
}

/** RFC 822 dates, as RSS 2.0 requires (`Wed, 25 Nov 2026 09:00:00 GMT`). */
function rfc822(date: Date): string {
  return date.toUTCString();
}

/** An RSS 2.0 document. Every text value is escaped; item order is the caller's (newest first). */
export function buildRssFeed(channel: FeedChannel): string {
  const lastBuild = channel.items.reduce<Date | null>(
    (latest, item) => (latest && latest >= item.publishedAt ? latest : item.publishedAt),
    null,
  );
  const lines: string[] = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description || channel.title),
    element('language', channel.language),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (lastBuild) lines.push(element('lastBuildDate', rfc822(lastBuild)));
  if (channel.image) {
    // RSS caps the channel image at 144×400; scale down keeping its proportions.
    const scale = Math.min(1, 144 / channel.image.width, 400 / channel.image.height);
    lines.push(
      '<image>',
      element('url', channel.image.url),
      element('title', channel.title),
      element('link', channel.link),
      element('width', String(Math.floor(channel.image.width * scale))),
      element('height', String(Math.floor(channel.image.height * scale))),
      '</image>',
    );
  }
  for (const item of channel.items) {
    lines.push(
      '<item>',
      element('title', item.title),
      element('link', item.url),
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      element('description', item.summary),
      element('pubDate', rfc822(item.publishedAt)),
    );
    // RSS's own <author> must be an email address; newsrooms publish names, so Dublin Core's creator.
    if (item.author) lines.push(element('dc:creator', item.author));
    for (const category of item.categories ?? []) lines.push(element('category', category));
    lines.push('</item>');
  }
  lines.push('</channel>', '</rss>');
  return lines.join('\n') + '\n';
}
