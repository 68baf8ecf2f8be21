import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { revokeSession } from '@/db/sessions';
import { appConfig } from '@/lib/config/server';
import { redeemSignInGrant } from '@/lib/server/auth/sign-in-grant';
import { authConfig } from './auth.config';

const config = appConfig();
if (config.nodeEnv === 'production' && !config.authSecret && !config.buildPhase) {
  throw new Error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it in the environment.');
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      // Passwords are checked, limited and logged by the sign-in route (app/api/auth/sign-in),
      // which then hands Auth.js a grant for the session it opened; nothing else is accepted, so
      // a password posted straight to Auth.js's callback signs nobody in.
      credentials: { grant: {} },
      async authorize(credentials) {
        const granted = redeemSignInGrant(credentials.grant);
        return granted ? { id: String(granted.userId), sessionId: granted.sessionId } : null;
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
