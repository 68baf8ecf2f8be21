import type { Metadata } from 'next';
import Link from 'next/link';
import { plural } from '@/components/site/format';
import { MissingPage } from '@/components/site/missing-page';
import { Pagination } from '@/components/site/pagination';
import { PublicDate } from '@/components/site/public-date';
import { format, getMessages } from '@/i18n';
import { formatNumber } from '@/lib/format/formatter';
import { pageCount, pageExists } from '@/lib/seo/pagination';
import { articlePath, correctionsPath } from '@/lib/seo/paths';
import { getCorrections, getSiteChrome } from '../../_lib/data';
import { listingMetadata, notFoundMetadata, pagedTitle } from '../../_lib/metadata';
import { pageFromParam } from '../../_lib/params';

/*
 * «التصحيحات»: every correction published on a story readers can see, newest first, each linking
 * to its story. Updates («تحديث») stay on their stories: this page is the newsroom's record of what
 * it got wrong. Cached whole like the other listings (docs/decisions/0018); `/corrections?page=N`
 * reaches the last segment through the proxy and next.config.ts.
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): never[] {
  return [];
}

type Props = { params: Promise<{ page: string }> };

async function load({ params }: Props) {
  const page = pageFromParam((await params).page);
  if (page === null) return null;
  const listing = await getCorrections(page);
  if (!pageExists(page, listing.total)) return null;
  return { page, listing };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  if (!data) return notFoundMetadata();
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return listingMetadata({
    title: pagedTitle(tr.correctionsTitle, data.page, settings.digits),
    description: format(tr.correctionsDescription, { site: settings.siteName }),
    path: correctionsPath(data.page),
    siteName: settings.siteName,
  });
}

export default async function CorrectionsPage(props: Props) {
  const data = await load(props);
  if (!data) return <MissingPage />;
  const { page, listing } = data;
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  const pages = pageCount(listing.total);
  const atLabel = (time: string) => format(tr.dateAt, { time });
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-8 border-b-2 border-ink pb-4">
        <h1 className="font-serif text-3xl leading-[1.6] font-bold md:text-4xl">{tr.correctionsTitle}</h1>
        <p className="mt-2 leading-8 text-muted">{tr.correctionsIntro}</p>
        <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-muted">
          <span>{plural(tr.correctionCount, listing.total, formatNumber(listing.total, settings.digits))}</span>
          {page > 1 && <span>{format(tr.pageOf, { page: formatNumber(page, settings.digits), pages: formatNumber(pages, settings.digits) })}</span>}
        </p>
      </header>
      {listing.corrections.length === 0 ? (
        <p className="py-8 text-muted">{tr.correctionsEmpty}</p>
      ) : (
        <ol className="divide-y divide-rule">
          {listing.corrections.map((correction) => (
            <li key={correction.id} className="py-5">
              <article aria-labelledby={`correction-${correction.id}`}>
                <p className="text-sm">
                  <span className="font-semibold text-accent">{correction.sectionName}</span>
                  <span className="text-muted"> · </span>
                  <PublicDate date={correction.at} settings={settings} withTime atLabel={atLabel} />
                </p>
                <h2 id={`correction-${correction.id}`} dir="auto" className="mt-1 font-serif text-xl leading-[1.7] font-bold">
                  <Link href={articlePath(correction.slug)} className="hover:text-accent hover:underline">
                    {correction.title}
                  </Link>
                </h2>
                <p dir="auto" className="mt-2 border-s-4 border-accent ps-3 leading-8 whitespace-pre-line">
                  {correction.text}
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} href={(p) => correctionsPath(p)} digits={settings.digits} tr={tr} />
    </div>
  );
}
