import type { Metadata, Viewport } from 'next';
import '@fontsource-variable/noto-naskh-arabic';
import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/600.css';
import '@fontsource/ibm-plex-sans-arabic/700.css';
import './globals.css';
import { DEFAULT_LOCALE, directionOf, getMessages } from '@/i18n';

const messages = getMessages(DEFAULT_LOCALE);

export const metadata: Metadata = {
  title: { default: messages.site.name, template: `%s — ${messages.site.name}` },
  description: messages.site.tagline,
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#fdfcf9',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The desk and the sign-in page may set another language on <html> before hydration
    // (components/ui/document-language.tsx); only that difference is let through.
    <html lang={DEFAULT_LOCALE} dir={directionOf(DEFAULT_LOCALE)} suppressHydrationWarning>
      <body className="min-h-dvh antialiased">{children}</body>
    </html>
  );
}
