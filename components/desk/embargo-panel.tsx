import { getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import { wallTimeOf, type FormatSettings } from '@/lib/format/formatter';
import { Field } from '@/components/ui/field';
import { ActionForm, FieldError, SubmitButton } from './action-form';
import { ScheduleInput } from './schedule-input';

const button = 'rounded-md px-4 py-2 font-semibold';

/**
 * «حظر النشر حتى»: set, move or lift a story's embargo, each with a note for the activity log.
 * Shown only to those the permission table allows; the server checks again.
 */
export function EmbargoPanel({
  articleId,
  version,
  embargoUntil,
  locale,
  dateSettings,
  embargo,
}: {
  articleId: number;
  version: number;
  embargoUntil: Date | null;
  locale: Locale;
  dateSettings: FormatSettings;
  /** The server action the forms post to. */
  embargo: FormAction;
}) {
  const t = getMessages(locale).workflow.embargo;
  const done = getMessages(locale).workflow.done;
  return (
    <section aria-labelledby={`embargo-${articleId}`} className="space-y-3">
      <h2 id={`embargo-${articleId}`} className="font-bold">
        {t.heading}
      </h2>
      <ActionForm action={embargo} locale={locale} successMessage={done} className="space-y-2">
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <ScheduleInput
          id={`embargo-until-${articleId}`}
          name="embargoUntil"
          label={t.field}
          locale={locale}
          dateSettings={dateSettings}
          defaultValue={embargoUntil ? wallTimeOf(embargoUntil, dateSettings.timeZone) : undefined}
        />
        <FieldError name="embargoUntil" />
        <p className="text-xs text-muted">{t.explain}</p>
        <Field label={t.note} hint={t.noteHint} error="note">
          <textarea name="note" rows={2} required className="block w-full rounded-md border border-rule bg-white p-2" />
        </Field>
        <SubmitButton className={`${button} border border-ink`}>{embargoUntil ? t.change : t.set}</SubmitButton>
      </ActionForm>
      {embargoUntil && (
        <ActionForm action={embargo} locale={locale} successMessage={done} className="space-y-2">
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <input type="hidden" name="lift" value="1" />
          <Field label={t.liftNote} error="note">
            <textarea name="note" rows={2} required className="block w-full rounded-md border border-rule bg-white p-2" />
          </Field>
          <SubmitButton className={`${button} border border-accent text-accent`}>{t.lift}</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
