import { getMessages } from '@/i18n';

/** What an expired, revoked or unknown preview link shows: the same words whatever the reason. */
export function PreviewMissingMessage() {
  const t = getMessages().partnerPreview;
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">{t.missingTitle}</h1>
      <p className="mt-4 text-muted">{t.missingBody}</p>
    </div>
  );
}
