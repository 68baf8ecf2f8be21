import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

export const media = pgTable('media', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** Server-generated name inside the storage backend; never derived from the uploaded file name. */
  storageKey: text().notNull().unique(),
  mime: text().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  bytes: integer().notNull(),
  alt: text().notNull().default(''),
  caption: text().notNull().default(''),
  credit: text().notNull().default(''),
  uploadedBy: integer()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Media = typeof media.$inferSelect;
