import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Listing } from '@/components/site/listing';
import { format, getMessages } from '@/i18n';
import { pageExists, parseIdParam } from '@/lib/seo/pagination';
import { authorPath } from '@/lib/seo/paths';
import { getAuthor, getAuthorListing, getSiteChrome } from '../../_lib/data';
import { listingMetadata, pagedTitle } from '../../_lib/metadata';
import { pageFromSearch, type SearchParams } from '../../_lib/params';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

async function load({ params, searchParams }: Props) {
  const id = parseIdParam((await params).id);
  const page = await pageFromSearch(searchParams);
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
  if (!data) return {};
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
  if (!data) notFound();
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
