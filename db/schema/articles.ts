import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { ARTICLE_STATUSES } from '../../lib/workflow/states';
import { media } from './media';
import { sections } from './sections';
import { users } from './users';

export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);

/** An explicit save («حفظ») or an autosave; the history lists explicit saves and the latest autosave. */
export const revisionKind = pgEnum('revision_kind', ['save', 'autosave']);

export const articles = pgTable(
  'articles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    sectionId: integer()
      .notNull()
      .references(() => sections.id),
    status: articleStatus().notNull().default('draft'),
    /** Optimistic-concurrency counter: every content save and transition bumps it. */
    version: integer().notNull().default(1),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    currentRevisionId: integer().references((): AnyPgColumn => articleRevisions.id),
    publishedRevisionId: integer().references((): AnyPgColumn => articleRevisions.id),
    publishedAt: timestamp({ withTimezone: true }),
    scheduledFor: timestamp({ withTimezone: true }),
    /** «حظر النشر حتى»: until this instant nothing of the story is public, even if it is published. */
    embargoUntil: timestamp({ withTimezone: true }),
    /** «عاجل»: the story is breaking news until this instant — a banner on every public page. */
    breakingUntil: timestamp({ withTimezone: true }),
    /** When it was last marked breaking; the newest marked leads the banner. */
    breakingSince: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Public listings: newest visible stories overall and per section.
    index('articles_status_published_idx').on(t.status, t.publishedAt.desc()),
    index('articles_section_published_idx').on(t.sectionId, t.publishedAt.desc()),
    // Scheduled stories become visible when due, so the schedule time is looked up directly.
    index('articles_scheduled_idx')
      .on(t.scheduledFor)
      .where(sql`${t.status} = 'scheduled'`),
    // Embargo times decide when cached public pages expire, so future ones are looked up directly.
    index('articles_embargo_idx')
      .on(t.embargoUntil)
      .where(sql`${t.embargoUntil} is not null`),
    // Breaking-news expiries end cached pages too, and the banner looks up the current ones.
    index('articles_breaking_idx')
      .on(t.breakingUntil)
      .where(sql`${t.breakingUntil} is not null`),
    index('articles_created_by_idx').on(t.createdBy, t.updatedAt.desc()),
  ],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id),
    number: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    body: jsonb().notNull(),
    bodyText: text().notNull().default(''),
    /** Printed byline; empty means the article's creator. */
    byline: text().notNull().default(''),
    featuredMediaId: integer().references(() => media.id),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    kind: revisionKind().notNull().default('save'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('article_revisions_article_number_key').on(t.articleId, t.number)],
);

export const reviewComments = pgTable(
  'review_comments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id),
    revisionId: integer()
      .notNull()
      .references(() => articleRevisions.id),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    parentId: integer().references((): AnyPgColumn => reviewComments.id),
    body: text().notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_comments_article_idx').on(t.articleId, t.createdAt)],
);

/** Old slugs keep working: they answer a permanent redirect to the article's current slug. */
export const slugHistory = pgTable(
  'slug_history',
  {
    oldSlug: text().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('slug_history_article_idx').on(t.articleId)],
);

export type Article = typeof articles.$inferSelect;
export type ArticleRevision = typeof articleRevisions.$inferSelect;
