'use client';

import { getMessages } from '@/i18n';

// Last resort when the root layout itself fails: no layout, so this renders its own document.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = getMessages().errors;
  return (
    <html lang="ar" dir="rtl">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '6rem 1rem' }}>
        <h1>{t.unexpectedTitle}</h1>
        <p>{t.unexpectedBody}</p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>
      </body>
    </html>
  );
}
