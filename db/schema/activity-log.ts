import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { articleRevisions, articles } from './articles';
import { users } from './users';

/**
 * The newsroom's activity log: one typed entry per change or security event, append-only (the
 * database refuses UPDATE, DELETE and TRUNCATE). A story's history — created, saved, submitted,
 * approved, published… — is its entries here; its timeline reads them by `articleId`. `kind` and the shape of `details` are defined by
 * `ActivityEntry` in lib/activity/entries.ts; the columns beside them exist so the log can be
 * filtered by person, story and date without reading the details.
 */
export const activityLog = pgTable(
  'activity_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Who did it; null when nobody was signed in (a failed or limited sign-in). */
    actorId: integer().references(() => users.id),
    kind: text().notNull(),
    /** The story the entry is about, if any. */
    articleId: integer().references(() => articles.id),
    /** The revision of that story the entry concerns: the one saved, submitted, approved, published or taken down. */
    revisionId: integer().references(() => articleRevisions.id),
    /** The staff member the entry is about, if any (a sign-in attempt, a role change). */
    subjectUserId: integer().references(() => users.id),
    details: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('activity_log_at_idx').on(t.at),
    index('activity_log_actor_idx').on(t.actorId, t.at),
    index('activity_log_kind_idx').on(t.kind, t.at),
    index('activity_log_article_idx').on(t.articleId, t.at),
    // A story's timeline: its entries in the order they were written.
    index('activity_log_article_order_idx').on(t.articleId, t.id),
  ],
);
