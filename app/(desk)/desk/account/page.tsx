import { ActionForm, SubmitButton } from '@/components/desk/action-form';
import { Field } from '@/components/ui/field';
import { fieldStyle } from '@/components/ui/styles';
import { getMessages } from '@/i18n';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { changeOwnPasswordAction } from './actions';

export default async function AccountPage() {
  const me = await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t.desk.account}</h1>
      <p>
        {me.name} · <span dir="ltr">{me.email}</span> · {t.desk.roles[me.role]}
      </p>
      <section aria-labelledby="password">
        <h2 id="password" className="text-lg font-bold">
          {t.users.changeOwnPassword}
        </h2>
        <ActionForm action={changeOwnPasswordAction} locale={locale} resetOnSuccess successMessage={t.users.passwordChanged} className="mt-4 space-y-3">
          <Field label={t.users.currentPassword} error="currentPassword">
            <input name="currentPassword" type="password" required autoComplete="current-password" dir="ltr" className={`${fieldStyle} text-start`} />
          </Field>
          <Field label={t.users.newPassword} error="password">
            <input name="password" type="password" required autoComplete="new-password" dir="ltr" className={`${fieldStyle} text-start`} />
          </Field>
          <SubmitButton>{t.users.changeOwnPassword}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
