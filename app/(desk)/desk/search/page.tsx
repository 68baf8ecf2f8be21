import Link from 'next/link';
import { Field } from '@/components/ui/field';
import { DeskTime } from '@/components/desk/desk-time';
import { buttonStyle } from '@/components/ui/styles';
import { searchAllArticles } from '@/db/queries/search';
import { getSiteSettings } from '@/db/queries/settings';
import { format, getMessages } from '@/i18n';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '@/lib/search/query';
import { deskFormatter } from '@/lib/format/formatter';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { ARTICLE_STATUSES } from '@/lib/workflow/states';
import { deskSearchHref, readDeskSearchParams, type RawDeskSearchParams } from './params';

type Props = { searchParams: Promise<RawDeskSearchParams> };

/** The newsroom's search: every story in every state, matched on the text being worked on. */
export default async function DeskSearchPage({ searchParams }: Props) {
  await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  const { q, status, page } = readDeskSearchParams(await searchParams);
  const [outcome, settings] = await Promise.all([q.trim() ? searchAllArticles({ q, statuses: status ? [status] : [], page }) : null, getSiteSettings()]);
  const dates = deskFormatter(locale, settings);
  const refusal =
    outcome?.kind === 'refused'
      ? format(t.search.refused[outcome.reason], { max: outcome.reason === 'tooLong' ? MAX_QUERY_CHARS : MAX_QUERY_TERMS })
      : null;

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t.search.title}</h1>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <Field label={t.search.queryLabel} className="flex-1">
          <input name="q" defaultValue={q} dir="auto" maxLength={MAX_QUERY_CHARS * 2} className="block w-full rounded-md border border-rule bg-white px-3 py-2" />
        </Field>
        <label>
          <span className="block text-sm font-semibold">{t.users.status}</span>
          <select name="status" defaultValue={status ?? ''} className="rounded-md border border-rule bg-white px-2 py-2">
            <option value="">—</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonStyle.primary}>
          {t.search.submit}
        </button>
      </form>
      {refusal && (
        <p role="alert" className="text-accent">
          {refusal}
        </p>
      )}
      {outcome?.kind === 'results' && (
        <section aria-label={format(t.search.resultsFor, { query: q })}>
          {outcome.total === 0 ? (
            <p className="text-muted">{format(t.search.noResultsTitle, { query: q })}</p>
          ) : (
            <ol className="divide-y divide-rule [&_mark]:rounded-sm [&_mark]:bg-[#fbe7a1] [&_mark]:px-0.5">
              {outcome.hits.map((hit) => (
                <li key={hit.id} className="py-3">
                  <Link href={`/desk/articles/${hit.id}`} className="font-semibold hover:underline">
                    <span dir="auto" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                  </Link>
                  {hit.snippetHtml && <p dir="auto" className="mt-1 text-sm text-muted" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />}
                  <p className="mt-1 flex flex-wrap gap-3 text-xs text-muted">
                    <span className="rounded bg-rule px-1.5 text-ink">{t.status[hit.status]}</span>
                    <span>{hit.sectionName}</span>
                    <DeskTime date={hit.updatedAt} dates={dates} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          {outcome.pageCount > 1 && (
            <nav aria-label={t.search.paginationLabel} className="mt-4 flex gap-4 text-sm">
              {outcome.page > 1 && <Link href={deskSearchHref({ q, status, page: outcome.page - 1 })}>{t.search.previousPage}</Link>}
              <span>{format(t.search.pageOf, { page: outcome.page, pages: outcome.pageCount })}</span>
              {outcome.page < outcome.pageCount && <Link href={deskSearchHref({ q, status, page: outcome.page + 1 })}>{t.search.nextPage}</Link>}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
