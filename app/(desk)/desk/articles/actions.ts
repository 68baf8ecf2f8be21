'use server';

import { findEditableArticle } from '@/db/queries/desk';
import type { ActionResult, ArticlePayload, Failure, PresenceReport, SavedArticle, SlugCheck } from '@/lib/desk/results';
import { AppError } from '@/lib/errors';
import { checkSlug } from '@/lib/server/articles/check-slug';
import { addComment, resolveComment } from '@/lib/server/articles/comments';
import { createArticle } from '@/lib/server/articles/create-article';
import { heartbeat, leave } from '@/lib/server/articles/presence';
import { restoreRevision } from '@/lib/server/articles/restore-revision';
import { saveArticle } from '@/lib/server/articles/save-article';
import { setBreaking } from '@/lib/server/articles/set-breaking';
import { createPreviewLink, revokePreviewLink } from '@/lib/server/articles/preview-links';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { DeskContext } from '@/lib/server/effects';
import { formId, runDeskOperation } from '@/lib/server/next/desk-operation';
import { PUBLIC_NOTE_FIELDS } from '@/lib/workflow/public-notes';
import { ALL_WORKFLOW_ACTIONS, type WorkflowAction } from '@/lib/workflow/transitions';

// Every action here runs through runDeskOperation: the same-site check, the caller, the use case,
// one result, and the effects the use case returned (lib/server/next/desk-operation.ts).

export async function createArticleAction(payload: ArticlePayload): Promise<ActionResult<{ id: number }>> {
  return runDeskOperation('createArticleAction', async (context) => {
    const { value, effects } = await createArticle(context, payload);
    return { value: { id: value.id }, effects };
  });
}

export async function saveArticleAction(articleId: number, expectedVersion: number, payload: ArticlePayload, autosave = false): Promise<ActionResult<SavedArticle>> {
  return runDeskOperation(
    'saveArticleAction',
    (context) => saveArticle(context, { articleId, expectedVersion, ...payload, autosave: autosave === true }),
    { explain: (failure, context) => withConflict(failure, context, articleId) },
  );
}

/** A save refused as stale carries the newer version it collided with, for the conflict view. */
async function withConflict(failure: Failure, { db }: DeskContext, articleId: number): Promise<Failure> {
  if (failure.error !== 'ARTICLE_STALE') return failure;
  const current = await findEditableArticle(articleId, db);
  if (!current) return failure;
  const { revision } = current;
  return {
    ...failure,
    conflict: {
      version: current.version,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      authorName: revision.authorName,
      savedAt: revision.createdAt.toISOString(),
    },
  };
}

/** Workflow buttons post here: the action name, the version the page showed, the note/time, and a public note with «نشر». */
export async function transitionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const action = String(form.get('action')) as WorkflowAction;
  return runDeskOperation('transitionAction', async (context) => {
    if (!ALL_WORKFLOW_ACTIONS.includes(action)) throw new AppError('WORKFLOW_WRONG_STATE');
    const { effects } = await transitionArticle(context, {
      articleId: formId(form.get('articleId')),
      action,
      expectedVersion: Number(form.get('expectedVersion')),
      note: typeof form.get('note') === 'string' ? String(form.get('note')) : null,
      scheduledWallTime: form.get('scheduledFor'),
      publicNoteKind: form.get(PUBLIC_NOTE_FIELDS.kind),
      publicNoteText: form.get(PUBLIC_NOTE_FIELDS.text),
    });
    return { value: undefined, effects };
  });
}

/** The embargo forms post here: set or move it (a time and a note), or lift it (a note). */
export async function embargoAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('embargoAction', async (context) => {
    const { effects } = await setEmbargo(context, {
      articleId: formId(form.get('articleId')),
      expectedVersion: Number(form.get('expectedVersion')),
      lift: form.get('lift') === '1',
      untilWallTime: form.get('embargoUntil'),
      note: form.get('note'),
    });
    return { value: undefined, effects };
  });
}

/** The «عاجل» forms post here: mark the story breaking until a time, move that time, or clear it. */
export async function breakingAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('breakingAction', async (context) => {
    const { effects } = await setBreaking(context, {
      articleId: formId(form.get('articleId')),
      clear: form.get('clear') === '1',
      untilWallTime: form.get('breakingUntil'),
    });
    return { value: undefined, effects };
  });
}

/** A partner preview link for one story: the token comes back once, to build the link from. */
export async function createPreviewLinkAction(_: unknown, form: FormData): Promise<ActionResult<{ token: string; expiresAt: string }>> {
  return runDeskOperation('createPreviewLinkAction', async (context) => {
    const { value, effects } = await createPreviewLink(context, { articleId: formId(form.get('articleId')), lifetime: form.get('lifetime') });
    return { value: { token: value.token, expiresAt: value.expiresAt.toISOString() }, effects };
  });
}

export async function revokePreviewLinkAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('revokePreviewLinkAction', (context) =>
    revokePreviewLink(context, { articleId: formId(form.get('articleId')), linkId: formId(form.get('linkId')) }),
  );
}

export async function addCommentAction(_: unknown, form: FormData): Promise<ActionResult> {
  const parent = form.get('parentId');
  return runDeskOperation('addCommentAction', (context) =>
    addComment(context, { articleId: formId(form.get('articleId')), body: form.get('body'), parentId: parent ? formId(parent) : null }),
  );
}

export async function resolveCommentAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('resolveCommentAction', (context) =>
    resolveComment(context, { articleId: formId(form.get('articleId')), commentId: formId(form.get('commentId')) }),
  );
}

export async function restoreRevisionAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('restoreRevisionAction', async (context) => {
    const { effects } = await restoreRevision(context, {
      articleId: formId(form.get('articleId')),
      revisionNumber: Number(form.get('revisionNumber')),
      expectedVersion: Number(form.get('expectedVersion')),
    });
    return { value: undefined, effects };
  });
}

export async function checkSlugAction(input: string, articleId: number | null): Promise<ActionResult<SlugCheck>> {
  return runDeskOperation('checkSlugAction', (context) => checkSlug(context, { input, articleId }));
}

export async function heartbeatAction(articleId: number, version: number): Promise<ActionResult<PresenceReport>> {
  return runDeskOperation('heartbeatAction', (context) => heartbeat(context, { articleId, version }));
}

export async function leaveAction(articleId: number): Promise<ActionResult> {
  return runDeskOperation('leaveAction', (context) => leave(context, { articleId }));
}
