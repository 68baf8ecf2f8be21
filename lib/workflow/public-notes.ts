import { cleanText } from '../arabic/text-fields';
import { AppError } from '../errors';

/**
 * Public notes on a live story (docs/product.md §3): when a changed story is published again,
 * readers may be told what changed — «تصحيح» when the story was wrong, «تحديث» when there is more.
 */
export const PUBLIC_NOTE_KINDS = ['correction', 'update'] as const;
export type PublicNoteKind = (typeof PUBLIC_NOTE_KINDS)[number];

/** Long enough for a paragraph saying what was wrong and what is right; a note is no second story. */
export const MAX_PUBLIC_NOTE_LENGTH = 1000;

/** The desk form's fields, named once for the form, the action and the errors beside them. */
export const PUBLIC_NOTE_FIELDS = { kind: 'publicNoteKind', text: 'publicNoteText' } as const;

export interface PublicNoteInput {
  kind: PublicNoteKind;
  text: string;
}

const isKind = (value: unknown): value is PublicNoteKind => (PUBLIC_NOTE_KINDS as readonly unknown[]).includes(value);

/**
 * Reads the note a publication carries, as typed: no kind and no text is no note. A kind must be
 * one of the two, and a chosen kind needs its text (cleaned as every text field is); text without
 * a kind is refused too rather than dropped unseen. Pure; each refusal names its field.
 */
export function readPublicNote(kind: unknown, text: unknown): PublicNoteInput | null {
  const chosen = kind === undefined || kind === null ? '' : kind;
  const typed = typeof text === 'string' ? cleanText(text) : '';
  if (text !== undefined && text !== null && typeof text !== 'string') throw new AppError('INVALID_INPUT', undefined, { field: PUBLIC_NOTE_FIELDS.text });
  if (chosen === '') {
    if (typed) throw new AppError('PUBLIC_NOTE_KIND_REQUIRED', undefined, { field: PUBLIC_NOTE_FIELDS.kind });
    return null;
  }
  if (!isKind(chosen)) throw new AppError('PUBLIC_NOTE_KIND_INVALID', undefined, { field: PUBLIC_NOTE_FIELDS.kind });
  if (!typed) throw new AppError('PUBLIC_NOTE_TEXT_REQUIRED', undefined, { field: PUBLIC_NOTE_FIELDS.text });
  if ([...typed].length > MAX_PUBLIC_NOTE_LENGTH) throw new AppError('PUBLIC_NOTE_TOO_LONG', undefined, { field: PUBLIC_NOTE_FIELDS.text });
  return { kind: chosen, text: typed };
}
