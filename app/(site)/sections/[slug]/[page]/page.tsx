import type { Metadata } from 'next';
import { Listing } from '@/components/site/listing';
import { MissingPage } from '@/components/site/missing-page';
import { format, getMessages } from '@/i18n';
import { pageExists } from '@/lib/seo/pagination';
import { sectionFeedPath, sectionPath } from '@/lib/seo/paths';
import { getSection, getSectionListing, getSiteChrome } from '../../../_lib/data';
import { feedAlternates, listingMetadata, notFoundMetadata, pagedTitle } from '../../../_lib/metadata';
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
  const section = await getSection(slug);
  if (!section) return null;
  const listing = await getSectionListing(section.id, page);
  if (!pageExists(page, listing.total)) return null;
  return { section, page, listing };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  if (!data) return notFoundMetadata();
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  const metadata = listingMetadata({
    title: pagedTitle(data.section.name, data.page, settings.digits),
    description: format(tr.sectionDescription, { section: data.section.name, site: settings.siteName }),
    path: sectionPath(data.section.slug, data.page),
    siteName: settings.siteName,
  });
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: feedAlternates(settings.siteName, [
        { url: sectionFeedPath(data.section.slug), title: format(tr.sectionFeedTitle, { site: settings.siteName, section: data.section.name }) },
      ]),
    },
  };
}

export default async function SectionPage(props: Props) {
  const data = await load(props);
  if (!data) return <MissingPage />;
  const { section, page, listing } = data;
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return (
    <Listing
      title={section.name}
      stories={listing.stories}
      total={listing.total}
      page={page}
      href={(p) => sectionPath(section.slug, p)}
      settings={settings}
      tr={tr}
      feed={{ href: sectionFeedPath(section.slug), label: format(tr.sectionFeed, { section: section.name }) }}
      showSection={false}
    />
  );
}
