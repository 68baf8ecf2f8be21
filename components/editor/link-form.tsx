'use client';

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Messages } from '@/i18n';
import { parseLinkInput } from '@/lib/content/links';

interface LinkFormProps {
  messages: Messages['editor'];
  initialHref: string;
  /** Whether the selection already carries a link (offers removal). */
  hasLink: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** The link field under the toolbar: only http(s) and mailto, with the refusal said in words. */
export function LinkForm({ messages: t, initialHref, hasLink, onApply, onRemove, onClose }: LinkFormProps) {
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseLinkInput(value);
    if (result.ok) {
      onApply(result.href);
      return;
    }
    setError({ empty: t.linkEmpty, scheme: t.linkScheme, invalid: t.linkInvalid }[result.reason]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <form
      aria-label={t.linkForm}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      className="flex flex-wrap items-start gap-2 border-b border-rule bg-paper px-3 py-2"
    >
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-semibold">
          {t.linkUrl}
        </label>
        <input
          id={inputId}
          // Addresses read left to right whatever the interface language.
          dir="ltr"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder="https://"
          className="rounded-md border border-rule bg-white px-2 py-1.5 text-start font-sans aria-invalid:border-accent"
        />
        <p id={errorId} role="alert" className="min-h-5 text-sm text-accent">
          {error}
        </p>
      </div>
      <div className="flex gap-2 pt-6">
        <button type="submit" className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-paper">
          {t.linkApply}
        </button>
        {hasLink && (
          <button type="button" onClick={onRemove} className="rounded-md border border-rule px-3 py-1.5 text-sm">
            {t.linkRemove}
          </button>
        )}
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm underline underline-offset-4">
          {t.linkCancel}
        </button>
      </div>
    </form>
  );
}
