import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { readPublicFootprint } from '@/db/queries/site-stories';
import { articleRevisions, articles, slugHistory, type ArticleRevision } from '@/db/schema';
import { STORY_FIELDS, type SaveDetails, type StoryField } from '@/lib/activity/entries';
import { slugify } from '@/lib/arabic/slug';
import { documentToText } from '@/lib/content/render';
import { validateDocument } from '@/lib/content/validate';
import { AppError } from '@/lib/errors';
import { canEditArticle } from '@/lib/permissions';
import { isPubliclyVisible } from '@/lib/workflow/visibility';
import type { SavedArticle } from '@/lib/desk/results';
import type { ArticleStatus } from '@/lib/workflow/states';
import { deskView, done, type DeskContext, type Done } from '../effects';
import { ZArticleFields } from './article-input';
import {
  assertMediaExists,
  assertSectionExists,
  canonicalJson,
  lockArticle,
  nextRevisionNumber,
  resolveArticleSlug,
  isUniqueViolation,
  ARTICLE_SLUG_CONSTRAINT,
  setArticleTags,
  settleDueSchedule,
} from './article-store';

/** States whose approval a content change voids: what was approved is exactly what gets published. */
const APPROVAL_VOIDED: ArticleStatus[] = ['approved', 'scheduled'];

/**
 * Saves an article. The save carries the version it was based on; if someone saved since, it is
 * refused with ARTICLE_STALE and nothing changes. A content change appends a revision; changing
 * an approved or scheduled article sends it back to draft, and a live article's edit becomes a
 * working revision while readers keep the published one.
 */
