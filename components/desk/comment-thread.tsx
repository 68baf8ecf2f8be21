import type { CommentView } from '@/db/queries/desk';
import { format, getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import type { Formatter } from '@/lib/format/formatter';
import { Field } from '@/components/ui/field';
import { ActionForm, SubmitButton } from './action-form';
import { DeskTime } from './desk-time';

const small = 'rounded-md border border-rule px-2 py-1 text-xs hover:bg-rule';

export function CommentThread({
  articleId,
  comments,
  locale,
  dates,
  actions,
}: {
  articleId: number;
  comments: CommentView[];
  locale: Locale;
  dates: Formatter;
  actions: { add: FormAction; resolve: FormAction };
}) {
  const t = getMessages(locale).workflow;
  const roots = comments.filter((c) => c.parentId === null);
  const replies = (id: number) => comments.filter((c) => c.parentId === id);
  return (
    <div className="space-y-4">
      <ul className="space-y-3">
        {roots.map((comment) => (
          <li key={comment.id} className={`rounded-md border border-rule p-3 ${comment.resolvedAt ? 'opacity-60' : 'bg-white'}`}>
            <CommentBody comment={comment} locale={locale} dates={dates} />
            <ul className="mt-2 space-y-2 border-s-2 border-rule ps-3">
              {replies(comment.id).map((reply) => (
                <li key={reply.id}>
                  <CommentBody comment={reply} locale={locale} dates={dates} />
                </li>
              ))}
            </ul>
            {!comment.resolvedAt && (
              <div className="mt-2 flex flex-wrap items-start gap-2">
                <ActionForm action={actions.add} locale={locale} resetOnSuccess className="flex flex-1 gap-2">
                  <input type="hidden" name="articleId" value={articleId} />
                  <input type="hidden" name="parentId" value={comment.id} />
                  <input name="body" aria-label={t.reply} required className="min-w-0 flex-1 rounded-md border border-rule px-2 py-1 text-sm" />
                  <SubmitButton className={small}>{t.reply}</SubmitButton>
                </ActionForm>
                <ActionForm action={actions.resolve} locale={locale}>
                  <input type="hidden" name="articleId" value={articleId} />
                  <input type="hidden" name="commentId" value={comment.id} />
                  <SubmitButton className={small}>{t.resolve}</SubmitButton>
                </ActionForm>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ActionForm action={actions.add} locale={locale} resetOnSuccess className="space-y-2">
        <input type="hidden" name="articleId" value={articleId} />
        <Field label={t.commentBody} error="body">
          <textarea name="body" rows={3} required className="block w-full rounded-md border border-rule bg-white p-2" />
        </Field>
        <SubmitButton>{t.addComment}</SubmitButton>
      </ActionForm>
    </div>
  );
}

function CommentBody({ comment, locale, dates }: { comment: CommentView; locale: Locale; dates: Formatter }) {
  const t = getMessages(locale).workflow;
  return (
    <div className="text-sm">
      <p className="text-xs text-muted">
        <span className="font-semibold text-ink">{comment.authorName}</span> · <DeskTime date={comment.createdAt} dates={dates} /> ·{' '}
        {format(t.onRevision, { number: comment.revisionNumber })}
        {comment.resolvedAt && <span> · {t.resolved}</span>}
      </p>
      <p dir="auto" className="mt-1 whitespace-pre-line">
        {comment.body}
      </p>
    </div>
  );
}
