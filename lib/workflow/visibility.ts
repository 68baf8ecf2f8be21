import type { ArticleStatus } from './states';

/** What the rule reads of a story: its state, the revision readers would see, its schedule. */
export interface VisibilityFacts {
  status: ArticleStatus;
  publishedRevisionId: number | null;
  scheduledFor: Date | null;
}

/**
 * Whether readers can see a story at the instant `at`. A story is visible when it has a published
 * revision and is not unpublished; a scheduled story only from its scheduled time on (at that
 * instant included), so no background job is needed to publish it. A live story being edited
 * again (draft, in review, returned, approved) stays visible with its published revision.
 *
 * This is the rule's only TypeScript form. Its SQL form for queries is `publiclyVisible` in
 * db/queries/visibility.ts; the search documents' copy is the database function
 * `midad_search_visible_from` (db/migrations/0006_*). tests/integration/visibility.test.ts feeds
 * one table of cases to all three.
 */
export function isPubliclyVisible(story: VisibilityFacts, at: Date): boolean {
  if (story.publishedRevisionId === null || story.status === 'unpublished') return false;
  if (story.status !== 'scheduled') return true;
  return story.scheduledFor !== null && story.scheduledFor.getTime() <= at.getTime();
}
