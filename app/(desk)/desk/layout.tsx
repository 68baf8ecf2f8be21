import type { Metadata } from 'next';
import { DeskHeader } from '@/components/desk/desk-header';
import { DocumentLanguage } from '@/components/ui/document-language';
import { LocaleProvider } from '@/components/ui/locale-provider';
import { StatusToasts } from '@/components/ui/status-toasts';
import { countUnreadNotifications } from '@/db/queries/notifications';
import { directionOf, getMessages } from '@/i18n';
import { getDeskLocale, requestNonce } from '@/lib/server/next/locale';
import { requireUser } from '@/lib/server/next/session';
import { setLocaleAction, signOutAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = getMessages(await getDeskLocale());
  return { title: { absolute: `${t.desk.title} — ${t.site.name}` }, robots: { index: false, follow: false } };
}

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [locale, unread, nonce] = await Promise.all([getDeskLocale(), countUnreadNotifications(user), requestNonce()]);
  return (
    <LocaleProvider locale={locale}>
      <div lang={locale} dir={directionOf(locale)} className="min-h-dvh">
        <DocumentLanguage lang={locale} dir={directionOf(locale)} nonce={nonce} />
        <DeskHeader user={user} locale={locale} unread={unread} actions={{ setLocale: setLocaleAction, signOut: signOutAction }} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <StatusToasts label={getMessages(locale).desk.notices} closeLabel={getMessages(locale).desk.closeNotice} />
      </div>
    </LocaleProvider>
  );
}
