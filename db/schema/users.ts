import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '../../lib/permissions/roles';

export const userRole = pgEnum('user_role', ROLES);

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** The desk language the person chose ('ar' or 'en'); null until they choose one. */
    locale: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Addresses are stored normalised, but the index also guards rows written by other means.
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_locale_known', sql`${t.locale} in ('ar', 'en')`),
  ],
);

export type User = typeof users.$inferSelect;
