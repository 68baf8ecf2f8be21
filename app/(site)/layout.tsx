import { SiteHeader } from '@/components/site/site-header';
import { getMessages } from '@/i18n';

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  const t = getMessages().site;
  return (
    <>
      <SiteHeader t={t} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <footer className="mt-16 border-t border-rule">
        <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">{t.footer}</p>
      </footer>
    </>
  );
}
