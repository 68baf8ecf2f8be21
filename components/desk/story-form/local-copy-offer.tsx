'use client';

import { WordDiff } from '@/components/diff/word-diff';
import { buttonStyle } from '@/components/ui/styles';
import { format, getMessages, type Locale } from '@/i18n';
import { storyText } from '@/lib/editor/local-copies';
import type { OfferedCopy } from './use-local-copy';

/** A copy this browser kept that the server never confirmed, with what it holds beyond the server's text. */
export function LocalCopyOffer({
  offer,
  server,
  locale,
  dateTime,
  onRestore,
  onDiscard,
}: {
  offer: OfferedCopy;
  /** The story as the page was rendered with it. */
  server: { fields: { title?: unknown; summary?: unknown }; body: unknown };
  locale: Locale;
  dateTime: (at: Date) => string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const f = getMessages(locale).articleForm;
  return (
    <section role="alert" className="rounded-md border border-accent bg-white p-4">
      <h2 className="font-bold">{format(f.localCopyTitle, { time: dateTime(new Date(offer.savedAt)) })}</h2>
      <p className="mt-1 text-sm text-muted">{f.localCopyBody}</p>
      <WordDiff before={storyText(server.fields, server.body)} after={storyText(offer.fields, offer.body)} locale={locale} className="mt-3 max-h-64 overflow-auto text-sm" />
      <div className="mt-3 flex gap-2">
        <button type="button" onClick={onRestore} className={buttonStyle.primary}>
          {f.restoreLocal}
        </button>
        <button type="button" onClick={onDiscard} className={buttonStyle.secondary}>
          {f.discardLocal}
        </button>
      </div>
    </section>
  );
}
