/**
 * Tags as people type them into the tag field: names separated by an Arabic or a Latin comma.
 * Pure, for the field (components/ui/tag-field.tsx) and its tests.
 */

const SEPARATOR = /[,،]/;

export const hasSeparator = (text: string) => SEPARATOR.test(text);

/** The names in a typed list, trimmed, empty ones left out. */
export const splitTags = (text: string) =>
  text
    .split(SEPARATOR)
    .map((tag) => tag.trim())
    .filter(Boolean);

/** Where the name being typed starts: just after the last separator (-1 when there is none). */
export const lastSeparator = (text: string) => Math.max(text.lastIndexOf(','), text.lastIndexOf('،'));

/** The name being typed: what follows the last separator, trimmed. */
export const nameBeingTyped = (text: string) => text.slice(lastSeparator(text) + 1).trim();

/** What the field holds: its chips, then whatever is still typed in it, each name once. */
export const tagsWithTyped = (chosen: readonly string[], typed: string) => [...new Set([...chosen, ...splitTags(typed)])];
