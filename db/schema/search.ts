import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { articleRevisions, articles } from './articles';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * The search document of a revision that is some article's current or published one. Derived
 * data only: database triggers (migration 0004) write it whenever a revision becomes current or
 * published, or the article's tags, section or section name change, so every write path keeps it
 * right without a job. Readers' queries decide visibility by joining `articles` with the public
 * rule and `published_revision_id = revision_id`; staff queries join on `current_revision_id`.
 * See docs/decisions/0008-arabic-search.md.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    revisionId: integer()
      .primaryKey()
      .references(() => articleRevisions.id, { onDelete: 'cascade' }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /**
     * What is matched: title (A), summary and tags (B), body (C) and section name (D), each
     * through the `arabic` configuration (stemmed) and the `simple` one (whole words), over the
     * normalised text.
     */
    document: tsvector().notNull(),
    /**
     * What is ranked: the title, summary and tags part of `document` alone. Small enough to stay
     * in the row, so ranking thousands of matches never reads the (compressed, out-of-line) body.
     */
    head: tsvector().notNull(),
    /**
     * Copies of the article's state, kept by the same triggers, so that counting and ranking
     * thousands of matches reads no other table. `visibleFrom` mirrors `publiclyVisible`: set
     * only on the document of the published revision, null while the article is unpublished,
     * its schedule time while scheduled, -infinity otherwise; `visibleFrom <= now()` is then the
     * public rule. Pages of results are still checked against `articles` with `publiclyVisible`
     * before they are shown.
     */
    sectionId: integer(),
    publicAt: timestamp({ withTimezone: true }),
    visibleFrom: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_document_idx').using('gin', t.document),
    index('search_documents_article_idx').on(t.articleId),
  ],
);

/**
 * Every normalised word that has appeared in an indexed title, summary, tag or body, with a
 * trigram index: "did you mean" looks up near-miss spellings here, then offers one only if it
 * finds published stories, so a word seen only in a draft is never revealed.
 */
export const searchLexicon = pgTable(
  'search_lexicon',
  {
    word: text().primaryKey(),
  },
  // GiST rather than GIN: it answers "the most similar words first" (<->) straight from the index,
  // where GIN made the planner compare the word with the whole lexicon.
  (t) => [index('search_lexicon_word_trgm_idx').using('gist', t.word.op('gist_trgm_ops'))],
);

export type SearchDocument = typeof searchDocuments.$inferSelect;
