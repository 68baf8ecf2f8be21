import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { auth, signIn } from '@/auth';
import { isDatabaseUnreachable } from '@/db/connection-errors';
import { getDb } from '@/db/client';
import { revokeSession } from '@/db/sessions';
import { directionOf, getMessages, type Locale } from '@/i18n';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_DAYS } from '@/lib/auth/known-device';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { escapeHtml } from '@/lib/html/escape';
import { siteOrigin } from '@/lib/seo/site-url';
import { SIGN_IN_EMAIL_COOKIE, SIGN_IN_PATH, signInMessage, type SignInError } from '@/lib/auth/sign-in-messages';
import { logRefusal } from '@/lib/server/next/access-log';
import { authenticate } from '@/lib/server/auth/authenticate';
import { requestClientAddress } from '@/lib/server/next/client-address';
import { getDeskLocale } from '@/lib/server/next/locale';
import { issueSignInGrant } from '@/lib/server/auth/sign-in-grant';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 16 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };
// Cookies Auth.js may have left from before sign-in; none of them may outlive it.
const PRE_SIGN_IN_COOKIES = ['authjs.csrf-token', '__Host-authjs.csrf-token', 'authjs.callback-url', '__Secure-authjs.callback-url'];

/**
 * The sign-in form posts here. A route handler rather than a server action because the answer
 * needs its own status: 429 with Retry-After when a limit refuses, 401 for a wrong email or
 * password (one answer whether or not the account exists). The form's script asks for JSON; a
 * browser without script gets a 303 back to the login page (never with a field in the URL), or
 * to where it was going.
 */
export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const locale = await getDeskLocale();
  if (!isSameOriginRequest(request.headers)) {
    logRefusal(`POST ${SIGN_IN_PATH}`, 'CROSS_ORIGIN');
    return refusal({ wantsJson, locale, error: 'forbidden', status: 403, callbackUrl: '/desk' });
  }

  // Browsers always declare the length of a form post; a body without one, or a large one, is
  // not read at all.
  const length = request.headers.get('content-length');
  let form: FormData | null = null;
  if (length && /^\d+$/.test(length) && Number(length) <= MAX_BODY_BYTES) {
    form = await request.formData().catch(() => null);
  }
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === 'string' ? value : '';
  };
  const callbackUrl = safeCallbackPath(field('callbackUrl'));
  const email = field('email').slice(0, 254);
  const password = field('password');
  if (!email.trim() || !password) {
    return refusal({ wantsJson, locale, error: 'missing', status: 400, callbackUrl, email });
  }

  const jar = await cookies();
  try {
    const result = await authenticate(getDb(), {
      email,
      password,
      ip: requestClientAddress(request.headers),
      userAgent: request.headers.get('user-agent'),
      knownDevice: jar.get(KNOWN_DEVICE_COOKIE)?.value,
    });
    if (!result.ok && result.reason === 'locked') {
      return refusal({ wantsJson, locale, error: 'locked', status: 429, callbackUrl, email, retryAfterSeconds: result.retryAfterSeconds });
    }
    if (!result.ok) return refusal({ wantsJson, locale, error: 'invalid', status: 401, callbackUrl, email });

    // Whatever session this browser held before (or was handed by someone else) ends here; the
    // new one gets a cookie value of its own.
    const before = (await auth()) as { sessionId?: string } | null;
    await signIn('credentials', { grant: issueSignInGrant(result.userId, result.sessionId), redirect: false, redirectTo: callbackUrl });
    if (before?.sessionId && before.sessionId !== result.sessionId) await revokeSession(getDb(), before.sessionId);
    const secure = isSecure();
    for (const name of PRE_SIGN_IN_COOKIES) {
      if (request.cookies.has(name)) jar.set(name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: secure || name.startsWith('__') });
    }
    jar.delete({ name: SIGN_IN_EMAIL_COOKIE, path: '/login' });
    jar.set(KNOWN_DEVICE_COOKIE, result.knownDevice, {
      path: SIGN_IN_PATH,
      maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60,
      httpOnly: true,
      sameSite: 'strict',
      secure,
    });
    if (wantsJson) return Response.json({ ok: true, redirectTo: callbackUrl }, { headers: NO_STORE });
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: callbackUrl } });
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    console.warn('[sign-in] database unreachable:', error instanceof Error ? error.message : error);
    return refusal({ wantsJson, locale, error: 'unavailable', status: 503, callbackUrl, email, retryAfterSeconds: 5 });
  }
}

/**
 * Whether the site is served over https, from SITE_URL as HSTS decides it — never from a request
 * header a client could set.
 */
function isSecure(): boolean {
  return siteOrigin().startsWith('https:');
}

interface Refusal {
  wantsJson: boolean;
  locale: Locale;
  error: SignInError;
  status: number;
  callbackUrl: string;
  email?: string;
  retryAfterSeconds?: number;
}

async function refusal({ wantsJson, locale, error, status, callbackUrl, email, retryAfterSeconds }: Refusal): Promise<Response> {
  const headers: Record<string, string> = { ...NO_STORE };
  if (retryAfterSeconds) headers['Retry-After'] = String(retryAfterSeconds);
  const message = signInMessage(locale, error, retryAfterSeconds);
  if (wantsJson) return Response.json({ ok: false, error, message, retryAfterSeconds }, { status, headers });

  if (error === 'locked' || error === 'unavailable') {
    // The status itself is the answer here (a 303 would turn it into 200), so this page says it.
    const page = refusalPage(locale, message, `/login?${new URLSearchParams({ callbackUrl })}`);
    return new Response(page, { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
  }
  const back = `/login?${new URLSearchParams({ error, callbackUrl })}`;
  // The typed email comes back in a short-lived cookie for the login page, never in the URL.
  if (email) {
    (await cookies()).set(SIGN_IN_EMAIL_COOKIE, email, { path: '/login', maxAge: 60, httpOnly: true, sameSite: 'lax', secure: isSecure() });
  }
  return new Response(null, { status: 303, headers: { ...headers, Location: back } });
}

function refusalPage(locale: Locale, message: string, back: string): string {
  const t = getMessages(locale);
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.auth.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;line-height:1.6}a{color:inherit}</style></head>
<body><main><h1>${escapeHtml(t.auth.title)}</h1><p role="alert">${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">${escapeHtml(t.auth.backToSignIn)}</a></p></main></body>
</html>`;
}
