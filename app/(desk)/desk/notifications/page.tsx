import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/desk/action-form';
import { DeskTime } from '@/components/desk/desk-time';
import { StoryEntryDetails } from '@/components/desk/story-entry';
import { buttonStyle } from '@/components/ui/styles';
import { listNotifications } from '@/db/queries/notifications';
import { getSiteSettings } from '@/db/queries/settings';
import { getMessages } from '@/i18n';
import { deskFormatter } from '@/lib/format/formatter';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { markNotificationsSeenAction } from './actions';

export default async function NotificationsPage() {
  const user = await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  const [items, settings] = await Promise.all([listNotifications(user), getSiteSettings()]);
  const dates = deskFormatter(locale, settings);
  const label = (kind: string) => (t.workflow.events as Record<string, string>)[kind] ?? kind;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t.notifications.title}</h1>
        {items.some((n) => n.unread) && (
          <ActionForm action={markNotificationsSeenAction} locale={locale}>
            <SubmitButton className={buttonStyle.small}>{t.notifications.markRead}</SubmitButton>
          </ActionForm>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-muted">{t.notifications.empty}</p>
      ) : (
        <ul className="divide-y divide-rule">
          {items.map((item) => (
            <li key={item.id} className="py-3">
              <p>
                {item.unread && <span className="me-2 rounded bg-accent px-1.5 text-xs text-white">{t.notifications.newBadge}</span>}
                <span className="font-semibold">{item.actorName}</span> {label(item.kind)}:{' '}
                <Link href={`/desk/articles/${item.articleId}`} dir="auto" className="text-accent underline">
                  {item.title}
                </Link>
              </p>
              <div className="text-sm">
                <StoryEntryDetails entry={item} locale={locale} dates={dates} />
              </div>
              <p className="text-xs text-muted">
                <DeskTime date={item.at} dates={dates} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
