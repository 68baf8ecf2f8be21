import { format, getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import type { FormatSettings } from '@/lib/format/formatter';
import { PUBLIC_NOTE_FIELDS, PUBLIC_NOTE_KINDS } from '@/lib/workflow/public-notes';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { Field } from '@/components/ui/field';
import { ActionForm, FieldError, SubmitButton } from './action-form';
import { ConfirmedSubmit } from './confirmed-submit';
import { ScheduleInput } from './schedule-input';

const button = 'rounded-md px-4 py-2 font-semibold';
const STYLE: Record<WorkflowAction, string> = {
  submit: `${button} bg-ink text-paper`,
  request_changes: `${button} border border-accent text-accent`,
  approve: `${button} bg-emerald-700 text-white`,
  publish: `${button} bg-accent text-white`,
  schedule: `${button} border border-ink`,
  cancel_schedule: `${button} border border-rule`,
  unpublish: `${button} border border-accent text-accent`,
};

/**
 * The workflow buttons this person may use on this article now. The list comes from the same pure
 * rules the server enforces; the server checks again when a button is pressed.
 */
export function WorkflowPanel({
  articleId,
  version,
  actions,
  locale,
  dateSettings,
  takedownKeepsEdit = false,
  publicUrl,
  offerPublicNote = false,
  transition,
}: {
  articleId: number;
  version: number;
  actions: WorkflowAction[];
  locale: Locale;
  /** The site's time zone (in which a schedule time is typed) and digits. */
  dateSettings: FormatSettings;
  /** The story is live while an edit of it is pending: taking it down keeps that edit as a draft. */
  takedownKeepsEdit?: boolean;
  /** Where readers find the story once it is public, named when «نشر», «جدولة» or «إلغاء النشر» asks first. */
  publicUrl: string;
  /** Readers already see the story, so «نشر» may carry a note for them («تصحيح» or «تحديث»). */
  offerPublicNote?: boolean;
  /** The server action every workflow button posts to. */
  transition: FormAction;
}) {
  const t = getMessages(locale).workflow;
  if (!actions.length) return null;
  // The steps readers feel at once ask first, saying what will happen.
  const confirmation: Partial<Record<WorkflowAction, { title: string; body: string }>> = {
    publish: { title: t.confirm.publishTitle, body: format(t.confirm.publishBody, { url: '{url}' }) },
    schedule: { title: t.confirm.scheduleTitle, body: format(t.confirm.scheduleBody, { url: '{url}', zone: dateSettings.timeZone, time: '{scheduledFor}' }) },
    unpublish: { title: t.confirm.unpublishTitle, body: format(t.confirm.unpublishBody, { url: '{url}' }) },
  };
  return (
    <div className="space-y-3">
      {actions.map((action) => (
        <ActionForm key={action} action={transition} locale={locale} successMessage={t.done} className="space-y-2">
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <input type="hidden" name="action" value={action} />
          {action === 'request_changes' && (
            <Field label={t.note} hint={t.noteHint}>
              <textarea name="note" rows={3} className="block w-full rounded-md border border-rule bg-white p-2" />
            </Field>
          )}
          {action === 'approve' && (
            <Field label={t.note}>
              <textarea name="note" rows={2} className="block w-full rounded-md border border-rule bg-white p-2" />
            </Field>
          )}
          {action === 'publish' && offerPublicNote && <PublicNoteFields articleId={articleId} locale={locale} />}
          {action === 'schedule' && (
            <>
              <ScheduleInput id={`schedule-${articleId}`} locale={locale} dateSettings={dateSettings} />
              <FieldError name="scheduledFor" />
            </>
          )}
          {confirmation[action] ? (
            <ConfirmedSubmit
              label={t.actions[action]}
              title={confirmation[action].title}
              body={confirmation[action].body}
              cancelLabel={t.confirm.cancel}
              tone={action === 'unpublish' ? 'danger' : 'default'}
              url={publicUrl}
              className={STYLE[action]}
              aria-describedby={action === 'unpublish' && takedownKeepsEdit ? `takedown-hint-${articleId}` : undefined}
            />
          ) : (
            <SubmitButton className={STYLE[action]}>{t.actions[action]}</SubmitButton>
          )}
          {action === 'unpublish' && takedownKeepsEdit && (
            <p id={`takedown-hint-${articleId}`} className="text-xs text-muted">
              {t.takedownKeepsEdit}
            </p>
          )}
        </ActionForm>
      ))}
    </div>
  );
}


/**
 * The optional note readers get with a new version of a live story: no note, «تصحيح» or «تحديث»,
 * and its text. No maxLength: a pasted note longer than the limit is refused with its error, never
 * cut short unseen. Each radio is named by its label alone; the server's error for the choice is tied
 * to every radio, the text's error to the text, both through aria-describedby.
 */
function PublicNoteFields({ articleId, locale }: { articleId: number; locale: Locale }) {
  const t = getMessages(locale).workflow.publicNote;
  const kindError = `${PUBLIC_NOTE_FIELDS.kind}-error`;
  const choices = [{ value: '', label: t.none }, ...PUBLIC_NOTE_KINDS.map((kind) => ({ value: kind, label: t.kinds[kind] }))];
  return (
    <fieldset className="space-y-2 rounded-md border border-rule p-3">
      <legend className="px-1 text-sm font-semibold">{t.legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {choices.map((choice) => (
          <label key={choice.value || 'none'} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name={PUBLIC_NOTE_FIELDS.kind}
              value={choice.value}
              defaultChecked={choice.value === ''}
              aria-describedby={kindError}
              className="accent-accent"
            />
            {choice.label}
          </label>
        ))}
      </div>
      <FieldError name={PUBLIC_NOTE_FIELDS.kind} />
      <Field label={t.text} hint={t.hint} error={PUBLIC_NOTE_FIELDS.text}>
        <textarea
          id={`public-note-${articleId}`}
          name={PUBLIC_NOTE_FIELDS.text}
          rows={3}
          dir="auto"
          className="block w-full rounded-md border border-rule bg-white p-2"
        />
      </Field>
    </fieldset>
  );
}
