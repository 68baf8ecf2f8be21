import type { TimelineEvent } from '@/db/queries/desk';
import { format, getMessages, type Locale } from '@/i18n';
import type { Formatter } from '@/lib/format/formatter';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/workflow/states';
import { DeskTime } from './desk-time';
import { StoryEntryDetails } from './story-entry';

const isStatus = (value: unknown): value is ArticleStatus => (ARTICLE_STATUSES as readonly unknown[]).includes(value);

/** A story's entries in the activity log, newest first: who did what, to which revision, and when. */
export function Timeline({ events, locale, dates }: { events: TimelineEvent[]; locale: Locale; dates: Formatter }) {
  const t = getMessages(locale);
  const label = (kind: string) => (t.workflow.events as Record<string, string>)[kind] ?? kind;
  return (
    <ol className="space-y-3 text-sm">
      {events.map((event) => {
        const to = event.kind === 'story.created' ? null : event.details.to;
        return (
          <li key={event.id} className="border-s-2 border-rule ps-3">
            <p>
              {event.actorName && <span className="font-semibold">{event.actorName}</span>} {label(event.kind)}
              {event.revisionNumber !== null && <span className="text-muted"> · {format(t.workflow.revision, { number: event.revisionNumber })}</span>}
              {isStatus(to) && <span className="ms-2 rounded bg-rule px-1.5">{t.status[to]}</span>}
            </p>
            <StoryEntryDetails entry={event} locale={locale} dates={dates} />
            <p className="text-xs text-muted">
              <DeskTime date={event.at} dates={dates} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
