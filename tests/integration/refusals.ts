import { count, eq, max } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '@/db/client';
import { activityLog, articleRevisions, articles, articleTags, slugHistory, tags } from '@/db/schema';
import { errorMessage } from '@/i18n';
import { ERROR_CODES, type ErrorCode } from '@/lib/errors';
import { failureFrom } from '@/lib/server/failures';

/**
 * What the desk would show for a failure — the code and the per-field codes of a server action's
 * answer — checked to be an expected failure with a sentence in both catalogues.
 */
export function deskFailure(error: unknown): { error: ErrorCode; fieldErrors: Record<string, string> } {
  const failure = failureFrom(error);
  if (failure.ok) throw new Error('not a failure');
  expect(failure.error, String(error)).not.toBe('UNEXPECTED');
  for (const code of [failure.error, ...Object.values(failure.fieldErrors ?? {})]) {
    expect(ERROR_CODES).toContain(code);
    for (const locale of ['ar', 'en'] as const) expect(errorMessage(code as ErrorCode, locale)).toMatch(/\S{3}/);
  }
  return { error: failure.error, fieldErrors: failure.fieldErrors ?? {} };
}

/** The desk's answer to an operation that must be refused. */
export async function refusal(work: Promise<unknown>): Promise<{ error: ErrorCode; fieldErrors: Record<string, string> }> {
  const outcome = await work.then(
    () => ({ accepted: true as const }),
    (error: unknown) => ({ accepted: false as const, error }),
  );
  if (outcome.accepted) throw new Error('the operation was accepted');
  return deskFailure(outcome.error);
}

/** The code of an operation that must be refused (checked as `refusal` checks it). */
export async function refusedWith(work: Promise<unknown>): Promise<ErrorCode> {
  return (await refusal(work)).error;
}

/** Everything a save can touch, for one article and for the tables a save writes to. */
export async function storyState(db: Database, id: number) {
  const [article] = await db.select().from(articles).where(eq(articles.id, id));
  const [revisions] = await db.select({ n: count(), last: max(articleRevisions.id) }).from(articleRevisions).where(eq(articleRevisions.articleId, id));
  const links = await db.select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, id)).orderBy(articleTags.tagId);
  const [events] = await db.select({ n: count() }).from(activityLog).where(eq(activityLog.articleId, id));
  const [allTags] = await db.select({ n: count() }).from(tags);
  const [redirects] = await db.select({ n: count() }).from(slugHistory);
  const [stories] = await db.select({ n: count() }).from(articles);
  const [allRevisions] = await db.select({ n: count() }).from(articleRevisions);
  return { article, revisions, links, events: events!.n, tags: allTags!.n, redirects: redirects!.n, stories: stories!.n, allRevisions: allRevisions!.n };
}
