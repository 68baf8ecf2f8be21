'use client';

import { useRef, useState } from 'react';
import { getMessages, type Locale } from '@/i18n';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/desk/results';
import type { MediaDto } from '@/lib/media/dto';

/**
 * Upload dialog for story images: the file, its required alt text, caption and credit. The server
 * checks the file by its content and answers with the stored image, or with the reason it refused.
 */
export function MediaPicker({ locale, onUploaded, onClose }: { locale: Locale; onUploaded: (media: MediaDto) => void; onClose: () => void }) {
  const t = getMessages(locale);
  const m = t.media;
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const response = await fetch('/api/media', { method: 'POST', body: new FormData(event.currentTarget) });
      const answer = (await response.json()) as ActionResult<MediaDto>;
      if (answer.ok) {
        onUploaded(answer.value);
        return;
      }
      setError(t.errors.codes[answer.error] ?? t.errors.codes.UNEXPECTED);
    } catch {
      setError(t.errors.codes.DATABASE_UNAVAILABLE);
    } finally {
      setBusy(false);
    }
  };

  const input = 'block w-full rounded-md border border-rule bg-white px-3 py-2';
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="media-picker-title" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <form ref={formRef} onSubmit={submit} className="w-full max-w-md space-y-3 rounded-lg bg-paper p-5 shadow-xl">
        <h2 id="media-picker-title" className="text-lg font-bold">
          {m.upload}
        </h2>
        <Field label={m.file} hint={m.fileHint}>
          <input type="file" name="file" accept="image/*" required className="block w-full text-sm" />
        </Field>
        <Field label={m.alt} hint={m.altHint}>
          <input name="alt" required dir="auto" className={input} />
        </Field>
        <Field label={m.caption}>
          <input name="caption" dir="auto" className={input} />
        </Field>
        <Field label={m.credit}>
          <input name="credit" dir="auto" className={input} />
        </Field>
        <p role="alert" className="min-h-5 text-sm text-accent">
          {busy ? m.uploading : error}
        </p>
        <div className="flex gap-2">
          <button type="submit" disabled={busy} className="rounded-md bg-ink px-4 py-2 text-paper disabled:opacity-60">
            {m.insert}
          </button>
          <button type="button" onClick={onClose} className="rounded-md border border-rule px-4 py-2">
            {t.editor.linkCancel}
          </button>
        </div>
      </form>
    </div>
  );
}
