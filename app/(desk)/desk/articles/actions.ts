'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { findEditableArticle, isSlugTaken } from '@/db/queries/desk';
import { getSiteSettings } from '@/db/queries/settings';
import { slugify } from '@/lib/arabic/slug';
import { AppError, isAppError } from '@/lib/errors';
import { scheduledInstant } from '@/lib/format/schedule';
import { failureFrom, type ActionResult } from '@/lib/server/action-result';
import { addComment, resolveComment } from '@/lib/server/articles/comments';
import { createArticle } from '@/lib/server/articles/create-article';
import { heartbeat, leave, type PresenceReport } from '@/lib/server/articles/presence';
import { restoreRevision } from '@/lib/server/articles/restore-revision';
import { saveArticle } from '@/lib/server/articles/save-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import { formId, identifyCaller, refusalLogged, runDeskAction } from '@/lib/server/desk-action';
import { capturePublicFootprint, refreshPublicPages } from '@/lib/server/public-cache';
import { ALL_WORKFLOW_ACTIONS, type WorkflowAction } from '@/lib/workflow/transitions';

export interface ArticlePayload {
  fields: {
    title: string;
    summary: string;
    byline: string;
    sectionId: number;
    tags: string[];
    slug?: string;
    featuredMediaId: number | null;
  };
  body: unknown;
}

/** The newer version a stale save collided with, for the conflict view. */
export interface ConflictVersion {
  version: number;
  title: string;
  summary: string;
  body: unknown;
  authorName: string;
  savedAt: string;
}

export type SaveOutcome =
  | { ok: true; version: number; revisionNumber: number | null; status: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: ConflictVersion };

export async function createArticleAction(payload: ArticlePayload): Promise<{ ok: true; id: number } | { ok: false; error: string; fieldErrors?: Record<string, string> }> {
  const actor = await identifyCaller('createArticleAction');
  if (typeof actor === 'string') return { ok: false, error: actor };
  try {
    const created = await createArticle(getDb(), actor, payload);
    revalidatePath('/desk');
    return { ok: true, id: created.id };
  } catch (error) {
    return refusalLogged('createArticleAction', actor, codedFailure(error));
  }
}

export async function saveArticleAction(articleId: number, expectedVersion: number, payload: ArticlePayload, autosave = false): Promise<SaveOutcome> {
  const actor = await identifyCaller('saveArticleAction');
  if (typeof actor === 'string') return { ok: false, error: actor };
  const db = getDb();
  try {
    const before = await capturePublicFootprint(articleId, db);
    const result = await saveArticle(db, actor, articleId, { expectedVersion, ...payload, autosave: autosave === true });
    if (result.readersAffected) await refreshPublicPages({ kind: 'article', articleId, before }, db);
    revalidatePath(`/desk/articles/${articleId}`);
    return { ok: true, version: result.version, revisionNumber: result.revisionNumber, status: result.status };
  } catch (error) {
    if (isAppError(error, 'ARTICLE_STALE')) {
      const current = await findEditableArticle(articleId, db);
      return {
        ok: false,
        error: 'ARTICLE_STALE',
        conflict: current
          ? {
              version: current.version,
              title: current.revision.title,
              summary: current.revision.summary,
              body: current.revision.body,
              authorName: current.revision.authorName,
              savedAt: current.revision.createdAt.toISOString(),
            }
          : undefined,
      };
    }
    return refusalLogged('saveArticleAction', actor, codedFailure(error));
  }
}

/** An error as the editor's own result shape: a code and the fields it concerns. */
function codedFailure(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  const failure = failureFrom(error);
  return failure.ok ? { ok: false, error: 'UNEXPECTED' } : { ok: false, error: failure.error, fieldErrors: failure.fieldErrors };
}

/** Workflow buttons post here: the action name, the version the page showed, and the note/time. */
export async function transitionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const articleId = formId(form.get('articleId'));
  const action = String(form.get('action')) as WorkflowAction;
  const scheduledRaw = form.get('scheduledFor');
  const result = await runDeskAction('transitionAction', async (db, actor) => {
    if (!ALL_WORKFLOW_ACTIONS.includes(action)) throw new AppError('WORKFLOW_WRONG_STATE');
    const scheduledFor = action === 'schedule' ? scheduledInstant(scheduledRaw, (await getSiteSettings(db)).timeZone) : null;
    const outcome = await transitionArticle(db, actor, articleId, action, {
      expectedVersion: Number(form.get('expectedVersion')),
      note: typeof form.get('note') === 'string' ? String(form.get('note')) : null,
      scheduledFor,
    });
    if (outcome.readersAffected) await refreshPublicPages({ kind: 'article', articleId }, db);
  });
  if (result.ok) {
    revalidatePath(`/desk/articles/${articleId}`);
    revalidatePath('/desk');
  }
  return result;
}

export async function addCommentAction(_: unknown, form: FormData): Promise<ActionResult> {
  const articleId = formId(form.get('articleId'));
  const parent = form.get('parentId');
  const result = await runDeskAction('addCommentAction', (db, actor) =>
    addComment(db, actor, articleId, { body: form.get('body'), parentId: parent ? formId(parent) : null }),
  );
  if (result.ok) revalidatePath(`/desk/articles/${articleId}`);
  return result;
}

export async function resolveCommentAction(_: unknown, form: FormData): Promise<ActionResult> {
  const articleId = formId(form.get('articleId'));
  const result = await runDeskAction('resolveCommentAction', (db, actor) => resolveComment(db, actor, articleId, formId(form.get('commentId'))));
  if (result.ok) revalidatePath(`/desk/articles/${articleId}`);
  return result;
}

export async function restoreRevisionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const articleId = formId(form.get('articleId'));
  const result = await runDeskAction('restoreRevisionAction', async (db, actor) => {
    const before = await capturePublicFootprint(articleId, db);
    const saved = await restoreRevision(db, actor, articleId, Number(form.get('revisionNumber')), Number(form.get('expectedVersion')));
    if (saved.readersAffected) await refreshPublicPages({ kind: 'article', articleId, before }, db);
  });
  if (result.ok) revalidatePath(`/desk/articles/${articleId}`, 'layout');
  return result;
}

/** Live slug check for the editor: the slug the rules make of the input, and whether it is free. */
export async function checkSlugAction(input: string, articleId: number | null): Promise<{ slug: string; available: boolean } | null> {
  const actor = await identifyCaller('checkSlugAction');
  if (typeof actor === 'string' || typeof input !== 'string' || input.length > 400) return null;
  const slug = slugify(input);
  if (!slug) return { slug, available: false };
  return { slug, available: !(await isSlugTaken(slug, articleId ?? undefined)) };
}

/** The editor's heartbeat: who else has the story open, and the server's version of it. */
export async function heartbeatAction(articleId: number, version: number): Promise<PresenceReport | null> {
  const actor = await identifyCaller('heartbeatAction');
  if (typeof actor === 'string') return null;
  try {
    return await heartbeat(getDb(), actor, articleId, version);
  } catch (error) {
    if (!isAppError(error)) throw error;
    refusalLogged('heartbeatAction', actor, { ok: false, error: error.code });
    return null;
  }
}

export async function leaveAction(articleId: number): Promise<void> {
  const actor = await identifyCaller('leaveAction');
  if (typeof actor !== 'string') await leave(getDb(), actor, articleId);
}
