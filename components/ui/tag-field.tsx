'use client';

import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { Autocomplete, Input, ListBox, ListBoxItem, TextField } from 'react-aria-components';
import { hasSeparator, lastSeparator, nameBeingTyped, splitTags } from '@/lib/editor/tag-text';
import { fieldStyle } from './styles';

export interface TagFieldMessages {
  /** The list of chosen tags. */
  chosen: string;
  /** A chip's remove button; `{tag}` is the tag. */
  remove: string;
  /** The list of suggestions. */
  suggestions: string;
  /** No existing tag matches; `{tag}` is what was typed. */
  noMatch: string;
  tooLong: string;
  tooMany: string;
}

const fill = (template: string, tag: string) => template.replace('{tag}', tag);

/**
 * A field of tags: chosen ones as chips, each with a remove button, and a text box (an ARIA
 * combobox) that suggests existing tags while typing. A comma or Enter turns what was typed into a
 * chip, and so does leaving the field; ArrowDown moves into the suggestions and Enter takes one.
 * Backspace in the empty box moves to the last chip, where Backspace or Delete removes it.
 *
 * The suggestions are a list under the box, not a popover: on phones an overlay positioned over
 * the page is where touch and the on-screen keyboard fight. The label is the caller's (Field gives
 * the box its `id` and description), so the field is named by its visible label alone.
 */
export function TagField({
  id,
  'aria-describedby': describedBy,
  values,
  onChange,
  typed,
  onTypedChange,
  suggest,
  maxLength,
  maxTags,
  disabled = false,
  messages,
}: {
  id?: string;
  'aria-describedby'?: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Text in the box not yet made a chip. */
  typed: string;
  onTypedChange: (typed: string) => void;
  /** Existing tags matching a query (the caller asks the server); rejected when aborted. */
  suggest: (query: string, signal: AbortSignal) => Promise<string[]>;
  maxLength: number;
  maxTags: number;
  disabled?: boolean;
  messages: TagFieldMessages;
}) {
  const ownId = useId();
  const noteId = `${ownId}-note`;
  const chipButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [found, setFound] = useState<{ query: string; names: string[] } | null>(null);

  // Suggestions are for the name being typed: what follows the last comma.
  const query = nameBeingTyped(typed);
  useEffect(() => {
    if (!query || disabled) return;
    const controller = new AbortController();
    suggest(query, controller.signal).then(
      (names) => setFound({ query, names }),
      () => {}, // aborted by the next keystroke, or offline: no suggestions, typing goes on
    );
    return () => controller.abort();
  }, [query, suggest, disabled]);

  /** Makes chips of the typed names that fit; answers what is left in the box. */
  const commit = (text: string): string => {
    const next = [...values];
    const left: string[] = [];
    let problem: string | null = null;
    for (const name of splitTags(text)) {
      if (next.includes(name)) continue;
      if (name.length > maxLength) {
        problem = messages.tooLong;
        left.push(name);
      } else if (next.length >= maxTags) {
        problem = messages.tooMany;
        left.push(name);
      } else {
        next.push(name);
      }
    }
    setNote(problem);
    if (next.length !== values.length) onChange(next);
    return left.join('، ');
  };

  const typedChange = (text: string) => {
    setDismissed(false);
    if (!hasSeparator(text)) return onTypedChange(text);
    // Everything before the last comma is done; what follows it is still being typed.
    const cut = lastSeparator(text);
    const left = commit(text.slice(0, cut));
    const rest = text.slice(cut + 1).trimStart();
    onTypedChange(left ? `${left}، ${rest}` : rest);
  };

  const pick = (name: string) => {
    // The suggestion replaces the name being typed; names left before it (too long…) stay.
    const waiting = typed.slice(0, Math.max(lastSeparator(typed), 0)).trim();
    const left = commit(name);
    onTypedChange([waiting, left].filter(Boolean).join('، '));
    setDismissed(true);
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    onChange(values.filter((_, i) => i !== index));
    setNote(null);
    // Focus stays in the field: on the chip that took this one's place, else the box.
    const next = chipButtons.current[index + 1] ?? chipButtons.current[index - 1];
    if (next) next.focus();
    else inputRef.current?.focus();
  };

  const keyInBox = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // A suggestion under virtual focus is taken by the list itself (its onAction).
      if (event.currentTarget.getAttribute('aria-activedescendant')) return;
      event.preventDefault();
      if (typed.trim()) onTypedChange(commit(typed));
      setDismissed(true);
    } else if (event.key === 'Escape') {
      setDismissed(true);
    } else if (event.key === 'Backspace' && !typed && values.length) {
      event.preventDefault();
      chipButtons.current[values.length - 1]?.focus();
    }
  };

  const leaveField = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setFocused(false);
    if (typed.trim()) onTypedChange(commit(typed));
  };

  // Until the answer for what is typed now arrives, the last answer stays on screen.
  const offered = (found?.names ?? []).filter((name) => !values.includes(name));
  const open = focused && !dismissed && !disabled && Boolean(query) && found !== null;

  return (
    <div onFocus={() => setFocused(true)} onBlur={leaveField} className="space-y-2">
      {values.length > 0 && (
        <ul aria-label={messages.chosen} className="flex flex-wrap gap-2">
          {values.map((tag, index) => (
            <li key={tag} className="flex items-center gap-1 rounded-full border border-rule bg-white py-0.5 ps-3 pe-1 text-sm" dir="auto">
              <span>{tag}</span>
              <button
                type="button"
                ref={(button) => {
                  chipButtons.current[index] = button;
                }}
                aria-label={fill(messages.remove, tag)}
                disabled={disabled}
                onClick={() => remove(index)}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' || event.key === 'Delete') {
                    event.preventDefault();
                    remove(index);
                  }
                }}
                className="flex h-6 w-6 items-center justify-center rounded-full text-muted hover:bg-rule focus-visible:outline-2 disabled:opacity-50"
              >
                <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                  <path d="M2 2l8 8M10 2l-8 8" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Nothing is chosen until the writer moves into the list: Enter alone takes what was typed. */}
      <Autocomplete inputValue={typed} onInputChange={typedChange} disableAutoFocusFirst>
        <TextField id={id} aria-describedby={[describedBy, note ? noteId : null].filter(Boolean).join(' ') || undefined} isDisabled={disabled} className="block">
          <Input
            ref={inputRef}
            role="combobox"
            aria-expanded={open}
            dir="auto"
            onKeyDown={keyInBox}
            className={fieldStyle}
          />
        </TextField>
        {open && (
          // Choosing with a pointer or a finger keeps the focus, and so the list, in the field.
          <div onMouseDown={(event) => event.preventDefault()}>
          <ListBox
            aria-label={messages.suggestions}
            items={offered.map((name) => ({ id: name, name }))}
            onAction={(key) => pick(String(key))}
            renderEmptyState={() => <p className="px-3 py-2 text-sm text-muted">{found?.query === query ? fill(messages.noMatch, query) : '…'}</p>}
            className="max-h-60 overflow-auto rounded-md border border-rule bg-white py-1 shadow-sm"
          >
            {(item) => (
              <ListBoxItem id={item.id} textValue={item.name} className="cursor-pointer px-3 py-2 outline-none data-[focused]:bg-ink data-[focused]:text-paper data-[hovered]:bg-rule" dir="auto">
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
          </div>
        )}
      </Autocomplete>
      {note && (
        <p id={noteId} className="text-sm text-accent">
          {note}
        </p>
      )}
    </div>
  );
}
