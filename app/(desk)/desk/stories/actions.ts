'use server';

import type { ActionResult, BulkOutcome } from '@/lib/desk/results';
import { applyToStories } from '@/lib/server/articles/apply-to-stories';
import { formId, runDeskOperation } from '@/lib/server/next/desk-operation';

/** The inventory's bulk form: the chosen stories, the step, and the section or tag it needs. */
export async function bulkStoriesAction(_: unknown, form: FormData): Promise<ActionResult<BulkOutcome[]>> {
  return runDeskOperation('bulkStoriesAction', async (context) => {
    const section = form.get('sectionId');
    return applyToStories(context, {
      articleIds: form.getAll('story').map(formId),
      step: form.get('step'),
      sectionId: section ? formId(section) : null,
      tag: typeof form.get('tag') === 'string' ? String(form.get('tag')) : null,
    });
  });
}
