import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { PUBLIC_NOTE_KINDS } from '../../lib/workflow/public-notes';
import { articleRevisions, articles } from './articles';
import { users } from './users';

/** «تصحيح» (a correction) or «تحديث» (an update). */
export const publicNoteKind = pgEnum('public_note_kind', PUBLIC_NOTE_KINDS);

/**
 * A public note: what readers are told changed when a live story was published again. It is
 * written with the publication, in the same transaction, and names the revision that publication
 * put before readers. Append-only like the story's other history (a trigger in the migration).
 * Readers get a note only while its story is visible to them (db/queries/public-notes.ts).
 */
export const publicNotes = pgTable(
  'public_notes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id),
    /** The revision whose publication carried the note. */
    revisionId: integer()
      .notNull()
      .references(() => articleRevisions.id),
    kind: publicNoteKind().notNull(),
    body: text().notNull(),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A story's notes, newest first.
    index('public_notes_article_idx').on(t.articleId, t.createdAt.desc()),
    // The corrections page: newest corrections across the site.
    index('public_notes_kind_idx').on(t.kind, t.createdAt.desc()),
  ],
);
