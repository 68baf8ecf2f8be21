import Link from 'next/link';
import { ArticleList } from '@/components/desk/article-list';
import { buttonStyle } from '@/components/ui/styles';
import { countQueues, listOverdueSchedules, listQueue, listSectionsForDesk, QUEUES, type QueueName } from '@/db/queries/desk';
import { getSiteSettings } from '@/db/queries/settings';
import { getMessages } from '@/i18n';
import { storiesHref } from '@/lib/desk/story-filter';
import { deskFormatter } from '@/lib/format/formatter';
import { can } from '@/lib/permissions';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';

type Props = { searchParams: Promise<{ section?: string }> };

/** Each queue as a filter of the whole inventory (/desk/stories), for its «عرض الكل» link. */
const QUEUE_FILTER: Record<QueueName, (userId: number) => Record<string, string>> = {
  drafts: (userId) => ({ status: 'draft', author: String(userId) }),
  returned: (userId) => ({ status: 'changes_requested', author: String(userId) }),
  review: () => ({ status: 'in_review' }),
  approved: () => ({ status: 'approved' }),
  scheduled: () => ({ status: 'scheduled' }),
  published: () => ({ status: 'published' }),
};

export default async function DeskHomePage({ searchParams }: Props) {
  const user = await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  const sectionParam = Number((await searchParams).section);
  const sectionId = Number.isSafeInteger(sectionParam) && sectionParam > 0 ? sectionParam : undefined;

  // Editors see their own drafts first; reviewers start from the review queue.
  const queues: QueueName[] = user.role === 'reviewer' ? ['review', 'approved', 'scheduled', 'published'] : [...QUEUES];
  const [sectionList, counts, overdue, lists, settings] = await Promise.all([
    listSectionsForDesk(),
    countQueues(user.id, sectionId),
    listOverdueSchedules(),
    Promise.all(queues.map((queue) => listQueue(queue, user.id, { sectionId, limit: 10 }))),
    getSiteSettings(),
  ]);
  const dates = deskFormatter(locale, settings);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">{t.desk.home}</h1>
        <form method="get" className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block font-semibold">{t.workflow.sectionFilter}</span>
            <select name="section" defaultValue={sectionId ?? ''} className="rounded-md border border-rule bg-white px-2 py-1">
              <option value="">{t.workflow.allSections}</option>
              {sectionList.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonStyle.small}>
            {t.workflow.filter}
          </button>
        </form>
        {can(user.role, 'article.create') && (
          <Link href="/desk/articles/new" className={buttonStyle.primary}>
            {t.workflow.newArticle}
          </Link>
        )}
      </div>
      {overdue.length > 0 && (
        <div role="status" className="rounded-md border border-accent bg-white p-3 text-sm">
          <p className="font-semibold text-accent">{t.workflow.overdue}</p>
          <ArticleList rows={overdue} locale={locale} dates={dates} showScheduled />
        </div>
      )}
      <div className="grid gap-8 md:grid-cols-2">
        {queues.map((queue, i) => (
          <section key={queue} aria-labelledby={`queue-${queue}`}>
            <h2 id={`queue-${queue}`} className="flex items-baseline gap-2 border-b border-rule pb-1 text-lg font-bold">
              {t.workflow.queues[queue]}
              <span className="rounded-full bg-rule px-2 text-sm tabular-nums">{counts[queue]}</span>
            </h2>
            <ArticleList rows={lists[i]!} locale={locale} dates={dates} showScheduled={queue === 'scheduled'} />
            {counts[queue] > 0 && (
              <Link href={storiesHref({ ...QUEUE_FILTER[queue](user.id), section: sectionId ? String(sectionId) : undefined }, 1)} aria-describedby={`queue-${queue}`} className="mt-2 inline-block text-sm underline">
                {t.stories.showAll}
              </Link>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
