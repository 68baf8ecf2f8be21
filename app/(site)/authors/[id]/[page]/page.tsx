import type { Metadata } from 'next';
import { Listing } from '@/components/site/listing';
import { MissingPage } from '@/components/site/missing-page';
import { format, getMessages } from '@/i18n';
import { pageExists, parseIdParam } from '@/lib/seo/pagination';
import { authorPath } from '@/lib/seo/paths';
import { getAuthor, getAuthorListing, getSiteChrome } from '../../../_lib/data';
import { listingMetadata, notFoundMetadata, pagedTitle } from '../../../_lib/metadata';
import { pageFromParam } from '../../../_lib/params';

/*
 * A whole page in Next's cache (docs/decisions/0018): no listing is built ahead, each is rendered
 * on its first request, kept until refreshPublicPages expires its tags or its lifetime ends (at
 * most an hour, less when a scheduled story is due sooner), and the proxy and next.config.ts map
 * `?page=N` onto the last segment.
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): never[] {
  return [];
}

type Props = { params: Promise<{ id: string; page: string }> };

async function load({ params }: Props) {
  const id = parseIdParam((await params).id);
  const page = pageFromParam((await params).page);
  if (id === null || page === null) return null;
  // Only people with something published have a public page: unknown ids, and staff with no
  // visible story (active or not), answer 404.
  const author = await getAuthor(id);
  if (!author) return null;
  const listing = await getAuthorListing(id, page);
  if (!pageExists(page, listing.total)) return null;
  return { author, page, listing };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  if (!data) return notFoundMetadata();
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return listingMetadata({
    title: pagedTitle(data.author.name, data.page, settings.digits),
    description: format(tr.authorDescription, { author: data.author.name, site: settings.siteName }),
    path: authorPath(data.author.id, data.page),
    siteName: settings.siteName,
  });
}

export default async function AuthorPage(props: Props) {
  const data = await load(props);
  if (!data) return <MissingPage />;
  const { author, page, listing } = data;
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return (
    <Listing
      kicker={tr.authorKicker}
      title={format(tr.authorHeading, { author: author.name })}
      stories={listing.stories}
      total={listing.total}
      page={page}
      href={(p) => authorPath(author.id, p)}
      settings={settings}
      tr={tr}
    />
  );
}
