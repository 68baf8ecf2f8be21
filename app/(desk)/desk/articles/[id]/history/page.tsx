import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/desk/action-form';
import { ConfirmedSubmit } from '@/components/desk/confirmed-submit';
import { WordDiff } from '@/components/diff/word-diff';
import { DeskTime } from '@/components/desk/desk-time';
import { buttonStyle } from '@/components/ui/styles';
import { findEditableArticle, findRevision, listRevisions } from '@/db/queries/desk';
import { listDeskNotes } from '@/db/queries/public-notes';
import { getSiteSettings } from '@/db/queries/settings';
import { format, getMessages } from '@/i18n';
import { deskFormatter } from '@/lib/format/formatter';
import { canEditArticle } from '@/lib/permissions';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { restoreRevisionAction } from '../../actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string; all?: string }> };

export default async function HistoryPage({ params, searchParams }: Props) {
  const user = await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale).workflow;
  const article = await findEditableArticle(Number((await params).id));
  if (!article) notFound();
  const query = await searchParams;
  const [allRevisions, settings, notes] = await Promise.all([listRevisions(article.id), getSiteSettings(), listDeskNotes(article.id)]);
  const dates = deskFormatter(locale, settings);
  // Autosaves stay out of the list (the newest one excepted) unless asked for.
  const newestAutosave = allRevisions.find((r) => r.kind === 'autosave');
  const showAll = query.all === '1';
  // A revision published with a public note stays in the list, so the note is seen beside it.
  const noted = new Set(notes.map((note) => note.revisionId));
  const revisions = showAll
    ? allRevisions
    : allRevisions.filter((r) => r.kind === 'save' || r === newestAutosave || r.number === article.revision.number || noted.has(r.id));
  const hidden = allRevisions.length - revisions.length;
  const to = Number(query.to) || article.revision.number;
  const from = Number(query.from) || Math.max(1, to - 1);
  const [older, newer] = await Promise.all([findRevision(article.id, from), findRevision(article.id, to)]);
  const mayRestore = canEditArticle(user.role, article.status);

  return (
    <div className="space-y-8">
      <div>
        <Link href={`/desk/articles/${article.id}`} className="text-sm text-accent underline">
          {t.backToArticle}
        </Link>
        <h1 dir="auto" className="mt-2 text-2xl font-bold">
          {t.history}: {article.revision.title}
        </h1>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3">
        {(['from', 'to'] as const).map((side) => (
          <label key={side} className="text-sm">
            <span className="block font-semibold">{t[side]}</span>
            <select name={side} defaultValue={side === 'from' ? from : to} className="rounded-md border border-rule bg-white px-2 py-1">
              {revisions.map((r) => (
                <option key={r.id} value={r.number}>
                  {format(t.revision, { number: r.number })} — {r.authorName}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className={buttonStyle.small}>
          {t.compare}
        </button>
      </form>

      {older && newer && (
        <section aria-label={`${format(t.revision, { number: from })} → ${format(t.revision, { number: to })}`} className="rounded-md border border-rule bg-white p-4">
          <WordDiff before={`${older.title}\n${older.summary}\n${older.bodyText}`} after={`${newer.title}\n${newer.summary}\n${newer.bodyText}`} locale={locale} className="prose-article" />
        </section>
      )}

      <ol className="divide-y divide-rule">
        {revisions.map((revision) => (
          <li key={revision.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-semibold">
                {format(t.revision, { number: revision.number })}
                {revision.kind === 'autosave' && <span className="ms-2 text-xs text-muted">({t.autosave})</span>}
                {revision.number === article.revision.number && <span className="ms-2 rounded bg-rule px-1.5 text-xs">{t.current}</span>}
              </p>
              <p className="text-sm text-muted">
                {revision.authorName} · <DeskTime date={revision.createdAt} dates={dates} /> · {format(t.words, { count: revision.words })}
              </p>
              {notes
                .filter((note) => note.revisionId === revision.id)
                .map((note) => (
                  <div key={note.id} className="mt-2 rounded-md border-s-4 border-accent bg-white p-2 text-sm">
                    <p className="font-semibold">
                      {format(t.publicNote.publishedWith, { kind: t.publicNote.kinds[note.kind] })} · {note.authorName} · <DeskTime date={note.createdAt} dates={dates} />
                    </p>
                    <p dir="auto" className="mt-1 whitespace-pre-line">
                      {note.text}
                    </p>
                  </div>
                ))}
            </div>
            <Link href={`/desk/articles/${article.id}/preview?rev=${revision.number}`} className="text-sm text-accent underline">
              {t.preview}
            </Link>
            {mayRestore && revision.number !== article.revision.number && (
              <ActionForm action={restoreRevisionAction} locale={locale} successMessage={t.done}>
                <input type="hidden" name="articleId" value={article.id} />
                <input type="hidden" name="revisionNumber" value={revision.number} />
                <input type="hidden" name="expectedVersion" value={article.version} />
                <ConfirmedSubmit
                  label={t.restore}
                  title={format(t.confirm.restoreTitle, { number: revision.number })}
                  body={t.confirm.restoreBody}
                  cancelLabel={t.confirm.cancel}
                  className={buttonStyle.small}
                />
              </ActionForm>
            )}
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <Link href={`?all=1`} className="text-sm text-accent underline">
          {format(t.showAutosaves, { count: hidden })}
        </Link>
      )}
      <p className="text-sm text-muted">{t.restoreHint}</p>
    </div>
  );
}
