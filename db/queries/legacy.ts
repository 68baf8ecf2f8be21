import { eq } from 'drizzle-orm';
import { articlePath, sectionPath, tagPath } from '../../lib/seo/paths';
import { getReaderDb, type Executor } from '../client';
import { articles, legacyRedirects, sections, tags } from '../schema';
import { publiclyVisible } from './visibility';

/**
 * Where an address of the site a newsroom moved from now lives: the article's current address
 * (only while readers may see it, so a redirect never reveals a draft or a story taken down), or
 * the section's or tag's page. Null when the address was not imported or its story is not public.
 */
export async function findLegacyTarget(key: string, db: Executor = getReaderDb()): Promise<string | null> {
  const [row] = await db
    .select({
      articleSlug: articles.slug,
      articleVisible: publiclyVisible(),
      sectionSlug: sections.slug,
      tagSlug: tags.slug,
    })
    .from(legacyRedirects)
    .leftJoin(articles, eq(articles.id, legacyRedirects.articleId))
    .leftJoin(sections, eq(sections.id, legacyRedirects.sectionId))
    .leftJoin(tags, eq(tags.id, legacyRedirects.tagId))
    .where(eq(legacyRedirects.path, key))
    .limit(1);
  if (!row) return null;
  if (row.articleSlug !== null) return row.articleVisible ? articlePath(row.articleSlug) : null;
  if (row.sectionSlug !== null) return sectionPath(row.sectionSlug);
  if (row.tagSlug !== null) return tagPath(row.tagSlug);
  return null;
}
