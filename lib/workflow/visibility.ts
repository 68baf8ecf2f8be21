import type { ArticleStatus } from './states';

/** What the rule reads of a story: its state, the revision readers would see, its schedule and embargo. */
export interface VisibilityFacts {
  status: ArticleStatus;
  publishedRevisionId: number | null;
  scheduledFor: Date | null;
  /** «حظر النشر حتى»: nothing of the story is public before this instant. */
  embargoUntil: Date | null;
}

/**
 * Whether readers can see a story at the instant `at`. A story is visible when it has a published
 * revision and is not unpublished; a scheduled story only from its scheduled time on (at that
 * instant included), so no background job is needed to publish it. A live story being edited
 * again (draft, in review, returned, approved) stays visible with its published revision. On top
 * of all that, a story under embargo is visible only from its embargo time on (that instant
 * included), whatever its state: publishing before the embargo is allowed and shows nothing.
 *
 * This is the rule's only TypeScript form. Its SQL form for queries is `publiclyVisible` in
 * db/queries/visibility.ts; the search documents' copy is the database function
 * `midad_search_visible_from` (db/migrations/0006_*). tests/integration/visibility.test.ts feeds
 * one table of cases to all three.
 */
export function isPubliclyVisible(story: VisibilityFacts, at: Date): boolean {
  if (story.publishedRevisionId === null || story.status === 'unpublished') return false;
  if (story.embargoUntil !== null && story.embargoUntil.getTime() > at.getTime()) return false;
  if (story.status !== 'scheduled') return true;
  return story.scheduledFor !== null && story.scheduledFor.getTime() <= at.getTime();
}

/**
 * Whether a story is out at `at`: readers see it now, or will at its embargo's end with nobody
 * pressing anything — the partners' reading of the rule (visibleToPartners in
 * db/queries/visibility.ts). What «إلغاء النشر» applies to: a story published under embargo can
 * be withdrawn before its time.
 */
export function isReleased(story: VisibilityFacts, at: Date): boolean {
  return isPubliclyVisible({ ...story, embargoUntil: null }, at);
}

/**
 * The date readers see as the story's publication: never earlier than its embargo, so no public
 * page, feed or sitemap dates a story before the moment it could be read.
 */
export function publicDate(story: { publishedAt: Date | null; scheduledFor: Date | null; embargoUntil: Date | null }): Date | null {
  const published = story.publishedAt ?? story.scheduledFor;
  if (published === null) return null;
  return story.embargoUntil !== null && story.embargoUntil.getTime() > published.getTime() ? story.embargoUntil : published;
}

/**
 * Whether a partner preview link can be made for a story: it has a revision readers will get and
 * is not taken down, so the link shows it now (published) or from its scheduled time (scheduled).
 * The link itself shows the story only while visibleToPartners (db/queries/visibility.ts) holds.
 */
export function isPreviewable(story: Pick<VisibilityFacts, 'status' | 'publishedRevisionId'>): boolean {
  return story.publishedRevisionId !== null && story.status !== 'unpublished';
}
