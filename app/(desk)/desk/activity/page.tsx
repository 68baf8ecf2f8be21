import Link from 'next/link';
import { FilterButtons, FilterOptions, IgnoredFilters, PageLinks } from '@/components/desk/listing';
import { Field } from '@/components/ui/field';
import { fieldStyle } from '@/components/ui/styles';
import { listActivity } from '@/db/activity';
import { getDb } from '@/db/client';
import { getSiteSettings } from '@/db/queries/settings';
import { listUsers } from '@/db/users';
import { format, getMessages } from '@/i18n';
import { ACTIVITY_KINDS, STORY_FIELDS, type StoryField } from '@/lib/activity/entries';
import { ACTIVITY_PAGE_SIZE, activityHref, parseActivityQuery } from '@/lib/activity/filter';
import { deskFormatter, wallTimeOf } from '@/lib/format/formatter';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';

type Params = Record<string, string | string[] | undefined>;

/** The newsroom's activity log for admins: who did what and when, filtered and paged by URL. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireCapability('activity.read');
  const [locale, settings, params] = await Promise.all([getDeskLocale(), getSiteSettings(), searchParams]);
  const t = getMessages(locale);
  const tr = t.activity;
  const query = parseActivityQuery(params, settings.timeZone);
  const db = getDb();
  const [people, rows] = await Promise.all([
    listUsers(db),
    listActivity(db, query, { limit: ACTIVITY_PAGE_SIZE + 1, offset: (query.page - 1) * ACTIVITY_PAGE_SIZE }),
  ]);
  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE);
  const hasOlder = rows.length > ACTIVITY_PAGE_SIZE;
  const shown = deskFormatter(locale, settings);
  const day = (date: Date | undefined) => (date ? wallTimeOf(date, settings.timeZone).slice(0, 10) : '');
  const toDay = query.to ? day(new Date(query.to.getTime() - 1)) : '';
  const filterLabels: Record<string, string> = { person: tr.person, kind: tr.kind, story: tr.story, from: tr.from, to: tr.to, page: tr.pages };
  const kindName = (kind: string) => (tr.kinds as Record<string, string>)[kind] ?? kind;
  const detailLines = (details: Record<string, unknown>): string[] =>
    Object.entries(details).flatMap(([name, value]) => {
      if (name === 'direction' && (value === 'up' || value === 'down')) return [tr.directions[value]];
      if (name === 'keyScope' && typeof value === 'string' && Object.hasOwn(tr.keyScopes, value)) {
        return [format(tr.details.keyScope, { value: tr.keyScopes[value as keyof typeof tr.keyScopes] })];
      }
      if (name === 'scope' && typeof value === 'string' && Object.hasOwn(tr.scopes, value)) {
        return [format(tr.details.scope, { value: tr.scopes[value as keyof typeof tr.scopes] })];
      }
      if (name === 'changed' && Array.isArray(value)) {
        const fields = value.filter((field): field is StoryField => (STORY_FIELDS as readonly unknown[]).includes(field));
        return fields.length ? [format(t.workflow.changedFields, { fields: fields.map((field) => t.workflow.fields[field]).join(locale === 'ar' ? '، ' : ', ') })] : [];
      }
      if (name === 'approvalVoided') return value === true ? [t.workflow.approvalVoided] : [];
      if (name === 'autosave') return value === true ? [t.workflow.autosave] : [];
      if ((name === 'at' || name === 'until' || name === 'previousUntil' || name === 'expiresAt') && typeof value === 'string' && !Number.isNaN(new Date(value).getTime())) {
        return [format(tr.details[name], { value: shown.dateTime(new Date(value)) })];
      }
      if (name === 'changes' && Array.isArray(value)) {
        return (value as { setting: string; from: string; to: string }[]).map((change) =>
          format(tr.settingChange, {
            setting: (t.settingsAdmin as Record<string, string>)[change.setting] ?? change.setting,
            from: change.from,
            to: change.to,
          }),
        );
      }
      const template = (tr.details as Record<string, string>)[name];
      if (template && (name === 'role' || name === 'from' || name === 'to') && typeof value === 'string' && Object.hasOwn(t.desk.roles, value)) {
        return [format(template, { value: t.desk.roles[value as keyof typeof t.desk.roles] })];
      }
      if (template && (name === 'from' || name === 'to') && typeof value === 'string' && Object.hasOwn(t.status, value)) {
        return [format(template, { value: t.status[value as keyof typeof t.status] })];
      }
      if (!template || (typeof value !== 'string' && typeof value !== 'number')) return [];
      return [format(template, { value: typeof value === 'number' ? shown.number(value) : value })];
    });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{tr.title}</h1>
      <form method="get" action="/desk/activity" aria-label={tr.filters} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <Field label={tr.person} className="block space-y-1">
          <select name="person" defaultValue={query.actorId ?? ''} className={fieldStyle}>
            <FilterOptions any={tr.anyone} choices={people.map((person) => ({ value: person.id, label: person.name }))} />
          </select>
        </Field>
        <Field label={tr.kind} className="block space-y-1">
          <select name="kind" defaultValue={query.kind ?? ''} className={fieldStyle}>
            <FilterOptions any={tr.anyKind} choices={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: kindName(kind) }))} />
          </select>
        </Field>
        <Field label={tr.story} className="block space-y-1">
          <input name="story" inputMode="numeric" defaultValue={query.articleId ?? ''} dir="ltr" className={`${fieldStyle} text-start`} />
        </Field>
        <Field label={tr.from} className="block space-y-1">
          <input type="date" name="from" defaultValue={day(query.from)} className={fieldStyle} />
        </Field>
        <Field label={tr.to} className="block space-y-1">
          <input type="date" name="to" defaultValue={toDay} className={fieldStyle} />
        </Field>
        <FilterButtons apply={tr.apply} clear={tr.clear} clearHref="/desk/activity" />
      </form>
      <IgnoredFilters ignored={query.ignored} labels={filterLabels} sentence={tr.badFilter} locale={locale} />
      {entries.length === 0 ? (
        <p className="text-muted">{tr.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-rule text-muted">
              <tr>
                <th scope="col" className="py-2 pe-4 text-start">{tr.when}</th>
                <th scope="col" className="py-2 pe-4 text-start">{tr.who}</th>
                <th scope="col" className="py-2 text-start">{tr.what}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td className="whitespace-nowrap py-3 pe-4">
                    <time dateTime={entry.at.toISOString()}>{shown.dateTime(entry.at)}</time>
                  </td>
                  <td className="py-3 pe-4">{entry.actorName ?? <span className="text-muted">{tr.nobody}</span>}</td>
                  <td className="space-y-1 py-3">
                    <p className="font-semibold">
                      {kindName(entry.kind)}
                      {entry.subjectName && <span className="font-normal"> · {entry.subjectName}</span>}
                      {entry.articleId && (
                        <>
                          {' · '}
                          <Link href={`/desk/articles/${entry.articleId}`} className="font-normal text-accent underline">
                            #{shown.number(entry.articleId)}
                          </Link>
                        </>
                      )}
                      {entry.revisionNumber !== null && (
                        <span className="font-normal text-muted"> · {format(t.workflow.revision, { number: shown.number(entry.revisionNumber) })}</span>
                      )}
                    </p>
                    {detailLines(entry.details).map((line) => (
                      <p key={line} dir="auto" className="text-muted">
                        {line}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks
        label={tr.pages}
        previous={query.page > 1 ? { href: activityHref(params, query.page - 1), text: tr.previousPage } : undefined}
        next={hasOlder ? { href: activityHref(params, query.page + 1), text: tr.nextPage } : undefined}
      />
    </div>
  );
}
