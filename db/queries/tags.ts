import { count, eq, sql } from 'drizzle-orm';
import { normalizeArabic } from '../../lib/arabic/normalize';
import { getDb, type Executor } from '../client';
import { articleTags, tags } from '../schema';

/** `%` and `_` in what was typed are letters to look for, not patterns. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Existing tags whose names contain `typed`, compared as search compares Arabic
 * (normalizeArabic and its SQL twin midad_normalize_arabic): hamza forms, alef maqsura, ta marbuta,
 * tatweel and diacritics make no difference, nor does Latin case. Names that start with it come
 * first, then the tags on most stories, then by name; at most `limit`.
 */
export async function findTagSuggestions(typed: string, limit: number, db: Executor = getDb()): Promise<string[]> {
  const needle = likeLiteral(normalizeArabic(typed).trim());
  if (!needle) return [];
  const folded = sql`midad_normalize_arabic(${tags.name})`;
  const rows = await db
    .select({ name: tags.name })
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .where(sql`${folded} ilike ${`%${needle}%`}`)
    .groupBy(tags.id, tags.name)
    .orderBy(sql`(${folded} ilike ${`${needle}%`}) desc`, sql`${count(articleTags.articleId)} desc`, tags.name)
    .limit(limit);
  return rows.map((row) => row.name);
}
