import { format, getMessages } from '@/i18n';
import { sectionFeedPath, sectionPath } from '@/lib/seo/paths';
import { getBreakingNews, getFeedStories, getSection, getSiteChrome } from '../../../_lib/data';
import { renderFeed } from '../../../_lib/feeds';
import { slugFromParam } from '../../../_lib/params';
import { notFoundResponse, xmlResponse } from '../../../_lib/xml-response';

/*
 * Generated on its first request and then served whole from Next's cache, refreshed by tag like
 * the section page (docs/decisions/0018).
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): never[] {
  return [];
}

/** RSS 2.0 of one section's newest stories. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = slugFromParam((await params).slug);
  const section = slug ? await getSection(slug) : null;
  if (!section) return notFoundResponse();
  const [{ settings }, stories, breaking] = await Promise.all([getSiteChrome(), getFeedStories(section.id), getBreakingNews()]);
  const tr = getMessages().reader;
  const body = renderFeed({
    title: format(tr.sectionFeedTitle, { site: settings.siteName, section: section.name }),
    description: format(tr.sectionDescription, { section: section.name, site: settings.siteName }),
    pagePath: sectionPath(section.slug),
    feedPath: sectionFeedPath(section.slug),
    stories,
    breaking,
  });
  return xmlResponse(body, 'application/rss+xml');
}
