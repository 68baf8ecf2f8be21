import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/desk/login-form';
import { directionOf, getMessages } from '@/i18n';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { getDeskLocale } from '@/lib/server/locale';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: getMessages().auth.title, robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(callbackUrl);
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  return (
    <main id="main" lang={locale} dir={directionOf(locale)} className="mx-auto max-w-sm px-4 py-16">
      <Link href="/" className="font-serif text-3xl font-bold">
        {t.site.name}
      </Link>
      <h1 className="mt-6 text-xl font-bold">{t.auth.title}</h1>
      <div className="mt-6">
        <LoginForm locale={locale} callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
