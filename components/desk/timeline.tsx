import type { TimelineEvent } from '@/db/queries/desk';
import { format, getMessages, type Locale } from '@/i18n';
import type { Formatter } from '@/lib/format/formatter';
import { DeskTime } from './desk-time';
import { scheduledTimeOf } from './scheduled-time';

export function Timeline({ events, locale, dates }: { events: TimelineEvent[]; locale: Locale; dates: Formatter }) {
  const t = getMessages(locale);
  const label = (action: string) => (t.workflow.events as Record<string, string>)[action] ?? action;
  return (
    <ol className="space-y-3 text-sm">
      {events.map((event) => {
        const due = scheduledTimeOf(event);
        return (
          <li key={event.id} className="border-s-2 border-rule ps-3">
            <p>
              <span className="font-semibold">{event.actorName}</span> {label(event.action)}
              {event.revisionNumber !== null && <span className="text-muted"> · {format(t.workflow.revision, { number: event.revisionNumber })}</span>}
              {event.toStatus && event.action !== 'create' && <span className="ms-2 rounded bg-rule px-1.5">{t.status[event.toStatus]}</span>}
            </p>
            {event.note === 'approval_voided' ? (
              <p className="text-accent">{t.workflow.approvalVoided}</p>
            ) : event.note && event.action !== 'schedule' ? (
              <p dir="auto" className="mt-1 whitespace-pre-line rounded bg-white/70 p-2">
                {event.note}
              </p>
            ) : null}
            {due && (
              <p className="mt-1">
                {t.workflow.scheduledFor}: <DeskTime date={due} dates={dates} />
              </p>
            )}
            <p className="text-xs text-muted">
              <DeskTime date={event.createdAt} dates={dates} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
