'use client';

import { Fragment, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SubmitButton } from './action-form';

/**
 * A submit button that asks first: pressing it checks the form, then opens a dialog saying what
 * will happen; only its confirm button (named like this one) submits the form. `body` may name a
 * field of the form in braces ({scheduledFor}), filled with what was typed there, and {url}, shown
 * as an isolated left-to-right address. The dialog takes the language and direction of the page
 * around the button (the desk's), not of the document it is drawn over.
 */
export function ConfirmedSubmit({
  label,
  title,
  body,
  cancelLabel,
  className,
  tone,
  url,
  'aria-describedby': describedBy,
}: {
  label: string;
  /** An address to show in place of {url} in the body. */
  url?: string;
  title: string;
  body: string;
  cancelLabel: string;
  className?: string;
  tone?: 'default' | 'danger';
  'aria-describedby'?: string;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [around, setAround] = useState<{ dir: string; lang?: string }>({ dir: 'rtl' });
  return (
    <>
      <SubmitButton
        ref={button}
        className={className}
        aria-describedby={describedBy}
        onClick={(event) => {
          const form = event.currentTarget.form;
          if (!form) return;
          event.preventDefault();
          if (!form.reportValidity()) return;
          const data = new FormData(form);
          setAround({ dir: getComputedStyle(form).direction, lang: form.closest<HTMLElement>('[lang]')?.lang });
          setSaid(body.replace(/\{(\w+)\}/g, (whole, name: string) => (name !== 'url' && data.has(name) ? String(data.get(name)).replace('T', ' ') : whole)));
        }}
      >
        {label}
      </SubmitButton>
      <ConfirmDialog
        isOpen={said !== null}
        onOpenChange={(open) => !open && setSaid(null)}
        title={title}
        confirmLabel={label}
        cancelLabel={cancelLabel}
        tone={tone}
        onConfirm={() => button.current?.form?.requestSubmit(button.current)}
        dir={around.dir}
        lang={around.lang}
      >
        {said?.split('{url}').map((part, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <bdi dir="ltr" className="font-mono text-xs">
                {url}
              </bdi>
            )}
            {part}
          </Fragment>
        ))}
      </ConfirmDialog>
    </>
  );
}
