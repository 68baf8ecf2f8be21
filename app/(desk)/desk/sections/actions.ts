'use server';

import { revalidatePath } from 'next/cache';
import { refreshPublicPages } from '@/lib/server/public-cache';
import type { ActionResult } from '@/lib/server/action-result';
import { formId, runDeskAction } from '@/lib/server/desk-action';
import { createSection, moveSection, updateSection } from '@/lib/server/sections/manage-sections';

const done = async (result: ActionResult) => {
  // Section names and order appear on every public page (navigation, listings) and in the desk.
  if (result.ok) {
    await refreshPublicPages({ kind: 'site' });
    revalidatePath('/desk', 'layout');
  }
  return result;
};

const fields = (form: FormData) => ({ name: form.get('name') ?? '', slug: form.get('slug') ?? '' });

export async function createSectionAction(_: unknown, form: FormData): Promise<ActionResult> {
  return done(await runDeskAction('createSectionAction', (db, actor) => createSection(db, actor, fields(form))));
}

export async function updateSectionAction(_: unknown, form: FormData): Promise<ActionResult> {
  return done(await runDeskAction('updateSectionAction', (db, actor) => updateSection(db, actor, formId(form.get('sectionId')), fields(form))));
}

export async function moveSectionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const direction = form.get('direction') === 'up' ? 'up' : 'down';
  return done(await runDeskAction('moveSectionAction', (db, actor) => moveSection(db, actor, formId(form.get('sectionId')), direction)));
}
