'use client';

import Link from 'next/link';
import { format, getMessages, type Locale } from '@/i18n';
import type { BulkOutcome } from '@/lib/desk/results';
import { useFormResult } from './action-form';

/**
 * What a bulk step did to each chosen story, under the inventory's bulk form: how many were done,
 * and for each story that was not, why — so a partial failure is never silent.
 */
export function BulkReport({ locale }: { locale: Locale }) {
  const result = useFormResult();
  if (!result?.ok || !Array.isArray(result.value)) return null;
  const outcomes = result.value as BulkOutcome[];
  const t = getMessages(locale);
  const done = outcomes.filter((outcome) => outcome.ok).length;
  return (
    <section aria-label={t.stories.report} className="rounded-md border border-rule bg-white/70 p-3 text-sm">
      <p role="status" className="font-semibold">
        {format(t.stories.reportSummary, { done, failed: outcomes.length - done })}
      </p>
      <ul className="mt-2 space-y-1">
        {outcomes.map((outcome) => (
          <li key={outcome.articleId} className={outcome.ok ? 'text-emerald-800' : 'text-accent'}>
            <span aria-hidden="true">{outcome.ok ? '✓ ' : '✗ '}</span>
            <Link href={`/desk/articles/${outcome.articleId}`} dir="auto" className="underline">
              {outcome.title ?? `#${outcome.articleId}`}
            </Link>
            {' — '}
            {outcome.ok ? t.stories.itemDone : t.errors.codes[outcome.error]}
          </li>
        ))}
      </ul>
    </section>
  );
}
