'use client';

import { useRef, useState } from 'react';
import { directionOf, getMessages, type Locale } from '@/i18n';
import { ModalDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
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

  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={m.upload} dir={directionOf(locale)} lang={locale}>
      {({ close }) => (
        <form ref={formRef} onSubmit={submit} className="space-y-3">
          <Field label={m.file} hint={m.fileHint}>
            <input type="file" name="file" accept="image/*" required className="block w-full text-sm" />
          </Field>
          <Field label={m.alt} hint={m.altHint}>
            <input name="alt" required dir="auto" className={fieldStyle} />
          </Field>
          <Field label={m.caption}>
            <input name="caption" dir="auto" className={fieldStyle} />
          </Field>
          <Field label={m.credit}>
            <input name="credit" dir="auto" className={fieldStyle} />
          </Field>
          <p role="alert" className="min-h-5 text-sm text-accent">
            {busy ? m.uploading : error}
          </p>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className={buttonStyle.primary}>
              {m.insert}
            </button>
            <button type="button" onClick={close} className={buttonStyle.secondary}>
              {t.editor.linkCancel}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
