import { ArticleForm } from '@/components/desk/article-form';
import { listSectionsForDesk } from '@/db/queries/desk';
import { getSiteSettings } from '@/db/queries/settings';
import { getMessages } from '@/i18n';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { articleFormActions } from '../form-actions';

export default async function NewArticlePage() {
  const user = await requireCapability('article.create');
  const locale = await getDeskLocale();
  const [sections, settings] = await Promise.all([listSectionsForDesk(), getSiteSettings()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{getMessages(locale).articleForm.newTitle}</h1>
      <ArticleForm
        articleId={null}
        version={0}
        initialFields={{ title: '', summary: '', byline: '', sectionId: '', tags: [], slug: '' }}
        initialBody={null}
        featuredMediaId={null}
        featuredImage={null}
        sections={sections}
        locale={locale}
        userId={user.id}
        editable
        dateSettings={settings}
        actions={articleFormActions}
      />
    </div>
  );
}
