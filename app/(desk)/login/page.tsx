import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/desk/login-form';
import { directionOf, getMessages } from '@/i18n';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { SIGN_IN_EMAIL_COOKIE, isSignInError } from '@/lib/auth/sign-in-messages';
import { getDeskLocale } from '@/lib/server/next/locale';
import { getCurrentUser } from '@/lib/server/next/session';

export const metadata: Metadata = { title: getMessages().auth.title, robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  const locale = await getDeskLocale();
  const t = getMessages(locale);
  // Set by the sign-in route after a refusal without script: the error code in the URL, the
  // typed email in a cookie that lasts a minute.
  const error = first(params.error);
  const typedEmail = isSignInError(error) ? ((await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value.slice(0, 254) ?? '') : '';
  return (
    <main id="main" lang={locale} dir={directionOf(locale)} className="mx-auto max-w-sm px-4 py-16">
      <Link href="/" prefetch={false} className="font-serif text-3xl font-bold">
        {t.site.name}
      </Link>
      <h1 className="mt-6 text-xl font-bold">{t.auth.title}</h1>
      <div className="mt-6">
        <LoginForm locale={locale} callbackUrl={callbackUrl} initialError={isSignInError(error) ? error : null} initialEmail={typedEmail} />
      </div>
    </main>
  );
}
