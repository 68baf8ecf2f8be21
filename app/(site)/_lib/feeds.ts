import 'server-only';
import type { SiteStory } from '@/db/queries/site-stories';
import { buildRssFeed } from '@/lib/seo/feed';
import { articlePath, SITE_LOGO_PATH, SITE_LOGO_SIZE } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';

export function renderFeed(options: { title: string; description: string; pagePath: string; feedPath: string; stories: SiteStory[] }): string {
  return buildRssFeed({
    title: options.title,
    description: options.description,
    link: absoluteUrl(options.pagePath),
    selfUrl: absoluteUrl(options.feedPath),
    language: 'ar',
    image: { url: absoluteUrl(SITE_LOGO_PATH), ...SITE_LOGO_SIZE },
    items: options.stories.map((story) => ({
      title: story.title,
      url: absoluteUrl(articlePath(story.slug)),
      summary: story.summary,
      publishedAt: new Date(story.publishedAt),
      author: story.authorName,
      categories: [story.sectionName],
    })),
  });
}
