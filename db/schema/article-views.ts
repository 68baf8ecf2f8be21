import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles';

/*
 * «الأكثر قراءة»: readers' views of stories, counted on our own servers (docs/decisions/0033).
 * No cookie and no address is kept: a reader is known for one day only, by a digest of their
 * address and browser keyed with that day's salt, and the salt is deleted once its day is over.
 */

/** One random salt per UTC day, shared by every app server; rows of earlier days are deleted. */
export const articleViewSalts = pgTable('article_view_salts', {
  day: date({ mode: 'string' }).primaryKey(),
  salt: text().notNull(),
});

/**
 * Who has been counted for a story today, so a reader counts once per story per day whichever
 * server they reach. `readerDigest` means nothing without the day's salt; rows of earlier days are
 * deleted with it.
 */
export const articleViewReaders = pgTable(
  'article_view_readers',
  {
    day: date({ mode: 'string' }).notNull(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    readerDigest: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.articleId, t.readerDigest] })],
);

/** Views per story per hour (the hour's start), for the last days; older hours are folded into daily totals. */
export const articleViewsHourly = pgTable(
  'article_views_hourly',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    hour: timestamp({ withTimezone: true }).notNull(),
    views: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.hour] }), index('article_views_hourly_hour_idx').on(t.hour)],
);

/** Views per story per UTC day, for hours older than the hourly table keeps. */
export const articleViewsDaily = pgTable(
  'article_views_daily',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    views: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] })],
);
