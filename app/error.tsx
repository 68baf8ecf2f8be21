'use client';

import { getMessages } from '@/i18n';

// A failure while rendering shows a calm page; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = getMessages().errors;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">{t.unexpectedTitle}</h1>
      <p className="mt-4 text-muted">{t.unexpectedBody}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-8 rounded-md bg-ink px-5 py-2 text-paper hover:opacity-90"
      >
        {t.retry}
      </button>
    </main>
  );
}
