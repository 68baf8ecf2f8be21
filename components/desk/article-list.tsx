import Link from 'next/link';
import type { DeskArticleRow } from '@/db/queries/desk';
import { format, getMessages, type Locale } from '@/i18n';
import type { Formatter } from '@/lib/format/formatter';
import { DeskTime } from './desk-time';

export function ArticleList({
  rows,
  locale,
  dates,
  showScheduled = false,
  select,
  views,
}: {
  rows: DeskArticleRow[];
  locale: Locale;
  /** The page's deskFormatter: the site's zone, the desk's language. */
  dates: Formatter;
  showScheduled?: boolean;
  /** A checkbox per story, posting its id under `name`, labelled with `label` and the title. */
  select?: { name: string; label: string };
  /** Readers' views of each story in the last 24 hours, shown for stories that are live or were read. */
  views?: ReadonlyMap<number, number>;
}) {
  const t = getMessages(locale);
  if (!rows.length) return <p className="text-sm text-muted">{t.workflow.empty}</p>;
  return (
    <ul className="divide-y divide-rule">
      {rows.map((row) => (
        <li key={row.id} className="flex items-start gap-3 py-2">
          {select && (
            <input type="checkbox" name={select.name} value={row.id} aria-label={format(select.label, { title: row.title })} className="mt-1.5 size-4 shrink-0" />
          )}
          <div className="min-w-0">
            <Link href={`/desk/articles/${row.id}`} dir="auto" className="font-semibold hover:underline">
              {row.title}
            </Link>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
              <span className="rounded bg-rule px-1.5 text-ink">{t.status[row.status]}</span>
              {row.live && <span className="rounded bg-emerald-100 px-1.5 text-emerald-900">{t.workflow.live}</span>}
              {row.openBy.length > 0 && (
                <span className="rounded bg-amber-50 px-1.5 text-amber-900">{format(t.articleForm.othersEditing, { names: row.openBy.join(locale === 'ar' ? '، ' : ', ') })}</span>
              )}
              <span>{row.sectionName}</span>
              <span>{format(t.workflow.by, { name: row.authorName })}</span>
              {views && (row.live || views.has(row.id)) && (
                <span className="tabular-nums">{format(t.stories.recentViews, { count: dates.number(views.get(row.id) ?? 0) })}</span>
              )}
              {showScheduled && row.scheduledFor ? (
                <span>
                  {t.workflow.scheduledFor}: <DeskTime date={row.scheduledFor} dates={dates} />
                </span>
              ) : (
                <span>
                  {t.desk.updated}: <DeskTime date={row.updatedAt} dates={dates} />
                </span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
