import type { Metadata } from 'next';
import Link from 'next/link';
import { MissingPage } from '@/components/site/missing-page';
import { MostRead } from '@/components/site/most-read';
import { StoryCard, StoryCards } from '@/components/site/story-card';
import { format, getMessages } from '@/i18n';
import { sectionPath } from '@/lib/seo/paths';
import { getHomeData, getMostRead, getSiteChrome } from '../../_lib/data';
import { listingMetadata, notFoundMetadata } from '../../_lib/metadata';

/*
 * The home page, `/`, which next.config.ts rewrites to /front/home. A page without a URL parameter
 * would be prerendered by `next build`, which never opens the database; as the one value of a
 * parameter it is rendered on its first request instead and then served whole from Next's cache,
 * refreshed by tag like every public page (docs/decisions/0018).
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): never[] {
  return [];
}

/** The fronts this route serves: the home page only, for now. */
const EDITIONS = new Set(['home']);

type Props = { params: Promise<{ edition: string }> };

const SECTION_BLOCK_SIZE = 3;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!EDITIONS.has((await params).edition)) return notFoundMetadata();
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return listingMetadata({
    title: settings.siteName,
    absoluteTitle: true,
    description: settings.siteDescription || format(tr.homeDescription, { site: settings.siteName }),
    path: '/',
    siteName: settings.siteName,
  });
}

export default async function HomePage({ params }: Props) {
  if (!EDITIONS.has((await params).edition)) return <MissingPage />;
  const messages = getMessages();
  const tr = messages.reader;
  const [{ latest, blocks }, { settings }, mostRead] = await Promise.all([getHomeData(), getSiteChrome(), getMostRead()]);
  const [lead, ...others] = latest;
  const secondary = others.slice(0, 2);
  const rest = others.slice(2, 8);
  // The featured stories (lead and secondary) are not repeated in the section blocks; the
  // "latest" column is a running list and may overlap them. A section whose recent stories are
  // all featured keeps its place in the navigation only.
  const featured = new Set([lead, ...secondary].flatMap((story) => (story ? [story.id] : [])));
  const sectionBlocks = blocks
    .map((block) => ({ ...block, stories: block.stories.filter((story) => !featured.has(story.id)).slice(0, SECTION_BLOCK_SIZE) }))
    .filter((block) => block.stories.length > 0);

  return (
    <>
      <h1 className="sr-only">{settings.siteName}</h1>
      {!lead ? (
        <p className="py-16 text-center text-muted">{messages.home.empty}</p>
      ) : (
        <div className="grid gap-10 lg:grid-cols-3">
          <section aria-labelledby="lead-heading" className="lg:col-span-2">
            <h2 id="lead-heading" className="sr-only">
              {tr.leadStory}
            </h2>
            <StoryCard story={lead} settings={settings} heading="h3" variant="lead" />
            {secondary.length > 0 && (
              <ul className="mt-8 grid gap-8 border-t border-rule pt-6 sm:grid-cols-2">
                {secondary.map((story) => (
                  <li key={story.id}>
                    <StoryCard story={story} settings={settings} heading="h3" />
                  </li>
                ))}
              </ul>
            )}
          </section>
          {(rest.length > 0 || mostRead.length > 0) && (
            <div className="space-y-10 lg:border-s lg:border-rule lg:ps-8">
              {rest.length > 0 && (
                <section aria-labelledby="latest-heading">
                  <h2 id="latest-heading" className="mb-4 border-b-2 border-ink pb-2 text-lg font-bold">
                    {messages.home.title}
                  </h2>
                  <StoryCards stories={rest} settings={settings} heading="h3" variant="compact" />
                </section>
              )}
              <MostRead stories={mostRead} settings={settings} tr={tr} />
            </div>
          )}
        </div>
      )}
      {sectionBlocks.length > 0 && (
        <div className="mt-14 grid gap-x-10 gap-y-12 md:grid-cols-2">
          {sectionBlocks.map(({ section, stories }) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`} className="mb-4 flex items-baseline justify-between border-b-2 border-ink pb-2">
                <Link href={sectionPath(section.slug)} className="text-xl font-bold hover:text-accent">
                  {section.name}
                </Link>
              </h2>
              <StoryCards stories={stories} settings={settings} heading="h3" variant="default" showSection={false} />
              <p className="mt-3 text-sm">
                <Link href={sectionPath(section.slug)} className="font-semibold text-accent underline-offset-4 hover:underline">
                  {format(tr.moreIn, { section: section.name })}
                </Link>
              </p>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
