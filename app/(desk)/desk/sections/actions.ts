'use server';

import type { ActionResult } from '@/lib/desk/results';
import { formId, runDeskOperation } from '@/lib/server/next/desk-operation';
import { createSection, moveSection, updateSection } from '@/lib/server/sections/manage-sections';

const fields = (form: FormData) => ({ name: form.get('name') ?? '', slug: form.get('slug') ?? '' });

export async function createSectionAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('createSectionAction', (context) => createSection(context, fields(form)));
}

export async function updateSectionAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('updateSectionAction', (context) => updateSection(context, { sectionId: formId(form.get('sectionId')), ...fields(form) }));
}

export async function moveSectionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const direction = form.get('direction') === 'up' ? 'up' : 'down';
  return runDeskOperation('moveSectionAction', (context) => moveSection(context, { sectionId: formId(form.get('sectionId')), direction }));
}
