import { getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import { wallTimeOf, type FormatSettings } from '@/lib/format/formatter';
import { ActionForm, FieldError, SubmitButton } from './action-form';
import { ScheduleInput } from './schedule-input';

const button = 'rounded-md px-4 py-2 font-semibold';

/**
 * «عاجل»: mark a story readers can see as breaking news until a time — two hours from now unless
 * the editor types another — move that time, or clear the mark. Shown to those the permission table
 * allows while the story is live; the server checks both again.
 */
export function BreakingPanel({
  articleId,
  breakingUntil,
  defaultUntil,
  locale,
  dateSettings,
  breaking,
}: {
  articleId: number;
  /** The end of the running mark, or null when the story is not breaking. */
  breakingUntil: Date | null;
  /** What the field offers when the story is not breaking yet. */
  defaultUntil: Date;
  locale: Locale;
  dateSettings: FormatSettings;
  /** The server action the forms post to. */
  breaking: FormAction;
}) {
  const messages = getMessages(locale);
  const t = messages.workflow.breaking;
  return (
    <section aria-labelledby={`breaking-${articleId}`} className="space-y-3">
      <h2 id={`breaking-${articleId}`} className="font-bold">
        {t.heading}
      </h2>
      <ActionForm action={breaking} locale={locale} successMessage={messages.workflow.done} className="space-y-2">
        <input type="hidden" name="articleId" value={articleId} />
        <ScheduleInput
          id={`breaking-until-${articleId}`}
          name="breakingUntil"
          label={t.field}
          locale={locale}
          dateSettings={dateSettings}
          defaultValue={wallTimeOf(breakingUntil ?? defaultUntil, dateSettings.timeZone)}
        />
        <FieldError name="breakingUntil" />
        <p className="text-xs text-muted">{t.explain}</p>
        <SubmitButton className={`${button} border border-accent text-accent`}>{breakingUntil ? t.change : t.set}</SubmitButton>
      </ActionForm>
      {breakingUntil && (
        <ActionForm action={breaking} locale={locale} successMessage={messages.workflow.done}>
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="clear" value="1" />
          <SubmitButton className={`${button} border border-ink`}>{t.clear}</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
