import type { Metadata } from 'next';
import { Listing } from '@/components/site/listing';
import { MissingPage } from '@/components/site/missing-page';
import { format, getMessages } from '@/i18n';
import { pageExists } from '@/lib/seo/pagination';
import { tagPath } from '@/lib/seo/paths';
import { getSiteChrome, getTag, getTagListing } from '../../../_lib/data';
import { listingMetadata, notFoundMetadata, pagedTitle } from '../../../_lib/metadata';
import { pageFromParam, slugFromParam } from '../../../_lib/params';

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

type Props = { params: Promise<{ slug: string; page: string }> };

async function load({ params }: Props) {
  const slug = slugFromParam((await params).slug);
  const page = pageFromParam((await params).page);
  if (!slug || page === null) return null;
  const tag = await getTag(slug);
  if (!tag) return null;
  const listing = await getTagListing(tag.id, page);
  if (!pageExists(page, listing.total)) return null;
  return { tag, page, listing };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  if (!data) return notFoundMetadata();
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return listingMetadata({
    title: pagedTitle(data.tag.name, data.page, settings.digits),
    description: format(tr.tagDescription, { tag: data.tag.name, site: settings.siteName }),
    path: tagPath(data.tag.slug, data.page),
    siteName: settings.siteName,
  });
}

export default async function TagPage(props: Props) {
  const data = await load(props);
  if (!data) return <MissingPage />;
  const { tag, page, listing } = data;
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return (
    <Listing
      kicker={tr.tagKicker}
      title={format(tr.tagHeading, { tag: tag.name })}
      stories={listing.stories}
      total={listing.total}
      page={page}
      href={(p) => tagPath(tag.slug, p)}
      settings={settings}
      tr={tr}
    />
  );
}
