'use client';

import { useId } from 'react';
import { showStatusToast } from '@/components/ui/status-toasts';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
import { useFormResult } from './action-form';

/**
 * A secret the server hands back once — a new API key, a new preview link — shown inside the
 * form that made it, with a copy button. It lives only in this page's memory: reloading the page
 * or making another one loses it, and the server cannot show it again.
 */
export function SecretOnce({
  pick,
  heading,
  explain,
  label,
  copyLabel,
  copied,
  copyFailed,
}: {
  /** The secret in the form's last successful result, and the name to put in the heading. */
  pick: (value: unknown) => { secret: string; name?: string } | null;
  heading: string;
  explain: string;
  label: string;
  copyLabel: string;
  copied: string;
  copyFailed: string;
}) {
  const result = useFormResult();
  const id = useId();
  const shown = result?.ok ? pick(result.value) : null;
  if (!shown) return null;
  return (
    <div role="region" aria-labelledby={`${id}-heading`} className="space-y-2 rounded-md border-2 border-emerald-700 bg-emerald-50 p-4">
      <h3 id={`${id}-heading`} className="font-bold">
        {heading.replace('{name}', shown.name ?? '')}
      </h3>
      <p id={`${id}-explain`} className="text-sm">
        {explain}
      </p>
      <label htmlFor={`${id}-secret`} className="block text-sm font-semibold">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-secret`}
          readOnly
          value={shown.secret}
          dir="ltr"
          aria-describedby={`${id}-explain`}
          onFocus={(event) => event.currentTarget.select()}
          className={`${fieldStyle} min-w-0 flex-1 font-mono text-sm`}
        />
        <button
          type="button"
          className={buttonStyle.secondary}
          onClick={() => {
            navigator.clipboard.writeText(shown.secret).then(
              () => showStatusToast(copied),
              () => showStatusToast(copyFailed),
            );
          }}
        >
          {copyLabel}
        </button>
      </div>
    </div>
  );
}
