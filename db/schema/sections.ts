import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const sections = pgTable('sections', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  position: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Section = typeof sections.$inferSelect;
