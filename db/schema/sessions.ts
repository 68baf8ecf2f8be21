import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Server-side record of each sign-in. The session token carries only this id; every request
 * checks that the row is live and that its user is still active, so sign-out, deactivation and
 * role changes take effect on the next request.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-in counters, per account and per client address, shared by every server process.
 * A key is e.g. `account:editor@midad.test` or `ip:203.0.113.9`.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});
