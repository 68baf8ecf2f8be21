'use client';

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Messages } from '@/i18n';
import { parseEmbedUrl } from '@/lib/content/embeds';

interface EmbedFormProps {
  messages: Messages['editor'];
  onApply: (url: string) => void;
  onClose: () => void;
}

/**
 * The embed field under the toolbar: the address of one post on an allowed provider. A refused
 * address stays in the field with the reason beside it.
 */
export function EmbedForm({ messages: t, onApply, onClose }: EmbedFormProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseEmbedUrl(value);
    if (result.ok) onApply(result.canonicalUrl);
    else setError(t.embedErrors[result.reason]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <form
      aria-label={t.embedForm}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      className="flex flex-wrap items-start gap-2 border-b border-rule bg-paper px-3 py-2"
    >
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-semibold">
          {t.embedUrl}
        </label>
        <input
          id={inputId}
          // Addresses read left to right whatever the interface language.
          dir="ltr"
          type="text"
          inputMode="url"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          placeholder="https://"
          className="rounded-md border border-rule bg-white px-2 py-1.5 text-start font-sans aria-invalid:border-accent"
        />
        <p id={hintId} className="text-sm text-muted">
          {t.embedHint}
        </p>
        <p id={errorId} role="alert" className="min-h-5 text-sm text-accent">
          {error}
        </p>
      </div>
      <div className="flex gap-2 pt-6">
        <button type="submit" className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-paper">
          {t.embedApply}
        </button>
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm underline underline-offset-4">
          {t.embedCancel}
        </button>
      </div>
    </form>
  );
}
