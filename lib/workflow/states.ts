export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * Whether readers may see an article: it has a published revision and is not unpublished; a
 * scheduled article from its scheduled time on, so visibility never depends on a background job.
 * A live article being re-edited (draft, in review, approved) stays visible with its published
 * revision. The SQL form of this rule lives in db/queries/public.ts; tests keep the two in step.
 */
export function isPubliclyVisible(
  article: { status: ArticleStatus; scheduledFor: Date | null; publishedRevisionId: number | null },
  now: Date,
): boolean {
  if (article.publishedRevisionId === null || article.status === 'unpublished') return false;
  return article.status !== 'scheduled' || (article.scheduledFor !== null && article.scheduledFor <= now);
}
