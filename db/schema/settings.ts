import { sql } from 'drizzle-orm';
import { check, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const digitStyle = pgEnum('digit_style', ['latn', 'arab']);

/** One row of site-wide settings, edited by admins at /desk/settings. */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer().primaryKey().default(1),
    siteName: text().notNull().default('مِداد'),
    siteDescription: text().notNull().default(''),
    /** IANA zone used to show dates and to read schedule times typed in the desk. */
    timeZone: text().notNull().default('Asia/Jerusalem'),
    digits: digitStyle().notNull().default('latn'),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('site_settings_single_row', sql`${t.id} = 1`)],
);

export type SiteSettings = typeof siteSettings.$inferSelect;
