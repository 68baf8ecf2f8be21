import 'server-only';
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { isSlugTaken } from '@/db/queries/desk';
import { activityLog, articleRevisions, articles, articleTags, media, sections, tags, type Article } from '@/db/schema';
import type { StoryKind } from '@/lib/activity/entries';
import { imageReferences } from '@/lib/content/image';
import { documentToText } from '@/lib/content/render';
import type { ContentDocument } from '@/lib/content/types';
import { claimUniqueSlug, slugify, uniqueSlug } from '@/lib/arabic/slug';
import { AppError } from '@/lib/errors';

/** The unique constraint on articles.slug (db/migrations/0000_initial.sql). */
export const ARTICLE_SLUG_CONSTRAINT = 'articles_slug_unique';

/** Loads an article and locks its row until the transaction ends, so concurrent changes queue up. */
export async function lockArticle(tx: Executor, articleId: number): Promise<Article> {
  if (!Number.isSafeInteger(articleId)) throw new AppError('NOT_FOUND');
  const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update');
  if (!article) throw new AppError('NOT_FOUND');
  return article;
}

/**
 * A scheduled story whose time has come is already public (the read rule says so); the first
 * write that touches it records it as published, so the desk and the audit log agree with readers.
 */
export async function settleDueSchedule(tx: Executor, article: Article): Promise<Article> {
  if (article.status !== 'scheduled' || !article.scheduledFor || article.scheduledFor > new Date()) return article;
  const [settled] = await tx
    .update(articles)
    .set({
      status: 'published',
      publishedAt: sql`coalesce(${articles.publishedAt}, ${articles.scheduledFor})`,
      scheduledFor: null,
      version: sql`${articles.version} + 1`,
    })
    .where(eq(articles.id, article.id))
    .returning();
  // Recorded in the name of whoever scheduled it.
  const [scheduler] = await tx
    .select({ actorId: activityLog.actorId })
    .from(activityLog)
    .where(and(eq(activityLog.articleId, article.id), eq(activityLog.kind, 'story.scheduled' satisfies StoryKind)))
    .orderBy(desc(activityLog.id))
    .limit(1);
  await recordActivity(tx, {
    kind: 'story.published_on_schedule',
    actorId: scheduler?.actorId ?? article.createdBy,
    articleId: article.id,
    revisionId: article.publishedRevisionId,
    details: { from: 'scheduled', to: 'published' },
  });
  return settled!;
}

export async function nextRevisionNumber(tx: Executor, articleId: number): Promise<number> {
  const [row] = await tx.select({ n: max(articleRevisions.number) }).from(articleRevisions).where(eq(articleRevisions.articleId, articleId));
  return (row?.n ?? 0) + 1;
}

/**
 * Whether a write was refused because it would duplicate `constraint` (SQLSTATE 23505). Drizzle
 * wraps the driver's error in `cause`; postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, constraint_name, constraint: name, cause } = error as Record<string, unknown>;
  if (code === '23505' && (constraint_name === constraint || name === constraint)) return true;
  return isUniqueViolation(cause, constraint, depth + 1);
}

/** A free slug for an article: typed or made from the title, following the Arabic slug rules. */
export async function resolveArticleSlug(tx: Executor, wanted: string, exceptArticleId?: number): Promise<string> {
  const base = slugify(wanted);
  if (!base) throw new AppError('SLUG_EMPTY', undefined, { field: 'slug' });
  return uniqueSlug(base, (candidate) => isSlugTaken(candidate, exceptArticleId, tx));
}

/**
 * Writes with a free slug (typed or made from the title) even when another writer races for the
 * same one: `write` runs in a savepoint, and a slug taken meanwhile rolls back only that attempt
 * before the next suffix is tried. The unique constraint, not the check, is what decides.
 */
export async function withClaimedSlug<T>(tx: Executor, wanted: string, write: (tx: Executor, slug: string) => Promise<T>): Promise<T> {
  const base = slugify(wanted);
  if (!base) throw new AppError('SLUG_EMPTY', undefined, { field: 'slug' });
  return claimUniqueSlug(
    base,
    (candidate) => isSlugTaken(candidate, undefined, tx),
    async (candidate) => {
      try {
        return await tx.transaction((savepoint) => write(savepoint, candidate));
      } catch (error) {
        if (isUniqueViolation(error, ARTICLE_SLUG_CONSTRAINT)) return null;
        throw error;
      }
    },
  );
}

/** What a story's first revision says. */
export interface FirstRevision {
  title: string;
  summary: string;
  byline: string;
  featuredMediaId: number | null;
  body: ContentDocument;
  authorId: number;
  /** When it was written, for a story brought in from elsewhere; now otherwise. */
  createdAt?: Date;
}

/**
 * Writes a new story's revision 1 and makes it the story's current text (and, when `published`,
 * the text readers see). Answers the revision's id.
 */
export async function writeFirstRevision(tx: Executor, articleId: number, revision: FirstRevision, { published = false } = {}): Promise<number> {
  const [row] = await tx
    .insert(articleRevisions)
    .values({ articleId, number: 1, ...revision, bodyText: documentToText(revision.body) })
    .returning({ id: articleRevisions.id });
  await tx
    .update(articles)
    .set({ currentRevisionId: row!.id, ...(published ? { publishedRevisionId: row!.id } : {}) })
    .where(eq(articles.id, articleId));
  return row!.id;
}

/**
 * The schema only knows an image's shape; the database knows whether it exists. Every image in
 * a body, and the featured image, must be a library item whose id and storage key belong together.
 */
export async function assertMediaExists(tx: Executor, body: ContentDocument, featuredMediaId: number | null): Promise<void> {
  const references = imageReferences(body);
  const ids = [...new Set([...references.map((r) => r.mediaId), ...(featuredMediaId ? [featuredMediaId] : [])])];
  if (!ids.length) return;
  const rows = await tx.select({ id: media.id, key: media.storageKey }).from(media).where(inArray(media.id, ids));
  const keyOf = new Map(rows.map((row) => [row.id, row.key]));
  const broken = references.some((r) => keyOf.get(r.mediaId) !== r.key) || (featuredMediaId !== null && !keyOf.has(featuredMediaId));
  if (broken) throw new AppError('CONTENT_BAD_IMAGE', undefined, { field: 'body' });
}

export async function assertSectionExists(tx: Executor, sectionId: number): Promise<void> {
  const [row] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  if (!row) throw new AppError('SECTION_REQUIRED', undefined, { field: 'sectionId' });
}

/**
 * Replaces an article's tags, creating tags that do not exist yet (by slug). Answers whether the
 * story's set of tags changed, for the save's entry in the log.
 */
export async function setArticleTags(tx: Executor, articleId: number, names: string[]): Promise<boolean> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  const had = await tx.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, articleId));
  const changed = had.length !== wanted.size || had.some((tag) => !wanted.has(tag.slug));
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (!wanted.size) return changed;
  await tx
    .insert(tags)
    .values([...wanted].map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing({ target: tags.slug });
  const rows = await tx.select({ id: tags.id }).from(tags).where(inArray(tags.slug, [...wanted.keys()]));
  await tx.insert(articleTags).values(rows.map((t) => ({ articleId, tagId: t.id })));
  return changed;
}

/** JSON with object keys sorted: jsonb does not keep key order, so stored and new bodies compare by this. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
