import { index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles';
import { users } from './users';

/**
 * Who has a story open in the editor: a heartbeat refreshes `seenAt`; rows older than a minute
 * mean the person has left. `version` is the article version their editor is based on, so others
 * can be told that someone saved after they opened it.
 */
export const articlePresence = pgTable(
  'article_presence',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_presence_seen_idx').on(t.articleId, t.seenAt)],
);

/** When each person last opened their notifications; newer events count as unread. */
export const notificationReads = pgTable('notification_reads', {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
