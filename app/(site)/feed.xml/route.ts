import { connection } from 'next/server';
import { format, getMessages } from '@/i18n';
import { FEED_PATH } from '@/lib/seo/paths';
import { getFeedStories, getSiteChrome } from '../_lib/data';
import { renderFeed } from '../_lib/feeds';
import { xmlResponse } from '../_lib/xml-response';

/** RSS 2.0 of the newest stories across the site. */
export async function GET(): Promise<Response> {
  await connection();
  const [{ settings }, stories] = await Promise.all([getSiteChrome(), getFeedStories()]);
  const tr = getMessages().reader;
  const body = renderFeed({
    title: format(tr.feedTitle, { site: settings.siteName }),
    description: settings.siteDescription || format(tr.homeDescription, { site: settings.siteName }),
    pagePath: '/',
    feedPath: FEED_PATH,
    stories,
  });
  return xmlResponse(body, 'application/rss+xml');
}
