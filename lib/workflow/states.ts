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
 * Whether readers may see an article. A scheduled article counts as published from its
 * scheduled time on, so visibility never depends on a background job having run.
 * The SQL form of this rule lives in db/queries/public.ts; tests keep the two in step.
 */
export function isPubliclyVisible(
  article: { status: ArticleStatus; scheduledFor: Date | null },
  now: Date,
): boolean {
  if (article.status === 'published') return true;
  return article.status === 'scheduled' && article.scheduledFor !== null && article.scheduledFor <= now;
}
