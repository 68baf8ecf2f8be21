import 'server-only';
import { recordActivity } from '@/db/activity';
import { articles } from '@/db/schema';
import { validateDocument } from '@/lib/content/validate';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, type DeskContext, type Done } from '../effects';
import { ZArticleFields } from './article-input';
import { assertMediaExists, assertSectionExists, setArticleTags, withClaimedSlug, writeFirstRevision } from './article-store';

export interface CreatedArticle {
  id: number;
  slug: string;
  version: number;
}

/** A new draft with its first revision, in one transaction. Readers see nothing of a draft. */
export async function createArticle({ db, actor }: DeskContext, input: { fields: unknown; body: unknown }): Promise<Done<CreatedArticle>> {
  if (!can(actor.role, 'article.create')) throw new AppError('FORBIDDEN');
  const fields = ZArticleFields.parse(input.fields);
  const body = validateDocument(input.body ?? { type: 'doc', content: [{ type: 'paragraph' }] });
  const created = await db.transaction(async (tx) => {
    await assertSectionExists(tx, fields.sectionId);
    await assertMediaExists(tx, body, fields.featuredMediaId);
    // Two stories with the same title created at the same moment both get a slug of their own.
    const article = await withClaimedSlug(tx, fields.slug?.trim() ? fields.slug : fields.title, async (writer, slug) => {
      const [row] = await writer
        .insert(articles)
        .values({ slug, sectionId: fields.sectionId, status: 'draft', createdBy: actor.id })
        .returning({ id: articles.id, version: articles.version, slug: articles.slug });
      return row!;
    });
    const revisionId = await writeFirstRevision(tx, article.id, {
      title: fields.title,
      summary: fields.summary,
      byline: fields.byline,
      featuredMediaId: fields.featuredMediaId,
      body,
      authorId: actor.id,
    });
    await setArticleTags(tx, article.id, fields.tags);
    await recordActivity(tx, { kind: 'story.created', actorId: actor.id, articleId: article.id, revisionId, details: { to: 'draft' } });
    return { id: article.id, slug: article.slug, version: article.version };
  });
  return done(created, deskView('/desk'));
}
