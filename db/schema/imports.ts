import { sql } from 'drizzle-orm';
import { check, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles';
import { sections } from './sections';
import { tags } from './tags';

export const importedKind = pgEnum('imported_kind', ['post', 'attachment', 'category', 'tag', 'author']);

/**
 * What an import brought in, by its id at the source: the map that makes a second run change
 * nothing already imported. `source` names the site (a WordPress site's base URL).
 */
export const importedItems = pgTable(
  'imported_items',
  {
    source: text().notNull(),
    kind: importedKind().notNull(),
    sourceId: text().notNull(),
    /** The article, media, section, tag or user it became. */
    targetId: integer().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] })],
);

/**
 * Addresses of the site a newsroom moved from, each answering a permanent redirect to what it
 * became: an article (to its current address, and only while readers may see it), a section or a
 * tag. `path` is the address's lookup key (lib/import/wordpress-urls.ts).
 */
export const legacyRedirects = pgTable(
  'legacy_redirects',
  {
    path: text().primaryKey(),
    articleId: integer().references(() => articles.id, { onDelete: 'cascade' }),
    sectionId: integer().references(() => sections.id, { onDelete: 'cascade' }),
    tagId: integer().references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('legacy_redirects_one_target', sql`num_nonnulls(${t.articleId}, ${t.sectionId}, ${t.tagId}) = 1`)],
);
