import 'server-only';
import type { BreakingStory, SiteStory } from '@/db/queries/site-stories';
import { getMessages } from '@/i18n';
import { buildRssFeed } from '@/lib/seo/feed';
import { articlePath, SITE_LOGO_PATH, SITE_LOGO_SIZE } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';

/** RSS 2.0 of stories; those breaking now carry the category «عاجل» besides their section. */
export function renderFeed(options: {
  title: string;
  description: string;
  pagePath: string;
  feedPath: string;
  stories: SiteStory[];
  breaking: BreakingStory[];
}): string {
  const breakingIds = new Set(options.breaking.map((story) => story.id));
  const breakingLabel = getMessages().reader.breaking;
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
      categories: breakingIds.has(story.id) ? [breakingLabel, story.sectionName] : [story.sectionName],
    })),
  });
}
