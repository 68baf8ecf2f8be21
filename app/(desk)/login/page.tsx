import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LanguageSwitch } from '@/components/desk/language-switch';
import { LoginForm } from '@/components/desk/login-form';
import { DocumentLanguage } from '@/components/ui/document-language';
import { directionOf, getMessages } from '@/i18n';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { SIGN_IN_EMAIL_COOKIE, isSignInError } from '@/lib/auth/sign-in-messages';
import { getDeskLocale, requestNonce } from '@/lib/server/next/locale';
import { getCurrentUser } from '@/lib/server/next/session';
import { setLocaleAction } from '../desk/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = getMessages(await getDeskLocale());
  return { title: { absolute: `${t.auth.title} — ${t.site.name}` }, robots: { index: false } };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  const [locale, nonce] = await Promise.all([getDeskLocale(), requestNonce()]);
  const t = getMessages(locale);
  // Set by the sign-in route after a refusal without script: the error code in the URL, the
  // typed email in a cookie that lasts a minute.
  const error = first(params.error);
  const typedEmail = isSignInError(error) ? ((await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value.slice(0, 254) ?? '') : '';
  return (
    <main id="main" lang={locale} dir={directionOf(locale)} className="mx-auto max-w-sm px-4 py-16">
      <DocumentLanguage lang={locale} dir={directionOf(locale)} nonce={nonce} />
      <div className="flex items-baseline justify-between gap-4">
        <Link href="/" prefetch={false} className="font-serif text-3xl font-bold">
          {t.site.name}
        </Link>
        <LanguageSwitch locale={locale} action={setLocaleAction} />
      </div>
      <h1 className="mt-6 text-xl font-bold">{t.auth.title}</h1>
      <div className="mt-6">
        <LoginForm locale={locale} callbackUrl={callbackUrl} initialError={isSignInError(error) ? error : null} initialEmail={typedEmail} />
      </div>
    </main>
  );
}
