'use client';

import { WordDiff } from '@/components/diff/word-diff';
import { buttonStyle } from '@/components/ui/styles';
import { format, getMessages, type Locale } from '@/i18n';
import { documentToText } from '@/lib/content/text';
import type { ContentDocument } from '@/lib/content/types';
import { storyText } from '@/lib/editor/local-copies';
import type { Conflict } from './use-save-protocol';

/**
 * A save met a newer version: theirs beside the difference between theirs and the writer's text,
 * which stays in the editor. The writer saves theirs over, or takes theirs with their own text set
 * aside in this browser.
 */
export function ConflictPanel({
  conflict,
  locale,
  dateTime,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: Conflict;
  locale: Locale;
  /** The moment of their save, as the desk writes times. */
  dateTime: (at: Date) => string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const f = getMessages(locale).articleForm;
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-md border-2 border-accent bg-white p-4">
      <h2 id="conflict-title" className="font-bold text-accent">
        {format(f.conflictTitle, { name: conflict.authorName, time: dateTime(new Date(conflict.savedAt)) })}
      </h2>
      <p className="mt-1 text-sm">{f.conflictBody}</p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">{f.conflictTheirs}</h3>
          <div className="mt-1 max-h-72 overflow-auto rounded border border-rule p-2 text-sm" dir="auto">
            <p className="font-semibold">{conflict.title}</p>
            <p className="whitespace-pre-line">{documentToText(conflict.body as ContentDocument)}</p>
          </div>
        </div>
        <div>
          <h3 className="text-sm font-semibold">{f.conflictDiff}</h3>
          <WordDiff before={storyText(conflict, conflict.body)} after={conflict.mine} locale={locale} className="mt-1 max-h-72 overflow-auto rounded border border-rule p-2 text-sm" />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className={buttonStyle.primary}>
          {f.keepMine}
        </button>
        <button type="button" onClick={onTakeTheirs} className={buttonStyle.secondary}>
          {f.takeTheirs}
        </button>
      </div>
    </section>
  );
}