export async function saveArticle(
  { db, actor }: DeskContext,
  input: {
    articleId: number;
    expectedVersion: number;
    fields: unknown;
    body: unknown;
    autosave?: boolean;
    /** Set by a restore: the number of the revision whose text this save brings back. */
    restoredFrom?: number;
  },
): Promise<Done<SavedArticle>> {
  const { articleId } = input;
  const kind = input.autosave ? 'autosave' : 'save';
  const fields = ZArticleFields.parse(input.fields);
  const body = validateDocument(input.body);
  const bodyText = documentToText(body);

  const { saved, before } = await db.transaction(async (tx) => {
    let article = await lockArticle(tx, articleId);
    if (!canEditArticle(actor.role, article.status)) throw new AppError('FORBIDDEN');
    if (article.version !== input.expectedVersion) {
      throw new AppError('ARTICLE_STALE', undefined, { version: String(article.version) });
    }
    article = await settleDueSchedule(tx, article);
    // Where readers found the story before this save: a new slug, section or tags moves it.
    const before = isPubliclyVisible(article, new Date()) ? await readPublicFootprint(article.id, tx) : null;
    await assertSectionExists(tx, fields.sectionId);
    await assertMediaExists(tx, body, fields.featuredMediaId);

    const [current] = await tx.select().from(articleRevisions).where(eq(articleRevisions.id, article.currentRevisionId!));
    const contentChanged =
      !current ||
      current.title !== fields.title ||
      current.summary !== fields.summary ||
      current.byline !== fields.byline ||
      current.featuredMediaId !== fields.featuredMediaId ||
      canonicalJson(current.body) !== canonicalJson(body);

    let revisionId = article.currentRevisionId;
    let revisionNumber: number | null = null;
    // «حفظ» after an autosave records the same text as an explicit revision.
    const promoteAutosave = kind === 'save' && current?.kind === 'autosave';
    if (contentChanged || promoteAutosave) {
      revisionNumber = await nextRevisionNumber(tx, article.id);
      const [revision] = await tx
        .insert(articleRevisions)
        .values({
          articleId: article.id,
          number: revisionNumber,
          title: fields.title,
          summary: fields.summary,
          byline: fields.byline,
          featuredMediaId: fields.featuredMediaId,
          body,
          bodyText,
          authorId: actor.id,
          kind,
        })
        .returning({ id: articleRevisions.id });
      revisionId = revision!.id;
    }

    // Slug: an explicit new slug, checked for uniqueness; a live article's old slug keeps redirecting.
    let slug = article.slug;
    if (fields.slug !== undefined && slugify(fields.slug) !== article.slug) {
      slug = await resolveArticleSlug(tx, fields.slug, article.id);
      if (article.publishedAt !== null) {
        await tx.insert(slugHistory).values({ oldSlug: article.slug, articleId: article.id }).onConflictDoUpdate({
          target: slugHistory.oldSlug,
          set: { articleId: article.id },
        });
      }
      await tx.delete(slugHistory).where(eq(slugHistory.oldSlug, slug));
    }

    // A content change voids approval; a live story's edit starts a new round of review.
    let status = article.status;
    if (contentChanged && (APPROVAL_VOIDED.includes(status) || status === 'published')) status = 'draft';

    // Another story may have taken the new slug since it was checked: the unique constraint decides,
    // and the writer is told the slug is taken (their text stays in the form) instead of a failure.
    const [row] = await tx
      .update(articles)
      .set({
        slug,
        sectionId: fields.sectionId,
        currentRevisionId: revisionId,
        status,
        // A voided schedule never goes live; a live story keeps its published revision.
        scheduledFor: status === 'draft' ? null : article.scheduledFor,
        publishedRevisionId: article.status === 'scheduled' && status === 'draft' ? null : article.publishedRevisionId,
        version: sql`${articles.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(articles.id, article.id))
      .returning({ version: articles.version })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, ARTICLE_SLUG_CONSTRAINT)) throw new AppError('SLUG_TAKEN', undefined, { field: 'slug' });
        throw error;
      });
    const tagsChanged = await setArticleTags(tx, article.id, fields.tags);

    // Autosaves stay out of the log unless they change the workflow state (a voided approval) or
    // the slug, section or tags, which no revision keeps and a live story's readers see at once.
    const outside = { slug: slug !== article.slug, section: fields.sectionId !== article.sectionId, tags: tagsChanged };
    if (((contentChanged || promoteAutosave) && kind === 'save') || status !== article.status || outside.slug || outside.section || outside.tags) {
      const base = current?.kind === 'autosave' ? await lastExplicitRevision(tx, article.id, current.number) : current;
      const details: SaveDetails = {
        from: article.status,
        to: status,
        approvalVoided: APPROVAL_VOIDED.includes(article.status) && status !== article.status,
        changed: changedFields(base, { ...fields, body }, outside),
        ...(kind === 'autosave' ? { autosave: true as const } : {}),
      };
      const subject = { actorId: actor.id, articleId: article.id, revisionId };
      await recordActivity(
        tx,
        input.restoredFrom === undefined
          ? { ...subject, kind: 'story.saved', details }
          : { ...subject, kind: 'story.restored', details: { ...details, fromRevision: input.restoredFrom } },
      );
    }
    return { saved: { version: row!.version, revisionNumber, status }, before };
  });
  return done(
    saved,
    // Slug, section and tags are not part of a revision: on a live story readers see them change now.
    before && { kind: 'public', change: { kind: 'article', articleId, before } },
    deskView(`/desk/articles/${articleId}`),
  );
}

/** The newest revision before `before` written by «حفظ»: what the log last showed of the story's text. */
async function lastExplicitRevision(tx: Executor, articleId: number, before: number): Promise<ArticleRevision | undefined> {
  const [row] = await tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.kind, 'save'), lt(articleRevisions.number, before)))
    .orderBy(desc(articleRevisions.number))
    .limit(1);
  return row;
}

/** The fields a save changed, in a fixed order: the revision's against `base`, the rest as found. */
function changedFields(
  base: ArticleRevision | undefined,
  next: { title: string; summary: string; byline: string; featuredMediaId: number | null; body: unknown },
  outside: { slug: boolean; section: boolean; tags: boolean },
): StoryField[] {
  const differs: Record<StoryField, boolean> = {
    title: base?.title !== next.title,
    summary: base?.summary !== next.summary,
    byline: base?.byline !== next.byline,
    featuredImage: base?.featuredMediaId !== next.featuredMediaId,
    body: !base || canonicalJson(base.body) !== canonicalJson(next.body),
    ...outside,
  };
  return STORY_FIELDS.filter((field) => differs[field]);
}
