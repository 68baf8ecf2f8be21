'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/server/action-result';
import { formId, runDeskAction } from '@/lib/server/desk-action';
import { createUser } from '@/lib/server/users/create-user';
import { resetUserPassword } from '@/lib/server/users/set-password';
import { changeUserRole, setUserActive } from '@/lib/server/users/update-user-access';

const done = (result: ActionResult) => {
  if (result.ok) revalidatePath('/desk/users');
  return result;
};

export async function createUserAction(_: unknown, form: FormData): Promise<ActionResult> {
  return done(
    await runDeskAction('createUserAction', (db, actor) =>
      createUser(db, actor, {
        email: form.get('email') ?? '',
        name: form.get('name') ?? '',
        role: form.get('role') ?? '',
        password: form.get('password') ?? '',
      }).then(() => undefined),
    ),
  );
}

export async function changeRoleAction(_: unknown, form: FormData): Promise<ActionResult> {
  return done(await runDeskAction('changeRoleAction', (db, actor) => changeUserRole(db, actor, formId(form.get('userId')), form.get('role'))));
}

export async function setActiveAction(_: unknown, form: FormData): Promise<ActionResult> {
  return done(
    await runDeskAction('setActiveAction', (db, actor) => setUserActive(db, actor, formId(form.get('userId')), form.get('active') === 'true')),
  );
}

export async function resetPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  return done(
    await runDeskAction('resetPasswordAction', (db, actor) => resetUserPassword(db, actor, formId(form.get('userId')), form.get('password'))),
  );
}
