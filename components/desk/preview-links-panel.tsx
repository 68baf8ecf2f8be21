import { getMessages, format, type Locale } from '@/i18n';
import type { PreviewLinkView } from '@/db/queries/preview-links';
import type { FormAction } from '@/lib/desk/results';
import type { Formatter } from '@/lib/format/formatter';
import { buttonStyle } from '@/components/ui/styles';
import { ActionForm } from './action-form';
import { ConfirmedSubmit } from './confirmed-submit';
import { PreviewLinkForm } from './preview-link-form';

/**
 * «روابط المعاينة للشركاء»: make a link that shows this story to a partner before its embargo,
 * see the story's links with their expiry, and revoke them. Shown only to those the permission
 * table allows; the server checks again.
 */
export function PreviewLinksPanel({
  articleId,
  previewable,
  embargoed,
  links,
  now,
  locale,
  dates,
  actions,
}: {
  articleId: number;
  /** Published or scheduled: a link can be made. */
  previewable: boolean;
  /** The story's embargo lies ahead. */
  embargoed: boolean;
  links: PreviewLinkView[];
  now: Date;
  locale: Locale;
  dates: Formatter;
  actions: { create: FormAction<{ token: string; expiresAt: string }>; revoke: FormAction };
}) {
  const t = getMessages(locale);
  const tr = t.previewLinks;
  return (
    <section aria-labelledby={`preview-links-${articleId}`} className="space-y-3">
      <h2 id={`preview-links-${articleId}`} className="font-bold">
        {tr.heading}
      </h2>
      <p className="text-xs text-muted">{tr.explain}</p>
      {previewable ? <PreviewLinkForm articleId={articleId} embargoed={embargoed} locale={locale} create={actions.create} /> : <p className="text-sm">{tr.notPublished}</p>}
      {links.length === 0 ? (
        <p className="text-sm text-muted">{tr.none}</p>
      ) : (
        <ul aria-label={tr.heading} className="space-y-2 text-sm">
          {links.map((link) => {
            const live = !link.revokedAt && link.expiresAt > now;
            const state = link.revokedAt
              ? format(tr.revokedAt, { time: dates.dateTime(link.revokedAt) })
              : live
                ? format(tr.expires, { time: dates.dateTime(link.expiresAt) })
                : format(tr.expired, { time: dates.dateTime(link.expiresAt) });
            return (
              <li key={link.id} className={`space-y-1 border-s-2 ps-3 ${live ? 'border-emerald-700' : 'border-rule text-muted'}`}>
                <p>{state}</p>
                <p className="text-xs text-muted">
                  {format(tr.by, { name: link.creatorName })} · <time dateTime={dates.iso(link.createdAt)}>{dates.dateTime(link.createdAt)}</time>
                </p>
                {live && (
                  <ActionForm action={actions.revoke} locale={locale} successMessage={tr.revoked}>
                    <input type="hidden" name="articleId" value={articleId} />
                    <input type="hidden" name="linkId" value={link.id} />
                    <ConfirmedSubmit
                      label={tr.revoke}
                      title={tr.revokeTitle}
                      body={tr.revokeBody}
                      cancelLabel={t.workflow.confirm.cancel}
                      tone="danger"
                      className={buttonStyle.small}
                    />
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
