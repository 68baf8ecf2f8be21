import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import { articles, publicNotes } from '@/db/schema';
import { storyTransitionEntry } from '@/lib/activity/entries';
import { changeAuthorIds } from '@/db/queries/desk';
import { getSiteSettings } from '@/db/queries/settings';
import { cleanText } from '@/lib/arabic/text-fields';
import { scheduledInstant } from '@/lib/format/schedule';
import { can } from '@/lib/permissions';
import { AppError, type ErrorCode } from '@/lib/errors';
import type { ArticleStatus } from '@/lib/workflow/states';
import { decideTransition, WORKFLOW_ACTIONS, type TransitionRefusal, type WorkflowAction } from '@/lib/workflow/transitions';
import { isReleased } from '@/lib/workflow/visibility';
import { PUBLIC_NOTE_FIELDS, readPublicNote } from '@/lib/workflow/public-notes';
import { deskView, done, type DeskContext, type Done } from '../effects';
import { lockArticle, settleDueSchedule } from './article-store';

const REFUSAL_CODES: Record<TransitionRefusal, ErrorCode> = {
  FORBIDDEN: 'FORBIDDEN',
  WRONG_STATE: 'WORKFLOW_WRONG_STATE',
  OWN_REVISION: 'OWN_REVISION',
  NOTE_REQUIRED: 'NOTE_REQUIRED',
  SCHEDULE_IN_PAST: 'SCHEDULE_IN_PAST',
  LIVE_STORY_SCHEDULE: 'LIVE_STORY_SCHEDULE',
};

/** Actions after which readers see something else: the story appears, goes, or its time moves. */
const PUBLIC_ACTIONS: readonly WorkflowAction[] = ['publish', 'unpublish', 'schedule', 'cancel_schedule'];

const MAX_NOTE_LENGTH = 4000;

/**
 * Moves an article through the workflow in one transaction: lock the row, check the version the
 * person saw, check role and transition, write the new state and the audit event. The version
 * check makes a repeated request (two tabs, a double click, a replay) take effect once: the second
 * finds the version moved on and is refused with ARTICLE_STALE, changing nothing.
 */
export async function transitionArticle(
  { db, actor }: DeskContext,
  options: {
    articleId: number;
    action: WorkflowAction;
    expectedVersion: number;
    note?: string | null;
    scheduledFor?: Date | null;
    /** A schedule as typed in the desk ("2026-12-02T14:05"), read in the site's zone; used when `scheduledFor` is not given. */
    scheduledWallTime?: unknown;
    /**
     * A public note for readers («تصحيح» or «تحديث»: 'correction' or 'update') and its text, as
     * typed. Only publishing a story readers already see may carry one (docs/product.md §3).
     */
    publicNoteKind?: unknown;
    publicNoteText?: unknown;
  },
): Promise<Done<{ status: ArticleStatus; version: number }>> {
  const { articleId, action } = options;
  // A role that may never take this action is refused before anything about the story is read,
  // and before its input is: a refused caller learns nothing from a malformed time.
  if (!Object.hasOwn(WORKFLOW_ACTIONS, action) || !can(actor.role, WORKFLOW_ACTIONS[action].capability)) throw new AppError('FORBIDDEN');
  const scheduledFor =
    options.scheduledFor ?? (action === 'schedule' && options.scheduledWallTime !== undefined ? scheduledInstant(options.scheduledWallTime, (await getSiteSettings(db)).timeZone) : null);
  // Cleaned again after the cut, so a cut through an emoji leaves no half of it behind.
  const note = (typeof options.note === 'string' ? cleanText(cleanText(options.note).slice(0, MAX_NOTE_LENGTH)) : '') || null;
  const publicNote = readPublicNote(options.publicNoteKind, options.publicNoteText);
  if (publicNote && action !== 'publish') throw new AppError('INVALID_INPUT', undefined, { field: PUBLIC_NOTE_FIELDS.kind });
  const result = await db.transaction(async (tx) => {
    let article = await lockArticle(tx, articleId);
    if (article.version !== options.expectedVersion) {
      throw new AppError('ARTICLE_STALE', undefined, { version: String(article.version) });
    }
    article = await settleDueSchedule(tx, article);
    const now = new Date();
    const live = isReleased(article, now);
    const decision = decideTransition({
      action,
      role: actor.role,
      actorId: actor.id,
      status: article.status,
      changeAuthorIds: await changeAuthorIds(article.id, tx),
      live,
      note,
      scheduledFor,
      now,
    });
    if (!decision.ok) throw new AppError(REFUSAL_CODES[decision.refusal]);
    // A first publication has nothing to correct or update: a note goes only with the new version
    // of a story readers already have.
    if (publicNote && !live) throw new AppError('PUBLIC_NOTE_NOT_LIVE', undefined, { field: PUBLIC_NOTE_FIELDS.kind });

    const changes: Partial<typeof articles.$inferInsert> = {};
    if (action === 'publish') {
      changes.publishedRevisionId = article.currentRevisionId;
      changes.scheduledFor = null;
    } else if (action === 'schedule') {
      // The approved revision goes live at the scheduled time; readers' queries enforce the time.
      changes.publishedRevisionId = article.currentRevisionId;
      changes.scheduledFor = scheduledFor!;
    } else if (action === 'cancel_schedule') {
      changes.publishedRevisionId = null;
      changes.scheduledFor = null;
    } else if (action === 'unpublish') {
      // Readers lose the story at once; a pending edit (the current revision) stays, as a draft.
      changes.publishedRevisionId = null;
      changes.scheduledFor = null;
    }
    const [updated] = await tx
      .update(articles)
      .set({
        ...changes,
        status: decision.to,
        publishedAt: action === 'publish' ? sql`coalesce(${articles.publishedAt}, now())` : undefined,
        version: sql`${articles.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(articles.id, article.id))
      .returning({ version: articles.version });
    await recordActivity(
      tx,
      storyTransitionEntry(action, {
        actorId: actor.id,
        articleId: article.id,
        // A takedown names the revision readers stopped seeing, which a pending edit has moved past.
        revisionId: action === 'unpublish' ? article.publishedRevisionId : article.currentRevisionId,
        from: article.status,
        to: decision.to,
        note,
        scheduledFor,
        publicNote,
      }),
    );
    if (publicNote) {
      // Tied to the revision this publication puts before readers, at the publication's time.
      await tx.insert(publicNotes).values({ articleId: article.id, revisionId: article.currentRevisionId!, kind: publicNote.kind, body: publicNote.text, authorId: actor.id });
    }
    return { status: decision.to, version: updated!.version };
  });
  return done(
    result,
    PUBLIC_ACTIONS.includes(action) && { kind: 'public', change: { kind: 'article', articleId } },
    deskView(`/desk/articles/${articleId}`),
    deskView('/desk'),
  );
}
