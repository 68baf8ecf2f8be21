import { ActionForm } from '@/components/desk/action-form';
import { ApiKeyForm } from '@/components/desk/api-key-form';
import { ConfirmedSubmit } from '@/components/desk/confirmed-submit';
import { DeskTime } from '@/components/desk/desk-time';
import { buttonStyle } from '@/components/ui/styles';
import { listApiKeys } from '@/db/queries/api-keys';
import { getSiteSettings } from '@/db/queries/settings';
import { format, getMessages } from '@/i18n';
import { deskFormatter } from '@/lib/format/formatter';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

/** Content-API keys for admins: make one (its secret shown once), see when each was last used, revoke. */
export default async function ApiKeysPage() {
  await requireCapability('api_keys.manage');
  const [locale, settings, keys] = await Promise.all([getDeskLocale(), getSiteSettings(), listApiKeys()]);
  const t = getMessages(locale);
  const tr = t.apiKeys;
  const dates = deskFormatter(locale, settings);
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{tr.title}</h1>
        <p className="max-w-2xl text-sm text-muted">{tr.intro}</p>
      </div>
      <section aria-labelledby="new-key" className="space-y-4">
        <h2 id="new-key" className="text-lg font-bold">
          {tr.create}
        </h2>
        <ApiKeyForm locale={locale} create={createApiKeyAction} />
      </section>
      <section aria-labelledby="keys" className="space-y-4">
        <h2 id="keys" className="text-lg font-bold">
          {tr.list}
        </h2>
        {keys.length === 0 ? (
          <p className="text-muted">{tr.empty}</p>
        ) : (
          <ul className="divide-y divide-rule">
            {keys.map((key) => (
              <li key={key.id} aria-labelledby={`key-${key.id}`} className={`space-y-2 py-4 ${key.revokedAt ? 'text-muted' : ''}`}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <h3 id={`key-${key.id}`} dir="auto" className="font-bold">
                    {key.name}
                  </h3>
                  <span className={`rounded px-2 py-0.5 text-sm ${key.scope === 'partner' ? 'bg-amber-100 text-amber-900' : 'bg-rule'}`}>{tr.scopes[key.scope]}</span>
                  {key.revokedAt ? (
                    <span className="text-sm">{format(tr.revokedAt, { time: dates.dateTime(key.revokedAt) })}</span>
                  ) : (
                    <span className="rounded bg-emerald-100 px-2 py-0.5 text-sm text-emerald-900">{tr.live}</span>
                  )}
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
                  <dt className="text-muted">{tr.prefix}</dt>
                  <dd>
                    <bdi dir="ltr" className="font-mono">
                      {key.prefix}…
                    </bdi>
                  </dd>
                  <dt className="text-muted">{tr.creator}</dt>
                  <dd>
                    <bdi>{key.creatorName}</bdi>
                  </dd>
                  <dt className="text-muted">{tr.created}</dt>
                  <dd>
                    <DeskTime date={key.createdAt} dates={dates} />
                  </dd>
                  <dt className="text-muted">{tr.lastUsed}</dt>
                  <dd>{key.lastUsedAt ? <DeskTime date={key.lastUsedAt} dates={dates} /> : tr.never}</dd>
                </dl>
                {!key.revokedAt && (
                  <ActionForm action={revokeApiKeyAction} locale={locale} successMessage={tr.revoked}>
                    <input type="hidden" name="keyId" value={key.id} />
                    <ConfirmedSubmit
                      label={tr.revoke}
                      title={format(tr.revokeTitle, { name: key.name })}
                      body={tr.revokeBody}
                      cancelLabel={t.workflow.confirm.cancel}
                      tone="danger"
                      className={buttonStyle.small}
                    />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
