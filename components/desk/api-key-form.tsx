'use client';

import { Field } from '@/components/ui/field';
import { fieldStyle } from '@/components/ui/styles';
import { getMessages, type Locale } from '@/i18n';
import type { FormAction } from '@/lib/desk/results';
import { ActionForm, FieldError, SubmitButton } from './action-form';
import { SecretOnce } from './secret-once';

const SCOPES = ['public', 'partner'] as const;

/** Makes an API key and shows its secret once, right under the form. */
export function ApiKeyForm({ locale, create }: { locale: Locale; create: FormAction<{ secret: string; name: string }> }) {
  const t = getMessages(locale).apiKeys;
  return (
    <ActionForm action={create} locale={locale} resetOnSuccess className="max-w-xl space-y-4">
      <Field label={t.name} hint={t.nameHint} error="name">
        <input name="name" required maxLength={80} dir="auto" autoComplete="off" className={fieldStyle} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t.scope}</legend>
        {SCOPES.map((scope) => (
          <div key={scope} className="flex items-start gap-2">
            <input
              id={`scope-${scope}`}
              type="radio"
              name="scope"
              value={scope}
              defaultChecked={scope === 'public'}
              aria-describedby={`scope-hint-${scope}`}
              className="mt-1.5"
            />
            <div>
              <label htmlFor={`scope-${scope}`} className="font-semibold">
                {t.scopes[scope]}
              </label>
              <p id={`scope-hint-${scope}`} className="text-xs text-muted">
                {t.scopeHints[scope]}
              </p>
            </div>
          </div>
        ))}
        <FieldError name="scope" />
      </fieldset>
      <SubmitButton>{t.create}</SubmitButton>
      <SecretOnce
        pick={(value) => (value && typeof value === 'object' && 'secret' in value ? (value as { secret: string; name: string }) : null)}
        heading={t.secretHeading}
        explain={t.secretOnce}
        label={t.secretLabel}
        copyLabel={t.copy}
        copied={t.copied}
        copyFailed={t.copyFailed}
      />
    </ActionForm>
  );
}
