import { format, getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import type { FormatSettings } from '@/lib/format/formatter';
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

