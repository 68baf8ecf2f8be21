import 'server-only';
import { findEditableArticle, type EditableArticle } from '@/db/queries/desk';
import { BULK_STEPS, type BulkOutcome, type BulkStep } from '@/lib/desk/results';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, type DeskContext, type Done, type Effect } from '../effects';
import { failureFrom } from '../failures';
import { saveArticle } from './save-article';
import { transitionArticle } from './transition-article';

const isBulkStep = (value: unknown): value is BulkStep => (BULK_STEPS as readonly unknown[]).includes(value);

/** The most stories one request may change: a page of the inventory, with room to spare. */
export const MAX_BULK_STORIES = 100;

/**
 * Applies one step to several stories from the inventory, each through the same use case and
 * permission checks as doing it on the story itself: submitting and taking down are workflow
 * transitions, moving to a section and adding a tag are saves that keep the text as it is. Each
 * story succeeds or fails on its own — a story in the wrong state, changed meanwhile or gone is
 * reported with its reason and the others go ahead.
 */
export async function applyToStories(
  context: DeskContext,
  input: { articleIds: number[]; step: unknown; sectionId?: number | null; tag?: string | null },
): Promise<Done<BulkOutcome[]>> {
  if (!can(context.actor.role, 'article.create')) throw new AppError('FORBIDDEN');
  if (!isBulkStep(input.step)) throw new AppError('INVALID_INPUT', 'unknown step', { field: 'step' });
  const step = input.step;
  const ids = [...new Set(input.articleIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (!ids.length || ids.length > MAX_BULK_STORIES) throw new AppError('INVALID_INPUT', 'choose 1 to 100 stories', { field: 'story' });
  if (step === 'move' && !input.sectionId) throw new AppError('INVALID_INPUT', 'no section', { field: 'sectionId' });
  const tag = input.tag?.trim();
  if (step === 'tag' && !tag) throw new AppError('INVALID_INPUT', 'no tag', { field: 'tag' });

  const outcomes: BulkOutcome[] = [];
  const effects: Effect[] = [deskView('/desk/stories')];
  for (const articleId of ids) {
    // Read once: the title for the report and the version and fields the step starts from.
    const article = await findEditableArticle(articleId, context.db);
    const title = article?.revision.title ?? null;
    try {
      if (!article) throw new AppError('NOT_FOUND');
      const done = await applyOne(context, article, step, { sectionId: input.sectionId ?? null, tag: tag ?? '' });
      effects.push(...done.effects);
      outcomes.push({ articleId, title, ok: true });
    } catch (error) {
      outcomes.push({ articleId, title, ok: false, error: failureFrom(error).error });
    }
  }
  return { value: outcomes, effects };
}

async function applyOne(context: DeskContext, article: EditableArticle, step: BulkStep, { sectionId, tag }: { sectionId: number | null; tag: string }): Promise<Done<unknown>> {
  const articleId = article.id;
  if (step === 'submit' || step === 'unpublish') {
    return transitionArticle(context, { articleId, action: step, expectedVersion: article.version });
  }
  // A body the content schema no longer accepts would be saved as its plain text: leave it to
  // someone who opens the story.
  if (article.revision.bodyFallback) throw new AppError('CONTENT_INVALID');
  const { revision } = article;
  return saveArticle(context, {
    articleId,
    expectedVersion: article.version,
    fields: {
      title: revision.title,
      summary: revision.summary,
      byline: revision.byline,
      featuredMediaId: revision.featuredMediaId,
      sectionId: step === 'move' ? sectionId : article.sectionId,
      tags: step === 'tag' ? [...article.tags, tag] : article.tags,
    },
    body: revision.body,
  });
}
