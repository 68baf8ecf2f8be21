import 'server-only';
import { findEditableArticle, findRevision } from '@/db/queries/desk';
import { AppError } from '@/lib/errors';
import type { SavedArticle } from '@/lib/desk/results';
import { deskView, type DeskContext, type Done } from '../effects';
import { saveArticle } from './save-article';

/**
 * Restores an old revision by saving its text as a new revision: history is never rewritten, and
 * the restore goes through the same checks (permission, version, approval) as any save.
 */
export async function restoreRevision(
  context: DeskContext,
  { articleId, revisionNumber, expectedVersion }: { articleId: number; revisionNumber: number; expectedVersion: number },
): Promise<Done<SavedArticle>> {
  const { db } = context;
  const [article, old] = await Promise.all([findEditableArticle(articleId, db), findRevision(articleId, revisionNumber, db)]);
  if (!article || !old) throw new AppError('NOT_FOUND');
  const text = {
    articleId,
    expectedVersion,
    fields: {
      title: old.title,
      summary: old.summary,
      byline: old.byline,
      featuredMediaId: old.featuredMediaId,
      sectionId: article.sectionId,
      tags: article.tags,
    },
    body: old.body,
  };
  // Recorded in the log as a restore of this revision, not as an ordinary save.
  const saved = await saveArticle(context, { ...text, restoredFrom: old.number });
  // The history and review views under the story show the restored revision too.
  return {
    value: saved.value,
    effects: saved.effects.map((effect) => (effect.kind === 'desk' ? deskView(effect.path, 'layout') : effect)),
  };
}
