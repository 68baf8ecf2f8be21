import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { articles } from './articles';
import { users } from './users';

/**
 * Keys for the content API (/api/v1), made by admins. The secret is shown once, when the key is
 * made; only its SHA-256 digest is kept (docs/decisions/0030), with a short prefix of it that
 * lets people tell their keys apart in the list. A revoked key stays, so the list and the
 * activity log keep naming it; it never authenticates again.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** `public`: the public content under a higher rate limit; `partner`: also embargoed stories. */
    scope: text({ enum: ['public', 'partner'] }).notNull(),
    /** The first characters of the secret, shown in the list («mdk_3fA9…»); not enough to use it. */
    prefix: text().notNull(),
    /** Hex SHA-256 of the whole secret. */
    secretHash: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute per key (lib/server/api/client.ts), so reads cost no write each. */
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => users.id),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_idx').on(t.secretHash), check('api_keys_scope_check', sql`${t.scope} in ('public', 'partner')`)],
);

/**
 * Preview links that show one story to someone outside the newsroom before its embargo
 * (docs/decisions/0031). The link carries a random token; only its SHA-256 digest is kept. A link
 * answers until `expiresAt` or until it is revoked, whichever comes first.
 */
export const previewLinks = pgTable(
  'preview_links',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => users.id),
  },
  (t) => [uniqueIndex('preview_links_token_hash_idx').on(t.tokenHash), index('preview_links_article_idx').on(t.articleId, t.createdAt)],
);
