import { ArticleList } from '@/components/desk/article-list';
import { listQueue } from '@/db/queries/desk';
import { getSiteSettings } from '@/db/queries/settings';
import { getMessages } from '@/i18n';
import { deskFormatter } from '@/lib/format/formatter';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';

export default async function ReviewQueuePage() {
  const user = await requireCapability('article.review');
  const locale = await getDeskLocale();
  const t = getMessages(locale).workflow;
  const [rows, settings] = await Promise.all([listQueue('review', user.id, { limit: 100 }), getSiteSettings()]);
  return (
    <section aria-labelledby="review-queue" className="max-w-3xl">
      <h1 id="review-queue" className="text-2xl font-bold">
        {t.reviewQueue}
      </h1>
      <div className="mt-4">
        <ArticleList rows={rows} locale={locale} dates={deskFormatter(locale, settings)} />
      </div>
    </section>
  );
}
