import { DualDate } from '@/components/site/dual-date';
import { countArticlesByStatus, listArticlesCreatedBy } from '@/db/queries/desk';
import { getMessages } from '@/i18n';
import { ARTICLE_STATUSES } from '@/lib/workflow/states';
import { getDeskLocale } from '@/lib/server/locale';
import { requireCapability } from '@/lib/server/session';

export default async function DeskHomePage() {
  const user = await requireCapability('desk.access');
  const t = getMessages(await getDeskLocale());
  const [mine, counts] = await Promise.all([listArticlesCreatedBy(user.id), countArticlesByStatus()]);
  return (
    <div className="grid gap-10 md:grid-cols-3">
      <section aria-labelledby="mine" className="md:col-span-2">
        <h1 id="mine" className="text-2xl font-bold">
          {t.desk.myArticles}
        </h1>
        {mine.length === 0 ? (
          <p className="mt-4 text-muted">{t.desk.noArticles}</p>
        ) : (
          <ul className="mt-4 divide-y divide-rule">
            {mine.map((article) => (
              <li key={article.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <span dir="auto" className="font-semibold">
                  {article.title}
                </span>
                <span className="flex items-baseline gap-3 text-sm text-muted">
                  <span>{article.sectionName}</span>
                  <span className="rounded bg-rule px-2 py-0.5 text-ink">{t.status[article.status]}</span>
                  <span>
                    {t.desk.updated}: <DualDate date={article.updatedAt} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="by-status">
        <h2 id="by-status" className="text-lg font-bold">
          {t.desk.allByStatus}
        </h2>
        <dl className="mt-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
          {ARTICLE_STATUSES.map((status) => (
            <div key={status} className="contents">
              <dt>{t.status[status]}</dt>
              <dd className="text-end font-semibold tabular-nums">{counts[status] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
