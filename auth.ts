import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { revokeSession } from '@/db/sessions';
import { clientAddress } from '@/lib/auth/throttle-policy';
import { authenticate } from '@/lib/server/authenticate';
import { authConfig } from './auth.config';

/** Carries the refusal reason ('invalid' or 'locked') to the sign-in form. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: 'invalid' | 'locked') {
    super();
    this.code = reason;
  }
}

if (process.env.NODE_ENV === 'production' && !process.env.AUTH_SECRET && process.env.NEXT_PHASE !== 'phase-production-build') {
  throw new Error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it in the environment.');
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(getDb(), {
          email: credentials.email,
          password: credentials.password,
          ip: clientAddress(request.headers.get('x-forwarded-for')),
          userAgent: request.headers.get('user-agent'),
        });
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: String(result.userId), sessionId: result.sessionId };
      },
    }),
  ],
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(getDb(), sid);
    },
  },
});
