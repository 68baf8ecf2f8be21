import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/site/search-form';
import { SearchPagination } from '@/components/site/search-pagination';
import { SearchResults } from '@/components/site/search-results';
import { format, getMessages, type Messages } from '@/i18n';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '@/lib/search/query';
import { formatNumber } from '@/lib/format/formatter';
import { getSiteChrome, searchSite } from '../_lib/data';
import { readSearchParams, searchHref, type RawSearchParams } from './params';

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = getMessages().search;
  const q = readSearchParams(await searchParams).q.trim();
  // Result pages are endless variations of the same stories: not for search engines' indexes.
  return { title: q ? format(t.metaTitle, { query: q }) : t.title, robots: { index: false, follow: true } };
}

const arabicPlurals = new Intl.PluralRules('ar');

function resultCount(t: Messages['search'], total: number, number: (n: number) => string): string {
  const forms = t.resultCount;
  const category = arabicPlurals.select(total) as keyof typeof forms;
  return format(forms[category] ?? forms.other, { count: number(total) });
}

export default async function SearchPage({ searchParams }: Props) {
  const params = readSearchParams(await searchParams);
  const t = getMessages().search;
  const query = params.q.trim();
  const [{ settings, sections }, outcome] = await Promise.all([
    getSiteChrome(),
    query
      ? searchSite({
          q: params.q,
          page: params.page,
          sectionSlug: params.section || undefined,
          from: params.from || undefined,
          to: params.to || undefined,
        })
      : null,
  ]);
  const number = (n: number) => formatNumber(n, settings.digits);
  const linkTo = (page: number, q = params.q) => searchHref({ ...params, q, page });

  return (
    <section aria-labelledby="search-heading" className="mx-auto max-w-3xl">
      <h1 id="search-heading" className="text-2xl font-bold">
        {outcome?.kind === 'results' && outcome.total > 0 ? format(t.resultsFor, { query }) : t.title}
      </h1>
      <SearchForm t={t} q={params.q} section={params.section} from={params.from} to={params.to} sections={sections} />

      {params.badDate && (
        <p role="status" className="mt-4 rounded-md border border-rule bg-[#fff8e6] px-4 py-3 text-sm">
          {t.badDate}
        </p>
      )}

      {outcome === null && (
        <div className="mt-10">
          <h2 className="text-lg font-semibold">{t.emptyTitle}</h2>
          <p className="mt-2 text-muted">{t.emptyBody}</p>
          <p className="mt-2 text-sm leading-7 text-muted">{t.tips}</p>
        </div>
      )}

      {outcome?.kind === 'refused' && (
        <p role="alert" className="mt-8 rounded-md border border-accent px-4 py-3">
          {format(t.refused[outcome.reason], { max: number(outcome.reason === 'tooLong' ? MAX_QUERY_CHARS : MAX_QUERY_TERMS) })}
        </p>
      )}

      {outcome?.kind === 'results' && outcome.total === 0 && (
        <div className="mt-10">
          <h2 className="text-lg font-semibold">{format(t.noResultsTitle, { query })}</h2>
          {outcome.suggestion && (
            <p className="mt-3 text-lg">
              {t.didYouMean}{' '}
              <Link href={searchHref({ ...params, q: outcome.suggestion, page: 1 })} className="font-semibold text-accent underline">
                <bdi>{outcome.suggestion}</bdi>
              </Link>
              ؟
            </p>
          )}
          <p className="mt-3 text-muted">{t.noResultsBody}</p>
          <p className="mt-2 text-sm leading-7 text-muted">{t.tips}</p>
        </div>
      )}

      {outcome?.kind === 'results' && outcome.total > 0 && (
        <div className="mt-8">
          <p role="status" className="text-sm text-muted">
            {resultCount(t, outcome.total, number)}
          </p>
          {outcome.hits.length > 0 ? (
            <SearchResults hits={outcome.hits} settings={settings} start={(outcome.page - 1) * outcome.pageSize + 1} />
          ) : (
            <p className="mt-6">
              {t.pastEnd}{' '}
              <Link href={linkTo(1)} className="font-semibold text-accent underline">
                {t.firstPage}
              </Link>
            </p>
          )}
          <SearchPagination t={t} page={outcome.page} pages={outcome.pageCount} href={(page) => linkTo(page)} number={number} />
        </div>
      )}
    </section>
  );
}
