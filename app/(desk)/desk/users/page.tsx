import { ActionForm, FieldError, SubmitButton } from '@/components/desk/action-form';
import { Field } from '@/components/ui/field';
import { ConfirmedSubmit } from '@/components/desk/confirmed-submit';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/users';
import { format, getMessages } from '@/i18n';
import { ROLES } from '@/lib/permissions';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from './actions';

export default async function UsersPage() {
  const me = await requireCapability('users.manage');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  const people = await listUsers(getDb());
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">{t.users.title}</h1>
      <div className="overflow-x-auto">
        <table className="w-full text-start text-sm">
          <thead className="border-b border-rule text-muted">
            <tr>
              <th scope="col" className="py-2 text-start">{t.users.name}</th>
              <th scope="col" className="py-2 text-start">{t.users.email}</th>
              <th scope="col" className="py-2 text-start">{t.users.role}</th>
              <th scope="col" className="py-2 text-start">{t.users.status}</th>
              <th scope="col" className="py-2 text-start">{t.users.resetPassword}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {people.map((person) => (
              <tr key={person.id} data-email={person.email} className="align-top">
                <td className="py-3 pe-4 font-semibold">
                  {person.name} {person.id === me.id && <span className="text-muted">{t.users.you}</span>}
                </td>
                <td className="py-3 pe-4">
                  <span dir="ltr">{person.email}</span>
                </td>
                <td className="py-3 pe-4">
                  <ActionForm action={changeRoleAction} locale={locale} className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="userId" value={person.id} />
                    <select name="role" defaultValue={person.role} aria-label={`${t.users.role}: ${person.name}`} className={buttonStyle.small}>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t.desk.roles[role]}
                        </option>
                      ))}
                    </select>
                    <SubmitButton className={buttonStyle.small}>{t.users.changeRole}</SubmitButton>
                  </ActionForm>
                </td>
                <td className="py-3 pe-4">
                  <ActionForm action={setActiveAction} locale={locale} className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="userId" value={person.id} />
                    <input type="hidden" name="active" value={person.active ? 'false' : 'true'} />
                    <span>{person.active ? t.users.active : t.users.inactive}</span>
                    {person.active ? (
                      <ConfirmedSubmit
                        label={t.users.deactivate}
                        title={format(t.users.deactivateTitle, { name: person.name })}
                        body={t.users.deactivateBody}
                        cancelLabel={t.workflow.confirm.cancel}
                        tone="danger"
                        className={buttonStyle.small}
                      />
                    ) : (
                      <SubmitButton className={buttonStyle.small}>{t.users.reactivate}</SubmitButton>
                    )}
                  </ActionForm>
                </td>
                <td className="py-3">
                  <ActionForm action={resetPasswordAction} locale={locale} resetOnSuccess successMessage={t.desk.saved} className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="userId" value={person.id} />
                    <input
                      type="password"
                      name="password"
                      autoComplete="new-password"
                      aria-label={`${t.users.newPassword}: ${person.name}`}
                      className={`${buttonStyle.small} w-40`}
                      dir="ltr"
                    />
                    <SubmitButton className={buttonStyle.small}>{t.users.resetPassword}</SubmitButton>
                    <FieldError name="password" />
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="new-user" className="max-w-md">
        <h2 id="new-user" className="text-lg font-bold">
          {t.users.createTitle}
        </h2>
        <ActionForm action={createUserAction} locale={locale} resetOnSuccess successMessage={t.desk.saved} className="mt-4 space-y-3">
          <Field label={t.users.name} error="name">
            <input name="name" required className={fieldStyle} />
          </Field>
          <Field label={t.users.email} error="email">
            <input name="email" type="email" required dir="ltr" className={`${fieldStyle} text-start`} />
          </Field>
          <Field label={t.users.role} error="role">
            <select name="role" defaultValue="editor" className={fieldStyle}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.desk.roles[role]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.users.password} error="password">
            <input name="password" type="password" required autoComplete="new-password" dir="ltr" className={`${fieldStyle} text-start`} />
          </Field>
          <SubmitButton>{t.users.create}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
