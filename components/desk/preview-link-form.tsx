'use client';

import { Field } from '@/components/ui/field';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
import { getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import { ActionForm, SubmitButton } from './action-form';
import { SecretOnce } from './secret-once';

const LIFETIMES = ['hour', 'day', 'week'] as const;

/** Makes a partner preview link for one story and shows the link once, with a copy button. */
export function PreviewLinkForm({
  articleId,
  embargoed,
  locale,
  create,
}: {
  articleId: number;
  /** The story's embargo lies ahead: the link can last until it lifts. */
  embargoed: boolean;
  locale: Locale;
  create: FormAction<{ token: string; expiresAt: string }>;
}) {
  const t = getMessages(locale).previewLinks;
  const choices = embargoed ? [...LIFETIMES, 'embargo' as const] : LIFETIMES;
  return (
    <ActionForm action={create} locale={locale} className="space-y-2">
      <input type="hidden" name="articleId" value={articleId} />
      <Field label={t.lifetime} error="lifetime">
        <select name="lifetime" defaultValue="day" className={fieldStyle}>
          {choices.map((lifetime) => (
            <option key={lifetime} value={lifetime}>
              {t.lifetimes[lifetime]}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton className={`${buttonStyle.secondary} border-ink`}>{t.create}</SubmitButton>
      <SecretOnce
        pick={(value) =>
          value && typeof value === 'object' && 'token' in value ? { secret: new URL(`/preview/${(value as { token: string }).token}`, window.location.origin).href } : null
        }
        heading={t.ready}
        explain={t.readyExplain}
        label={t.linkLabel}
        copyLabel={t.copy}
        copied={t.copied}
        copyFailed={getMessages(locale).apiKeys.copyFailed}
      />
    </ActionForm>
  );
}
