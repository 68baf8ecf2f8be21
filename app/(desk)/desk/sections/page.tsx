import { asc } from 'drizzle-orm';
import { Field } from '@/components/ui/field';
import { ActionForm, FieldError, SubmitButton } from '@/components/desk/action-form';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { getMessages } from '@/i18n';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { createSectionAction, moveSectionAction, updateSectionAction } from './actions';

export default async function SectionsPage() {
  await requireCapability('sections.manage');
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  const rows = await getDb().select().from(sections).orderBy(asc(sections.position), asc(sections.id));
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">{t.sectionsAdmin.title}</h1>
      <ol className="divide-y divide-rule">
        {rows.map((section, index) => (
          <li key={section.id} data-section={section.slug} className="flex flex-wrap items-center gap-3 py-3">
            <ActionForm action={updateSectionAction} locale={locale} successMessage={t.desk.saved} className="flex flex-1 flex-wrap items-center gap-2">
              <input type="hidden" name="sectionId" value={section.id} />
              <label className="flex flex-col">
                <span className="sr-only">{t.sectionsAdmin.name}</span>
                <input name="name" defaultValue={section.name} required aria-label={t.sectionsAdmin.name} className={fieldStyle} />
                <FieldError name="name" />
              </label>
              <label className="flex flex-col">
                <span className="sr-only">{t.sectionsAdmin.slug}</span>
                <input name="slug" defaultValue={section.slug} aria-label={t.sectionsAdmin.slug} dir="auto" className={fieldStyle} />
                <FieldError name="slug" />
              </label>
              <SubmitButton className={buttonStyle.small}>{t.sectionsAdmin.rename}</SubmitButton>
            </ActionForm>
            <div className="flex gap-1">
              {(['up', 'down'] as const).map((direction) => {
                const disabled = direction === 'up' ? index === 0 : index === rows.length - 1;
                return (
                  <ActionForm key={direction} action={moveSectionAction} locale={locale}>
                    <input type="hidden" name="sectionId" value={section.id} />
                    <input type="hidden" name="direction" value={direction} />
                    <button type="submit" disabled={disabled} className={`${buttonStyle.small} disabled:opacity-40`}>
                      {direction === 'up' ? t.sectionsAdmin.moveUp : t.sectionsAdmin.moveDown}
                    </button>
                  </ActionForm>
                );
              })}
            </div>
          </li>
        ))}
      </ol>
      <section aria-labelledby="new-section" className="max-w-md">
        <h2 id="new-section" className="text-lg font-bold">
          {t.sectionsAdmin.create}
        </h2>
        <ActionForm action={createSectionAction} locale={locale} resetOnSuccess successMessage={t.desk.saved} className="mt-4 space-y-3">
          <Field label={t.sectionsAdmin.name} error="name">
            <input name="name" required className={fieldStyle} />
          </Field>
          <Field label={t.sectionsAdmin.slug} hint={t.sectionsAdmin.slugHint} error="slug">
            <input name="slug" dir="auto" className={fieldStyle} />
          </Field>
          <SubmitButton>{t.sectionsAdmin.create}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
