import { format, getMessages, type Locale } from '@/i18n';
import { STORY_FIELDS, type StoryField } from '@/lib/activity/entries';
import type { Formatter } from '@/lib/format/formatter';
import { PUBLIC_NOTE_KINDS, type PublicNoteInput } from '@/lib/workflow/public-notes';
import { DeskTime } from './desk-time';
import { scheduledTimeOf } from './scheduled-time';

/** An entry of a story's log as the desk reads it back: its kind and typed details. */
export interface StoryEntryView {
  kind: string;
  details: Record<string, unknown>;
}

/** A publication's public note, as the log stored it (details are read back untyped). */
function publicNoteOf(value: unknown): PublicNoteInput | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, text } = value as Record<string, unknown>;
  return (PUBLIC_NOTE_KINDS as readonly unknown[]).includes(kind) && typeof text === 'string' ? { kind: kind as PublicNoteInput['kind'], text } : null;
}

const isStoryField = (value: unknown): value is StoryField => (STORY_FIELDS as readonly unknown[]).includes(value);

/** What a story entry's details say, under its headline: a voided approval, what changed, a note, a time. */
export function StoryEntryDetails({ entry, locale, dates }: { entry: StoryEntryView; locale: Locale; dates: Formatter }) {
  const t = getMessages(locale).workflow;
  const { details } = entry;
  const changed = Array.isArray(details.changed) ? details.changed.filter(isStoryField) : [];
  const note = typeof details.note === 'string' && details.note ? details.note : null;
  const due = scheduledTimeOf(entry);
  const publicNote = publicNoteOf(details.publicNote);
  return (
    <>
      {details.approvalVoided === true && <p className="text-accent">{t.approvalVoided}</p>}
      {typeof details.fromRevision === 'number' && <p>{format(t.restoredFrom, { number: details.fromRevision })}</p>}
      {changed.length > 0 && (
        <p className="text-muted">
          {format(t.changedFields, { fields: changed.map((field) => t.fields[field]).join(locale === 'ar' ? '، ' : ', ') })}
          {details.autosave === true && ` · ${t.autosave}`}
        </p>
      )}
      {note && (
        <p dir="auto" className="mt-1 whitespace-pre-line rounded bg-white/70 p-2">
          {note}
        </p>
      )}
      {publicNote && (
        <p className="mt-1 whitespace-pre-line rounded bg-white/70 p-2">
          <span className="font-semibold">{t.publicNote.kinds[publicNote.kind]}: </span>
          {/* The note's own direction, whatever the desk's language: an Arabic note in the English desk reads right to left. */}
          <span dir="auto">{publicNote.text}</span>
        </p>
      )}
      {due && (
        <p className="mt-1">
          {t.scheduledFor}: <DeskTime date={due} dates={dates} />
        </p>
      )}
    </>
  );
}
