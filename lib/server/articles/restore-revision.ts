import 'server-only';
import type { Database } from '@/db/client';
import { findEditableArticle, findRevision } from '@/db/queries/desk';
import { AppError } from '@/lib/errors';
import type { Actor } from '../session';
import { saveArticle, type SaveResult } from './save-article';

/**
 * Restores an old revision by saving its text as a new revision: history is never rewritten, and
 * the restore goes through the same checks (permission, version, approval) as any save.
 */
export async function restoreRevision(
  db: Database,
  actor: Actor,
  articleId: number,
  revisionNumber: number,
  expectedVersion: number,
): Promise<SaveResult> {
  const [article, old] = await Promise.all([findEditableArticle(articleId, db), findRevision(articleId, revisionNumber, db)]);
  if (!article || !old) throw new AppError('NOT_FOUND');
  const text = {
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
  return saveArticle(db, actor, articleId, text, { restoredFrom: old.number });
}
