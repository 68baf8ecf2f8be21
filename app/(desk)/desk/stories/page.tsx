import { ActionForm, FieldError } from '@/components/desk/action-form';
import { ArticleList } from '@/components/desk/article-list';
import { BulkReport } from '@/components/desk/bulk-report';
import { ConfirmedSubmit } from '@/components/desk/confirmed-submit';
import { FilterButtons, FilterOptions, IgnoredFilters, PageLinks } from '@/components/desk/listing';
import { Field } from '@/components/ui/field';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
import { getDb } from '@/db/client';
import { recentViewCounts } from '@/db/queries/article-views';
import { listSectionsForDesk, listStories } from '@/db/queries/desk';
import { getSiteSettings } from '@/db/queries/settings';
import { listUsers } from '@/db/users';
import { format, getMessages } from '@/i18n';
import { BULK_STEPS } from '@/lib/desk/results';
import { isFiltered, MAX_STORY_TEXT, parseStoryFilter, STORIES_PAGE_SIZE, STORY_SORTS, storiesHref } from '@/lib/desk/story-filter';
import { deskFormatter, wallTimeOf } from '@/lib/format/formatter';
import type { QueryParams } from '@/lib/http/query-params';
import { can } from '@/lib/permissions';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { ARTICLE_STATUSES } from '@/lib/workflow/states';
import { bulkStoriesAction } from './actions';

/** The newsroom's whole inventory: every story in every state, filtered, sorted and paged by URL. */
export default async function StoriesPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const user = await requireCapability('desk.access');
  const [locale, settings, params] = await Promise.all([getDeskLocale(), getSiteSettings(), searchParams]);
  const t = getMessages(locale);
  const tr = t.stories;
  const filter = parseStoryFilter(params, settings.timeZone);
  const db = getDb();
  const [{ rows, total }, sections, people] = await Promise.all([listStories(filter, db), listSectionsForDesk(db), listUsers(db)]);
  const views = await recentViewCounts(
    rows.map((row) => row.id),
    new Date(),
    db,
  );
  const dates = deskFormatter(locale, settings);
  const mayChange = can(user.role, 'article.create');
  const pages = Math.max(1, Math.ceil(total / STORIES_PAGE_SIZE));
  const day = (date: Date | undefined, end = false) => (date ? wallTimeOf(new Date(date.getTime() - (end ? 1 : 0)), settings.timeZone).slice(0, 10) : '');
  const labels: Record<string, string> = { status: tr.status, section: tr.section, author: tr.author, tag: tr.tag, from: tr.from, to: tr.to, q: tr.text, sort: tr.sort, page: tr.pages };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{tr.title}</h1>
      <form method="get" action="/desk/stories" aria-label={tr.filters} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <Field label={tr.text}>
          <input name="q" type="search" defaultValue={filter.text ?? ''} maxLength={MAX_STORY_TEXT} dir="auto" className={fieldStyle} />
        </Field>
        <Field label={tr.status}>
          <select name="status" defaultValue={filter.status ?? ''} className={fieldStyle}>
            <FilterOptions any={tr.anyStatus} choices={ARTICLE_STATUSES.map((status) => ({ value: status, label: t.status[status] }))} />
          </select>
        </Field>
        <Field label={tr.section}>
          <select name="section" defaultValue={filter.sectionId ?? ''} className={fieldStyle}>
            <FilterOptions any={tr.anySection} choices={sections.map((section) => ({ value: section.id, label: section.name }))} />
          </select>
        </Field>
        <Field label={tr.author}>
          <select name="author" defaultValue={filter.authorId ?? ''} className={fieldStyle}>
            <FilterOptions any={tr.anyone} choices={people.map((person) => ({ value: person.id, label: person.name }))} />
          </select>
        </Field>
        <Field label={tr.tag}>
          <input name="tag" defaultValue={filter.tag ?? ''} maxLength={MAX_STORY_TEXT} dir="auto" className={fieldStyle} />
        </Field>
        <Field label={tr.from}>
          <input type="date" name="from" defaultValue={day(filter.from)} className={fieldStyle} />
        </Field>
        <Field label={tr.to}>
          <input type="date" name="to" defaultValue={day(filter.to, true)} className={fieldStyle} />
        </Field>
        <Field label={tr.sort}>
          <select name="sort" defaultValue={filter.sort} className={fieldStyle}>
            <FilterOptions choices={STORY_SORTS.map((sort) => ({ value: sort, label: tr.sorts[sort] }))} />
          </select>
        </Field>
        <FilterButtons apply={tr.apply} clear={tr.clear} clearHref="/desk/stories" showClear={isFiltered(params)} />
      </form>
      <IgnoredFilters ignored={filter.ignored} labels={labels} sentence={tr.badFilter} locale={locale} />
      <section aria-labelledby="found" className="space-y-3">
        <h2 id="found" className="text-sm font-semibold text-muted">
          {format(tr.found, { count: dates.number(total) })}
          {total > 0 && <> · {format(tr.page, { page: dates.number(filter.page), pages: dates.number(pages) })}</>}
        </h2>
        {rows.length === 0 ? (
          <p className="text-muted">{tr.empty}</p>
        ) : mayChange ? (
          // Choosing stories and a step posts them together; each story goes through its own use case.
          <ActionForm action={bulkStoriesAction} locale={locale} className="space-y-4">
            <ArticleList rows={rows} locale={locale} dates={dates} select={{ name: 'story', label: tr.select }} views={views} />
            <fieldset className="grid gap-3 rounded-md border border-rule p-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
              <legend className="px-1 text-sm font-semibold">{tr.bulk}</legend>
              <Field label={tr.step} error="step">
                <select name="step" className={fieldStyle}>
                  <FilterOptions choices={BULK_STEPS.map((step) => ({ value: step, label: tr.steps[step] }))} />
                </select>
              </Field>
              <Field label={tr.moveTo} error="sectionId">
                <select name="sectionId" className={fieldStyle}>
                  <FilterOptions any={tr.noSection} choices={sections.map((section) => ({ value: section.id, label: section.name }))} />
                </select>
              </Field>
              <Field label={tr.addTag} error="tag">
                <input name="tag" maxLength={MAX_STORY_TEXT} dir="auto" className={fieldStyle} />
              </Field>
              <ConfirmedSubmit label={tr.applyBulk} title={tr.confirmTitle} body={tr.confirmBody} cancelLabel={t.workflow.confirm.cancel} className={buttonStyle.primary} />
            </fieldset>
            <FieldError name="story" />
            <BulkReport locale={locale} />
          </ActionForm>
        ) : (
          <ArticleList rows={rows} locale={locale} dates={dates} views={views} />
        )}
      </section>
      <PageLinks
        label={tr.pages}
        previous={filter.page > 1 ? { href: storiesHref(params, Math.min(filter.page - 1, pages)), text: tr.previousPage } : undefined}
        next={filter.page < pages ? { href: storiesHref(params, filter.page + 1), text: tr.nextPage } : undefined}
      />
    </div>
  );
}
