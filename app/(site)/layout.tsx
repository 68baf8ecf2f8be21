import type { Metadata, Viewport } from 'next';
import { BreakingBanner } from '@/components/site/breaking-banner';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { format, getMessages } from '@/i18n';
import { FEED_PATH } from '@/lib/seo/paths';
import { siteOrigin } from '@/lib/seo/site-url';
import { getBreakingNews, getSiteChrome } from './_lib/data';

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fdfcf9' },
    { media: '(prefers-color-scheme: dark)', color: '#141417' },
  ],
  colorScheme: 'light dark',
};

export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getSiteChrome();
  const tr = getMessages().reader;
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: settings.siteName, template: `%s — ${settings.siteName}` },
    description: settings.siteDescription || getMessages().site.tagline,
    applicationName: settings.siteName,
    alternates: {
      types: { 'application/rss+xml': [{ url: FEED_PATH, title: format(tr.feedTitle, { site: settings.siteName }) }] },
    },
  };
}

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const messages = getMessages();
  const [{ settings, sections }, breaking] = await Promise.all([getSiteChrome(), getBreakingNews()]);
  return (
    <div className="site-shell flex min-h-dvh flex-col bg-paper text-ink">
      <SiteHeader
        siteName={settings.siteName}
        tagline={settings.siteDescription}
        sections={sections}
        t={messages.site}
        tr={messages.reader}
      />
      <BreakingBanner stories={breaking} tr={messages.reader} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none md:py-10">
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} t={messages.site} tr={messages.reader} />
    </div>
  );
}
